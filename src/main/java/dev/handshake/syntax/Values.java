package dev.handshake.syntax;

/** Turns a value token's text into the string nginx sees: quotes removed, escapes resolved. */
public final class Values {

    private Values() {
    }

    /**
     * The value nginx reads for {@code token}: quotes stripped; {@code \"}, {@code \'} and
     * {@code \\} become the character; {@code \t}, {@code \r}, {@code \n} become control characters;
     * any other backslash is kept, as nginx does.
     */
    public static String unquote(Token token, CharSequence source) {
        int start = token.start();
        int end = token.end();
        if (token.isQuoted()) {
            start++;
            char quote = source.charAt(token.start());
            if (end - 1 > start - 1 && end - token.start() >= 2 && source.charAt(end - 1) == quote
                    && !escapedAt(source, token.start() + 1, end - 1)) {
                end--;
            }
        }
        if (!hasBackslash(source, start, end)) {
            return source.subSequence(start, end).toString();
        }
        StringBuilder out = new StringBuilder(end - start);
        for (int i = start; i < end; i++) {
            char c = source.charAt(i);
            if (c == '\\' && i + 1 < end) {
                char next = source.charAt(i + 1);
                switch (next) {
                    case '"', '\'', '\\' -> {
                        out.append(next);
                        i++;
                        continue;
                    }
                    case 't' -> {
                        out.append('\t');
                        i++;
                        continue;
                    }
                    case 'r' -> {
                        out.append('\r');
                        i++;
                        continue;
                    }
                    case 'n' -> {
                        out.append('\n');
                        i++;
                        continue;
                    }
                    default -> {
                        // nginx keeps other backslashes as they are
                    }
                }
            }
            out.append(c);
        }
        return out.toString();
    }

    private static boolean hasBackslash(CharSequence source, int start, int end) {
        for (int i = start; i < end; i++) {
            if (source.charAt(i) == '\\') {
                return true;
            }
        }
        return false;
    }

    /** True when the character at {@code at} is preceded by an odd number of backslashes from {@code from}. */
    private static boolean escapedAt(CharSequence source, int from, int at) {
        int backslashes = 0;
        for (int i = at - 1; i >= from && source.charAt(i) == '\\'; i--) {
            backslashes++;
        }
        return backslashes % 2 == 1;
    }
}
