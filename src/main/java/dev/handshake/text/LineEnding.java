package dev.handshake.text;

/** The line-ending style of a text, as found when it was read. */
public enum LineEnding {
    LF("\n"),
    CRLF("\r\n"),
    /** Both styles occur; {@link #separator()} gives the more frequent one. */
    MIXED("\n"),
    /** The text has no line break at all. */
    NONE("\n");

    private final String separator;

    LineEnding(String separator) {
        this.separator = separator;
    }

    /** The separator to use for new lines written into a text of this style. */
    public String separator() {
        return separator;
    }

    /** Detects the style of {@code text}. */
    public static LineEnding detect(CharSequence text) {
        int[] counts = count(text);
        int crlf = counts[0];
        int lf = counts[1];
        if (crlf == 0 && lf == 0) {
            return NONE;
        }
        if (crlf == 0) {
            return LF;
        }
        if (lf == 0) {
            return CRLF;
        }
        return MIXED;
    }

    /** The separator most used in {@code text}, LF when there is none. */
    public static String dominantSeparator(CharSequence text) {
        int[] counts = count(text);
        if (counts[2] > counts[0] && counts[2] > counts[1]) {
            return "\r"; // a classic Mac file: lines inserted into it end the same way
        }
        return counts[0] > counts[1] ? "\r\n" : "\n";
    }

    /** How many {@code \r\n}, bare {@code \n} and lone {@code \r} line breaks {@code text} has. */
    private static int[] count(CharSequence text) {
        int crlf = 0;
        int lf = 0;
        int cr = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                if (i > 0 && text.charAt(i - 1) == '\r') {
                    crlf++;
                } else {
                    lf++;
                }
            } else if (c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n')) {
                cr++;
            }
        }
        return new int[] {crlf, lf, cr};
    }
}
