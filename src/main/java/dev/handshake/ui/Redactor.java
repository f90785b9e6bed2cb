package dev.handshake.ui;

import dev.handshake.syntax.Directive;
import dev.handshake.syntax.Parser;
import dev.handshake.syntax.SyntaxTree;
import dev.handshake.syntax.Token;
import dev.handshake.text.TextEdit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * "Copy redacted": the config with its secrets masked, for sharing a snippet safely. Masks the values
 * of credential headers ({@code Authorization}, {@code Cookie}, API keys), the paths of
 * {@code auth_basic_user_file} and {@code ssl_password_file}, the arguments of any directive named like
 * a secret, and the keys of {@code map}s whose variables are named like tokens. Everything else,
 * comments and layout included, stays as it is.
 */
final class Redactor {

    static final String MASK = "REDACTED";

    private static final Pattern SECRET_NAME = Pattern.compile("(?i).*(password|passwd|secret|token|api_?key|credential).*");
    private static final Pattern SECRET_HEADER = Pattern.compile(
            "(?i)(authorization|proxy-authorization|cookie|x-api-key|api-key|.*token.*|.*secret.*)");
    private static final List<String> HEADER_DIRECTIVES = List.of("proxy_set_header", "grpc_set_header",
            "add_header", "more_set_headers", "uwsgi_param", "fastcgi_param");

    private Redactor() {
    }

    static String redact(String text) {
        SyntaxTree tree = Parser.parse(text).tree();
        List<TextEdit> edits = new ArrayList<>();
        for (Directive d : tree.directives()) {
            if (d.enclosing() != null && d.enclosing().name().equals("map")) {
                continue;
            }
            List<Token> args = d.argTokens();
            String name = d.name().toLowerCase(Locale.ROOT);
            if (HEADER_DIRECTIVES.contains(name) && args.size() >= 2 && SECRET_HEADER.matcher(d.arg(0)).matches()) {
                mask(edits, args.subList(1, args.size()));
            } else if (name.equals("auth_basic_user_file") || name.equals("ssl_password_file")
                    || name.endsWith("_ssl_password_file") || (SECRET_NAME.matcher(name).matches() && !d.hasBlock())) {
                mask(edits, args);
            } else if (name.equals("map") && d.hasBlock() && args.stream().anyMatch(a -> SECRET_NAME.matcher(a.text(text)).matches())) {
                for (Directive entry : d.block().directives()) {
                    if (!entry.name().equals("default") && !entry.name().equals("hostnames") && entry.nameToken() != null) {
                        mask(edits, List.of(entry.nameToken()));
                    }
                }
            }
        }
        return TextEdit.apply(text, edits);
    }

    private static void mask(List<TextEdit> edits, List<Token> tokens) {
        for (Token t : tokens) {
            edits.add(TextEdit.replace(t.range(), t.isQuoted() ? "\"" + MASK + "\"" : MASK));
        }
    }
}
