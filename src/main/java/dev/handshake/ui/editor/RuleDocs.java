package dev.handshake.ui.editor;

import java.util.Optional;

/** Rule documentation ({@code /rules/<id>.md}, read by {@code report.RuleDocs}) for tooltips and help. */
public final class RuleDocs {

    private RuleDocs() {
    }

    /** The whole Markdown document of rule {@code id}, if bundled. */
    public static Optional<String> document(String id) {
        return id.matches("[a-z0-9-]+") ? dev.handshake.report.RuleDocs.markdown(id) : Optional.empty();
    }

    /**
     * Why the rule matters, in one paragraph: the first paragraph under "Why it matters", else the
     * first paragraph that is not a heading.
     */
    public static Optional<String> whyItMatters(String id) {
        return document(id).map(RuleDocs::firstParagraph).filter(s -> !s.isBlank());
    }

    static String firstParagraph(String markdown) {
        String[] lines = markdown.replace("\r\n", "\n").split("\n");
        int from = 0;
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].matches("#+\\s*Why it matters.*")) {
                from = i + 1;
                break;
            }
        }
        StringBuilder paragraph = new StringBuilder();
        for (int i = from; i < lines.length; i++) {
            String line = lines[i].trim();
            if (line.startsWith("#") || line.isEmpty()) {
                if (paragraph.length() > 0) {
                    break;
                }
                continue;
            }
            if (paragraph.length() > 0) {
                paragraph.append(' ');
            }
            paragraph.append(line);
        }
        return paragraph.toString().replace("`", "").replace("**", "");
    }
}
