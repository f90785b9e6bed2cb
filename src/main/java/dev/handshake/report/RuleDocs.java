package dev.handshake.report;

import dev.handshake.lint.RuleMeta;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** The Markdown documentation of a rule, read from the class path ({@code /rules/<id>.md}). */
public final class RuleDocs {

    private RuleDocs() {
    }

    public static Optional<String> markdown(RuleMeta meta) {
        return markdown(meta.id());
    }

    public static Optional<String> markdown(String ruleId) {
        try (InputStream in = RuleDocs.class.getResourceAsStream("/rules/" + ruleId + ".md")) {
            if (in == null) {
                return Optional.empty();
            }
            return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The doc's first paragraph after its first heading ("What it does"), as plain text; the summary
     * when there is no doc.
     */
    public static String firstParagraph(RuleMeta meta) {
        String doc = markdown(meta).orElse("");
        StringBuilder paragraph = new StringBuilder();
        boolean afterHeading = false;
        for (String line : doc.split("\\R")) {
            String trimmed = line.trim();
            if (trimmed.startsWith("#")) {
                if (paragraph.length() > 0) {
                    break;
                }
                afterHeading = true;
                continue;
            }
            if (trimmed.isEmpty()) {
                if (paragraph.length() > 0) {
                    break;
                }
                continue;
            }
            if (afterHeading) {
                paragraph.append(paragraph.length() > 0 ? " " : "").append(trimmed);
            }
        }
        return paragraph.length() > 0 ? paragraph.toString() : capitalised(meta.summary());
    }

    static String capitalised(String summary) {
        if (summary.isEmpty()) {
            return summary;
        }
        String text = Character.toUpperCase(summary.charAt(0)) + summary.substring(1);
        return text.endsWith(".") ? text : text + ".";
    }
}
