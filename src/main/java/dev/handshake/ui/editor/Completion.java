package dev.handshake.ui.editor;

import dev.handshake.nginx.ContextInference;
import dev.handshake.nginx.DirectiveCatalogue;
import dev.handshake.nginx.DirectiveSpec;
import dev.handshake.nginx.NginxTarget;
import dev.handshake.nginx.ScopeKind;
import dev.handshake.syntax.Block;
import dev.handshake.syntax.Directive;
import dev.handshake.syntax.SyntaxTree;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What Ctrl+Space offers at the caret, worked out from the text and its latest parse (no JavaFX): the
 * directive names nginx accepts in the caret's block (with their syntax), the values a directive's
 * syntax enumerates ({@code on | off}...), {@code upstream} group names after {@code proxy_pass
 * https://}, variables after {@code $}, and file names for {@code include} and certificate paths.
 */
public final class Completion {

    /** Letters of a directive name typed at a statement's start before the list opens by itself. */
    public static final int AUTO_MIN_LETTERS = 2;

    /** At most this many candidates are listed. */
    public static final int LIMIT = 60;

    private static final Set<String> PASSES = Set.of("proxy_pass", "grpc_pass", "uwsgi_pass", "fastcgi_pass",
            "scgi_pass", "memcached_pass");
    private static final Set<String> PATHS = Set.of("include", "ssl_certificate", "ssl_certificate_key",
            "ssl_trusted_certificate", "ssl_client_certificate", "proxy_ssl_trusted_certificate",
            "proxy_ssl_certificate", "proxy_ssl_certificate_key", "grpc_ssl_trusted_certificate",
            "grpc_ssl_certificate", "grpc_ssl_certificate_key", "auth_basic_user_file");
    private static final List<String> VARIABLES = List.of("$host", "$http_host", "$remote_addr", "$request_uri",
            "$uri", "$args", "$scheme", "$server_name", "$server_port", "$proxy_host", "$proxy_port",
            "$proxy_add_x_forwarded_for", "$upstream_addr", "$request_method", "$status", "$ssl_server_name",
            "$binary_remote_addr", "$http_upgrade", "$realpath_root", "$document_root");

    /** One thing to insert: {@code text} replaces the characters from {@code from} to the caret. */
    public record Candidate(String text, String detail, int from) {
    }

    private Completion() {
    }

    /**
     * The candidates at {@code caret} in {@code text}, whose parse (maybe of a slightly older text) is
     * {@code tree}; {@code folder} is where relative paths resolve (the main file's folder), or null.
     */
    public static List<Candidate> at(String text, SyntaxTree tree, int caret, DirectiveCatalogue catalogue,
                                     Path folder) {
        return at(text, tree, caret, catalogue, folder, NginxTarget.defaults());
    }

    /**
     * The candidates as {@link #at(String, SyntaxTree, int, DirectiveCatalogue, Path)} gives them, less the
     * directives {@code target} does not have (NGINX Plus ones for open-source nginx, newer ones than a
     * named version): offering what the rules then report would be a trap.
     */
    public static List<Candidate> at(String text, SyntaxTree tree, int caret, DirectiveCatalogue catalogue,
                                     Path folder, NginxTarget target) {
        int from = wordStart(text, caret);
        String word = text.substring(from, caret);
        int statementStart = statementStart(text, from);
        String before = text.substring(statementStart, from).strip();
        if (word.startsWith("$")) {
            return variables(text, word, from);
        }
        if (before.isEmpty()) {
            return directives(tree, caret, word, from, catalogue, target);
        }
        String name = before.split("\\s+", 2)[0];
        if (PASSES.contains(name) && word.contains("://")) {
            return groups(tree, word, from);
        }
        if (PATHS.contains(name)) {
            return paths(folder, word, from);
        }
        return values(name, before, word, from, tree, caret, catalogue);
    }

    /**
     * Whether the list should open by itself at {@code caret}: the caret ends a word of at least {@value
     * #AUTO_MIN_LETTERS} name characters ({@code a-z}, digits, {@code _}, starting with a letter) that starts
     * a statement (not an argument, not in a comment or a quoted string). Only directive names pop up
     * unasked; values, paths and variables wait for Ctrl+Space.
     */
    public static boolean opensWhileTyping(String text, int caret) {
        if (caret < AUTO_MIN_LETTERS || caret > text.length() || caret < text.length() && wordChar(text.charAt(caret))) {
            return false;
        }
        int from = wordStart(text, caret);
        String word = text.substring(from, caret);
        if (word.length() < AUTO_MIN_LETTERS || !word.matches("[A-Za-z][A-Za-z0-9_]*")) {
            return false;
        }
        return text.substring(statementStart(text, from), from).isBlank() && !inQuotes(text, from);
    }

    /** Whether an unclosed quote on {@code offset}'s line precedes it (a {@code ;} in a string ends nothing). */
    private static boolean inQuotes(String text, int offset) {
        char open = 0;
        for (int i = text.lastIndexOf('\n', offset - 1) + 1; i < offset; i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                i++;
            } else if (open == 0 && (c == '"' || c == '\'')) {
                open = c;
            } else if (c == open) {
                open = 0;
            } else if (open == 0 && c == '#') {
                return false;
            }
        }
        return open != 0;
    }

    /** Where the word the caret ends starts (the caret itself when no word precedes it). */
    public static int wordStart(String text, int caret) {
        int from = Math.min(caret, text.length());
        while (from > 0 && wordChar(text.charAt(from - 1))) {
            from--;
        }
        return from;
    }

    private static boolean wordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$' || c == ':' || c == '/' || c == '.' || c == '-'
                || c == '*';
    }

    /** Offset just after the {@code ;}, {@code {} or {@code }} that ends the previous statement. */
    private static int statementStart(String text, int from) {
        int i = from;
        while (i > 0) {
            char c = text.charAt(i - 1);
            if (c == ';' || c == '{' || c == '}') {
                return i;
            }
            if (c == '\n') {
                // A comment line ends nothing, but whatever follows "#" on it is not a statement.
                int lineStart = text.lastIndexOf('\n', i - 2) + 1;
                int hash = text.indexOf('#', lineStart);
                if (hash >= 0 && hash < i - 1) {
                    return i;
                }
            }
            i--;
        }
        return 0;
    }

    private static List<Candidate> directives(SyntaxTree tree, int caret, String prefix, int from,
                                              DirectiveCatalogue catalogue, NginxTarget target) {
        ScopeKind kind = kindAt(tree, caret);
        List<Candidate> found = new ArrayList<>();
        for (DirectiveSpec spec : catalogue.all()) {
            if (spec.name().startsWith(prefix) && (kind == ScopeKind.OTHER || spec.allowedIn(kind))
                    && spec.definitions().stream().anyMatch(d -> d.availableIn(target))) {
                String syntax = spec.definitionIn(kind).or(() -> spec.definitions().stream().findFirst())
                        .map(d -> d.syntax().isEmpty() ? "" : d.syntax().get(0)).orElse("");
                found.add(new Candidate(spec.name(), syntax, from));
            }
        }
        found.sort((a, b) -> a.text().compareTo(b.text()));
        return found.size() > LIMIT ? List.copyOf(found.subList(0, LIMIT)) : found;
    }

    /** The kind of the innermost block around {@code caret}. */
    static ScopeKind kindAt(SyntaxTree tree, int caret) {
        ScopeKind kind = ContextInference.infer(tree);
        Block block = tree.root();
        boolean deeper = true;
        while (deeper) {
            deeper = false;
            for (Directive d : block.directives()) {
                Block inner = d.block();
                if (inner != null && inner.innerRange().start() <= caret && caret <= inner.innerRange().end()
                        && (inner.close() == null || caret <= inner.close().start())) {
                    kind = kind.child(d.name());
                    block = inner;
                    deeper = true;
                    break;
                }
            }
        }
        return kind;
    }

    private static List<Candidate> values(String name, String before, String prefix, int from, SyntaxTree tree,
                                          int caret, DirectiveCatalogue catalogue) {
        var spec = catalogue.find(name);
        if (spec.isEmpty()) {
            return List.of();
        }
        ScopeKind kind = kindAt(tree, caret);
        List<Candidate> found = new ArrayList<>();
        String syntax = spec.get().definitionIn(kind).or(() -> spec.get().definitions().stream().findFirst())
                .map(d -> d.syntax().isEmpty() ? "" : d.syntax().get(0)).orElse("");
        // Only what the syntax spells out literally: alternatives ("on | off | optional") and bracketed
        // keywords ("[TLSv1.2] [TLSv1.3]"); lowercase words elsewhere are placeholders (time, address).
        String rest = (syntax.startsWith(name) ? syntax.substring(name.length()) : syntax).replace(";", " ");
        Set<String> words = new TreeSet<>();
        if (rest.contains("|")) {
            for (String alternative : rest.split("\\|")) {
                String word = alternative.strip();
                if (word.matches("[a-z][a-z0-9_]*")) {
                    words.add(word);
                }
            }
        }
        java.util.regex.Matcher keywords = java.util.regex.Pattern.compile("\\[([A-Za-z][A-Za-z0-9._]*)\\]").matcher(rest);
        while (keywords.find()) {
            words.add(keywords.group(1));
        }
        List<String> typed = List.of(before.split("\\s+"));
        for (String word : words) {
            if (word.startsWith(prefix) && !typed.contains(word) && !word.equals(name)) {
                found.add(new Candidate(word, syntax, from));
            }
        }
        return found;
    }

    private static List<Candidate> groups(SyntaxTree tree, String word, int from) {
        String scheme = word.substring(0, word.indexOf("://") + 3);
        String typed = word.substring(scheme.length());
        Set<String> names = new TreeSet<>();
        tree.walk(d -> {
            if (d.name().equals("upstream") && d.argCount() == 1 && d.block() != null) {
                names.add(d.arg(0));
            }
        });
        List<Candidate> found = new ArrayList<>();
        for (String name : names) {
            if (name.startsWith(typed)) {
                found.add(new Candidate(scheme + name, "upstream group", from));
            }
        }
        return found;
    }

    private static List<Candidate> variables(String text, String prefix, int from) {
        Map<String, String> found = new LinkedHashMap<>();
        java.util.regex.Matcher defined = java.util.regex.Pattern
                .compile("\\b(?:set|map\\s+\\S+|geo(?:\\s+\\S+)?|split_clients\\s+\\S+)\\s+(\\$[A-Za-z0-9_]+)")
                .matcher(text);
        while (defined.find()) {
            found.putIfAbsent(defined.group(1), "defined in this file");
        }
        for (String v : VARIABLES) {
            found.putIfAbsent(v, "nginx variable");
        }
        List<Candidate> list = new ArrayList<>();
        found.forEach((name, detail) -> {
            if (name.startsWith(prefix) && !name.equals(prefix)) {
                list.add(new Candidate(name, detail, from));
            }
        });
        return list;
    }

    private static List<Candidate> paths(Path folder, String word, int from) {
        int slash = word.lastIndexOf('/');
        String dirPart = slash >= 0 ? word.substring(0, slash + 1) : "";
        String namePart = word.substring(slash + 1);
        Path dir = dirPart.startsWith("/") ? Path.of(dirPart) : folder == null ? null : folder.resolve(dirPart);
        if (dir == null || !Files.isDirectory(dir)) {
            return List.of();
        }
        List<Candidate> found = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (name.startsWith(namePart) && (!name.startsWith(".") || namePart.startsWith("."))) {
                    boolean folderEntry = Files.isDirectory(entry);
                    found.add(new Candidate(dirPart + name + (folderEntry ? "/" : ""), folderEntry ? "folder" : "file", from));
                }
            }
        } catch (IOException | SecurityException e) {
            return List.of();
        }
        found.sort((a, b) -> a.text().compareTo(b.text()));
        return found.size() > LIMIT ? List.copyOf(found.subList(0, LIMIT)) : found;
    }
}
