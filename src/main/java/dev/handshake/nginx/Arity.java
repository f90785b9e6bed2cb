package dev.handshake.nginx;

import java.util.ArrayList;
import java.util.List;

/**
 * How many arguments a directive takes, read from its nginx.org {@code Syntax:} forms: words count
 * one each, {@code [optional]} parts may be left out, {@code a | b} is one of them, and {@code ...},
 * a {@code (condition)} or a plural placeholder such as {@code [parameters]} takes any number more.
 * Over several forms ({@code return code [text]; || return URL;}) the widest range counts. This is
 * the check nginx makes before it reads any value ({@code invalid number of arguments in "X" directive}).
 *
 * @param min the fewest arguments
 * @param max the most, or {@link #UNBOUNDED}
 */
public record Arity(int min, int max) {

    public static final int UNBOUNDED = Integer.MAX_VALUE;

    /** Placeholders that stand for several arguments although written once. */
    private static final List<String> PLURAL = List.of("parameters", "params", "options");

    /**
     * Directives nginx lets take more arguments than their documented forms show, measured with
     * nginx 1.22.1 ({@code nginx -t} with one argument more than the forms allow, for every directive
     * it knows: these failed on a value, not on the count). {@code stub_status} still takes the old
     * {@code on}.
     */
    private static final java.util.Map<String, Integer> MEASURED_MAX = java.util.Map.ofEntries(
            java.util.Map.entry("access_log", UNBOUNDED), java.util.Map.entry("error_log", UNBOUNDED),
            java.util.Map.entry("listen", UNBOUNDED), java.util.Map.entry("ssl_protocols", UNBOUNDED),
            java.util.Map.entry("proxy_ssl_protocols", UNBOUNDED), java.util.Map.entry("grpc_ssl_protocols", UNBOUNDED),
            java.util.Map.entry("uwsgi_ssl_protocols", UNBOUNDED), java.util.Map.entry("proxy_cache_path", UNBOUNDED),
            java.util.Map.entry("fastcgi_cache_path", UNBOUNDED), java.util.Map.entry("scgi_cache_path", UNBOUNDED),
            java.util.Map.entry("uwsgi_cache_path", UNBOUNDED), java.util.Map.entry("stub_status", 1));

    /**
     * The documented range of each catalogue entry's forms, read once: reading them takes a regex and
     * a split per form, and the rules ask for every directive of the config (a JFR profile of the
     * 35k-line corpus file had a quarter of its samples there).
     */
    private static final java.util.Map<List<String>, Arity> READ = new java.util.concurrent.ConcurrentHashMap<>();

    /** {@link #of(List)}, widened where nginx is measured to take more than the forms show. */
    public static Arity of(String name, List<String> forms) {
        Arity documented = READ.computeIfAbsent(forms, Arity::of);
        Integer measured = MEASURED_MAX.get(name);
        return measured == null ? documented : new Arity(documented.min, Math.max(documented.max, measured));
    }

    public boolean accepts(int count) {
        return count >= min && count <= max;
    }

    /** The widest range over {@code forms}, each written as nginx.org writes it ({@code name args;}). */
    public static Arity of(List<String> forms) {
        int min = UNBOUNDED;
        int max = 0;
        for (String form : forms) {
            Arity one = ofForm(form);
            min = Math.min(min, one.min);
            max = Math.max(max, one.max);
        }
        return new Arity(min == UNBOUNDED ? 0 : min, max);
    }

    /**
     * Forms already read: the catalogue's forms are a fixed set, and a rule asks for a directive's arity
     * once per statement (a config whose includes splice in 50,000 statements read the forms, with their
     * regular expressions, 50,000 times).
     */
    private static final java.util.Map<String, Arity> FORMS = new java.util.concurrent.ConcurrentHashMap<>();

    /** One form such as {@code listen address[:port] [ssl];} or {@code location [ = | ~ ] uri {...}}. */
    static Arity ofForm(String form) {
        return FORMS.computeIfAbsent(form, Arity::read);
    }

    private static Arity read(String form) {
        String body = form.strip();
        if (body.endsWith(";")) {
            body = body.substring(0, body.length() - 1);
        }
        if (body.endsWith("{...}")) {
            body = body.substring(0, body.length() - "{...}".length());
        }
        // A quoted example ('sub { ... }') is one argument, whatever it holds.
        String[] words = body.replaceAll("'[^']*'", "quoted").strip().split("\\s+");
        List<String> symbols = new ArrayList<>();
        for (int i = 1; i < words.length; i++) {
            symbolize(words[i], symbols);
        }
        int[] at = {0};
        long[] range = sequence(symbols, at);
        return new Arity((int) range[0], range[1] >= UNBOUNDED ? UNBOUNDED : (int) range[1]);
    }

    /** A word as symbols: its leading {@code [}s, the word itself, the {@code ]}s that close groups. */
    private static void symbolize(String word, List<String> symbols) {
        if (word.equals("|")) {
            symbols.add("|");
            return;
        }
        int leading = 0;
        while (leading < word.length() && word.charAt(leading) == '[') {
            leading++;
        }
        int balance = 0;
        for (char c : word.toCharArray()) {
            balance += c == '[' ? 1 : c == ']' ? -1 : 0;
        }
        int closing = leading - balance;
        String inner = word.substring(leading, Math.max(leading, word.length() - Math.max(closing, 0)));
        for (int i = 0; i < leading; i++) {
            symbols.add("[");
        }
        if (!inner.isEmpty()) {
            symbols.add(inner);
        }
        for (int i = 0; i < closing; i++) {
            symbols.add("]");
        }
    }

    /** Alternatives separated by {@code |} up to a {@code ]} or the end: {min, max}. */
    private static long[] sequence(List<String> symbols, int[] at) {
        long[] best = null;
        long[] current = {0, 0};
        while (at[0] < symbols.size()) {
            String s = symbols.get(at[0]++);
            switch (s) {
                case "]" -> {
                    return merge(best, current);
                }
                case "|" -> {
                    best = merge(best, current);
                    current = new long[] {0, 0};
                }
                case "[" -> {
                    int from = at[0];
                    long[] inside = sequence(symbols, at);
                    // Optional key=value parameters ([levels=levels] [inactive=time]...) are where the
                    // docs undercount most (nginx takes them as "1 or more"), so they take any number.
                    boolean keyValue = symbols.subList(from, at[0]).stream()
                            .anyMatch(w -> w.indexOf('=') > 0);
                    current[1] = keyValue ? UNBOUNDED : add(current[1], inside[1]);
                }
                default -> {
                    boolean many = s.contains("...") || s.startsWith("(") || PLURAL.contains(s);
                    if (!s.equals("...")) {
                        current[0]++;
                    }
                    current[1] = many ? UNBOUNDED : add(current[1], 1);
                }
            }
        }
        return merge(best, current);
    }

    private static long[] merge(long[] best, long[] current) {
        if (best == null) {
            return current;
        }
        return new long[] {Math.min(best[0], current[0]), Math.max(best[1], current[1])};
    }

    private static long add(long a, long b) {
        return a >= UNBOUNDED || b >= UNBOUNDED ? UNBOUNDED : a + b;
    }
}
