package dev.handshake.incident;

import dev.handshake.syntax.Directive;
import dev.handshake.syntax.ParseResult;
import dev.handshake.syntax.Parser;
import dev.handshake.syntax.Token;
import dev.handshake.text.TextRange;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks the secrets in a configuration so it can be shared: credentials in request headers, the paths
 * of password, htpasswd and ticket-key files (never their contents, which are not read), link secrets,
 * the entries of {@code map}s of tokens, and any value named like a secret. Everything else, comments
 * and layout included, stays byte for byte; a quoted value keeps its quotes.
 */
public final class Redactor {

    /** What a masked value reads as. */
    public static final String MASK = "[REDACTED]";

    /** Names that say "this is a secret", in a directive, a variable, a header or a {@code key=value}. */
    private static final Pattern SECRET_NAME = Pattern.compile(
            "(?i).*(password|passwd|secret|token|api[_-]?key|credential).*");
    /** Header names whose value is a credential. */
    private static final Pattern SECRET_HEADER = Pattern.compile(
            "(?i)(proxy-)?authorization|(set-)?cookie|x-[a-z0-9-]*(key|auth|signature|hmac)[a-z0-9-]*"
                    + "|.*(password|secret|token|api-?key|signature).*");
    /** Map names or sources that hold keys or credentials. */
    private static final Pattern SECRET_MAP = Pattern.compile(
            "(?i).*(password|passwd|secret|token|key|credential|auth(?!ority)).*");
    /** A {@code name=value} inside an argument, such as a query string {@code ?token=abc}. */
    private static final Pattern SECRET_PAIR = Pattern.compile(
            "(?i)([A-Za-z0-9_.-]*(?:password|passwd|secret|token|api[_-]?key)[A-Za-z0-9_.-]*=)([^&\\s\"';]+)");
    /** Shapes that are secrets wherever they appear in an argument or in Lua code: group 1 is masked. */
    private static final List<Pattern> SECRET_SHAPES = List.of(
            // credentials in a URL: https://user:pass@host
            Pattern.compile("://([^/@\\s\"';]+:[^/@\\s\"';]*)@"),
            // HTTP Basic and Bearer credentials
            Pattern.compile("(?i)\\b(?:Basic|Bearer)\\s+([A-Za-z0-9+/=._~-]{6,})"),
            // AWS access key ids
            Pattern.compile("\\b(AKIA[0-9A-Z]{16})\\b"),
            // JSON Web Tokens
            Pattern.compile("\\b(eyJ[A-Za-z0-9_-]{5,}\\.[A-Za-z0-9_-]{5,}\\.[A-Za-z0-9_-]{5,})"),
            // a private key pasted inline (data:-----BEGIN PRIVATE KEY-----...)
            Pattern.compile("(-----BEGIN [A-Z ]*PRIVATE KEY-----[\\s\\S]*?(?:-----END [A-Z ]*PRIVATE KEY-----|$))"));
    /** In Lua: a string literal given to a name that says secret ({@code local api_token = "..."}). */
    private static final Pattern LUA_SECRET = Pattern.compile(
            "(?i)[A-Za-z0-9_]*(?:password|passwd|secret|token|api_?key|credential|private_?key|pwd)[A-Za-z0-9_]*"
                    + "\\s*[=:,]\\s*(?:\\[\\[([\\s\\S]*?)]]|\"([^\"\\n]*)\"|'([^'\\n]*)')");
    /** Variable names a {@code set} or an {@code if} comparison marks as secret. */
    private static final Pattern SECRET_VARIABLE = Pattern.compile(
            "(?i)\\$?\\{?[A-Za-z0-9_]*(?:pass|pwd|secret|token|key|credential|auth|jwt|bearer|signature|session"
                    + "|cookie)[A-Za-z0-9_]*}?");
    /** Values that look like key material whatever they are called: long base64 or hex runs. */
    private static final Pattern KEY_LIKE = Pattern.compile("(?=.*[0-9])(?=.*[A-Za-z])[A-Za-z0-9+_=-]{32,}");

    /** A value made only of variables, such as {@code $http_authorization}: passes a secret on, holds none. */
    private static final Pattern ONLY_VARIABLES = Pattern.compile("(\\$\\{?[A-Za-z0-9_]+\\}?)+");

    /** Directives whose every argument is a path or value to hide. */
    private static final Set<String> SECRET_DIRECTIVES = Set.of(
            "auth_basic_user_file", "ssl_password_file", "secure_link_secret", "ssl_session_ticket_key",
            "secure_link_md5", "auth_jwt_key_file", "jwt_key_file", "auth_jwt_key_request");
    /** Directives that set a header: {@code NAME VALUE}. */
    private static final Set<String> HEADER_DIRECTIVES = Set.of(
            "proxy_set_header", "grpc_set_header", "add_header", "add_trailer", "fastcgi_param",
            "uwsgi_param", "scgi_param");
    /** Directives whose arguments are {@code "Name: value"} header lines (headers-more). */
    private static final Set<String> HEADER_LINE_DIRECTIVES = Set.of(
            "more_set_headers", "more_set_input_headers");
    /** Directives named like secrets that hold none. */
    private static final Set<String> NOT_SECRET = Set.of("include", "server_tokens");
    /** Map entries that are keywords, not keys. */
    private static final Set<String> MAP_KEYWORDS = Set.of("hostnames", "volatile", "include");

    /** The redacted text and what was masked (ranges in the original text). */
    public record Result(String text, List<TextRange> masked) {

        public Result {
            masked = List.copyOf(masked);
        }
    }

    private final String text;
    private final List<TextRange> masks = new ArrayList<>();

    private Redactor(String text) {
        this.text = text;
    }

    /** Masks the secrets of {@code text}. */
    public static Result redact(String text) {
        return redact(Parser.parse(text));
    }

    /** Masks the secrets of an already parsed text. */
    public static Result redact(ParseResult parse) {
        Redactor redactor = new Redactor(parse.tree().text());
        parse.tree().walk(redactor::visit);
        // A block with no name holds directives the tree walk never reaches: they are masked like any
        // other. Text no directive was built from (nested past the parser's cap) is masked whole: what
        // is not analysed is not known to be safe.
        for (dev.handshake.syntax.Block detached : parse.tree().detachedBlocks()) {
            if (detached.isUnbuilt()) {
                redactor.maskBody(detached);
            } else {
                redactor.visitAll(detached);
            }
        }
        return redactor.result();
    }

    /** Visits every directive in {@code block} and the blocks inside it, on a heap stack. */
    private void visitAll(dev.handshake.syntax.Block block) {
        java.util.Deque<Directive> pending = new java.util.ArrayDeque<>();
        java.util.List<Directive> top = block.directives();
        for (int i = top.size() - 1; i >= 0; i--) {
            pending.push(top.get(i));
        }
        while (!pending.isEmpty()) {
            Directive d = pending.pop();
            visit(d);
            if (d.hasBlock() && !d.block().isUnbuilt()) {
                java.util.List<Directive> inner = d.block().directives();
                for (int i = inner.size() - 1; i >= 0; i--) {
                    pending.push(inner.get(i));
                }
            }
        }
    }

    private void maskBody(dev.handshake.syntax.Block block) {
        TextRange inner = block.innerRange();
        if (inner.end() > inner.start()) {
            masks.add(inner);
        }
    }

    private void visit(Directive d) {
        if (d.hasBlock() && d.block().isUnbuilt()) {
            maskBody(d.block());
            return;
        }
        shapes(d);
        String name = d.name().toLowerCase(Locale.ROOT);
        if (d.hasBlock() && d.block().luaCode() != null) {
            lua(d.block().luaCode().start(), d.block().luaCode().end());
        }
        if (name.contains("_by_lua") && !name.endsWith("_file")) {
            for (Token arg : d.argTokens()) {
                lua(arg.start(), arg.end());
            }
        }
        if (name.equals("if")) {
            comparedSecret(d);
        }
        if (name.equals("env")) {
            for (Token arg : d.argTokens()) {
                int eq = text.indexOf('=', arg.start());
                if (eq >= 0 && eq < arg.end() - 1) {
                    masks.add(new TextRange(eq + 1, arg.isQuoted() ? arg.end() - 1 : arg.end()));
                }
            }
        }
        Directive owner = d.enclosing();
        if (owner != null && owner.name().equals("map") && isSecretMap(owner)) {
            mapEntry(d);
            return;
        }
        if (owner != null && owner.name().equals("map")) {
            // Any map: a value that looks like key material is masked even when the map's name says nothing.
            for (int i = 0; i < d.argCount(); i++) {
                if (KEY_LIKE.matcher(d.arg(i)).matches()) {
                    mask(d.argTokens().get(i));
                }
            }
        }
        if (d.hasBlock()) {
            return;
        }
        if (SECRET_DIRECTIVES.contains(name) || name.endsWith("_ssl_password_file")
                || (SECRET_NAME.matcher(name).matches() && !NOT_SECRET.contains(name))) {
            allArgs(d, 0);
        } else if (HEADER_DIRECTIVES.contains(name)) {
            if (d.argCount() >= 2 && SECRET_HEADER.matcher(d.arg(0)).matches()) {
                allArgs(d, 1);
            }
        } else if (HEADER_LINE_DIRECTIVES.contains(name)) {
            headerLines(d);
        } else if (name.equals("set")) {
            if (d.argCount() >= 2 && (SECRET_NAME.matcher(d.arg(0)).matches()
                    || SECRET_VARIABLE.matcher(d.arg(0)).matches())) {
                allArgs(d, 1);
            }
        } else if (name.endsWith("_key_file")) {
            allArgs(d, 0);
        }
        pairs(d);
    }

    /** Secret shapes inside any argument: URL credentials, Basic/Bearer, AWS keys, JWTs, inline private keys. */
    private void shapes(Directive d) {
        for (Token arg : d.argTokens()) {
            for (Pattern shape : SECRET_SHAPES) {
                Matcher m = shape.matcher(text).region(arg.start(), arg.end());
                while (m.find()) {
                    masks.add(new TextRange(m.start(1), m.end(1)));
                }
            }
        }
    }

    /** Lua code between {@code start} and {@code end}: secret-named string literals and the shapes. */
    private void lua(int start, int end) {
        Matcher m = LUA_SECRET.matcher(text).region(start, end);
        while (m.find()) {
            for (int g = 1; g <= 3; g++) {
                if (m.group(g) != null && !m.group(g).isEmpty()) {
                    masks.add(new TextRange(m.start(g), m.end(g)));
                }
            }
        }
        for (Pattern shape : SECRET_SHAPES) {
            Matcher s = shape.matcher(text).region(start, end);
            while (s.find()) {
                masks.add(new TextRange(s.start(1), s.end(1)));
            }
        }
    }

    /** {@code if ($arg_token = "abc")}: the value a secret-named variable is compared with. */
    private void comparedSecret(Directive d) {
        List<Token> args = d.argTokens();
        boolean secret = false;
        for (int i = 0; i < args.size(); i++) {
            String raw = d.arg(i).replace("(", "").replace(")", "");
            if (raw.startsWith("$") && SECRET_VARIABLE.matcher(raw).matches()) {
                secret = true;
            } else if (secret && i >= 2 && !raw.isEmpty() && !raw.matches("!?[=~]\\*?|!?-[fdex]")) {
                Token value = args.get(i);
                int from = value.start() + (d.arg(i).startsWith("(") ? 1 : 0);
                int to = value.end() - (d.arg(i).endsWith(")") ? 1 : 0);
                if (value.isQuoted()) {
                    from = value.start() + 1;
                    to = value.end() - 1;
                }
                if (to > from) {
                    masks.add(new TextRange(from, to));
                }
            }
        }
    }

    private static boolean isSecretMap(Directive map) {
        for (String arg : map.args()) {
            if (SECRET_MAP.matcher(arg).matches()) {
                return true;
            }
        }
        return false;
    }

    /** A map entry: the key (unless a keyword such as {@code default}) and the value. */
    private void mapEntry(Directive entry) {
        String key = entry.name();
        if (MAP_KEYWORDS.contains(key)) {
            return;
        }
        if (!key.equals("default")) {
            mask(entry.nameToken());
        }
        for (Token arg : entry.argTokens()) {
            mask(arg);
        }
    }

    private void allArgs(Directive d, int from) {
        List<Token> args = d.argTokens();
        for (int i = from; i < args.size(); i++) {
            if (!ONLY_VARIABLES.matcher(d.arg(i)).matches()) {
                mask(args.get(i));
            }
        }
    }

    /** {@code more_set_headers "Authorization: Bearer abc"}: masks what follows the colon. */
    private void headerLines(Directive d) {
        for (Token arg : d.argTokens()) {
            String raw = text.substring(arg.start(), arg.end());
            int colon = raw.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String header = raw.substring(arg.isQuoted() ? 1 : 0, colon).trim();
            if (!SECRET_HEADER.matcher(header).matches()) {
                continue;
            }
            int start = colon + 1;
            while (start < raw.length() && raw.charAt(start) == ' ') {
                start++;
            }
            int end = arg.isQuoted() && raw.length() > 1 ? raw.length() - 1 : raw.length();
            if (start < end) {
                masks.add(new TextRange(arg.start() + start, arg.start() + end));
            }
        }
    }

    /** {@code name=value} pairs named like secrets inside any argument, such as {@code ?token=abc}. */
    private void pairs(Directive d) {
        for (Token arg : d.argTokens()) {
            Matcher m = SECRET_PAIR.matcher(text).region(arg.start(), arg.end());
            while (m.find()) {
                masks.add(new TextRange(m.start(2), m.end(2)));
            }
        }
    }

    /** Masks a whole value token, inside its quotes when it has them. */
    private void mask(Token token) {
        int start = token.start();
        int end = token.end();
        if (token.isQuoted()) {
            start++;
            if (end - 1 >= start && text.charAt(end - 1) == text.charAt(token.start())) {
                end--;
            }
        }
        masks.add(new TextRange(start, end));
    }

    private Result result() {
        List<TextRange> sorted = new ArrayList<>(masks);
        sorted.sort(Comparator.comparingInt(TextRange::start).thenComparing(r -> -r.end()));
        List<TextRange> kept = new ArrayList<>();
        StringBuilder out = new StringBuilder(text.length());
        int copied = 0;
        for (TextRange r : sorted) {
            if (r.start() < copied) {
                continue; // inside a range already masked
            }
            out.append(text, copied, r.start()).append(MASK);
            copied = r.end();
            kept.add(r);
        }
        out.append(text, copied, text.length());
        return new Result(out.toString(), kept);
    }
}
