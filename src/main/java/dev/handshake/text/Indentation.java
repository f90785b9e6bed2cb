package dev.handshake.text;

/** How a text indents its lines. */
public final class Indentation {

    private Indentation() {
    }

    /** A tab when more lines of {@code text} start with a tab than with a space, else four spaces. */
    public static String unit(CharSequence text) {
        int tabs = 0;
        int spaces = 0;
        for (int i = 0; i + 1 < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                if (text.charAt(i + 1) == '\t') {
                    tabs++;
                } else if (text.charAt(i + 1) == ' ') {
                    spaces++;
                }
            }
        }
        return tabs > spaces ? "\t" : "    ";
    }
}
