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
     * What the rule does, as plain text: the first paragraph of the doc's "What it does" section, else
     * the first paragraph after its title, else the rule's summary.
     */
    public static String description(RuleMeta meta) {
        String doc = markdown(meta).orElse("");
        String described = firstParagraphAfter(doc, "## What it does");
        if (described.isEmpty()) {
            described = firstParagraphAfter(doc, "# " + meta.id());
        }
        return described.isEmpty() ? capitalised(meta.summary()) : described;
    }

    /** The first paragraph after the line {@code heading}, joined into one line; empty when there is none. */
    private static String firstParagraphAfter(String doc, String heading) {
        StringBuilder paragraph = new StringBuilder();
        boolean found = false;
        for (String line : doc.split("\\R")) {
            String trimmed = line.trim();
            if (!found) {
                found = trimmed.equals(heading);
                continue;
            }
            if (trimmed.startsWith("#") || trimmed.startsWith("```") || (trimmed.isEmpty() && paragraph.length() > 0)) {
                break;
            }
            if (!trimmed.isEmpty()) {
                paragraph.append(paragraph.length() > 0 ? " " : "").append(trimmed);
            }
        }
        return paragraph.toString();
    }

    static String capitalised(String summary) {
        if (summary.isEmpty()) {
            return summary;
        }
        String text = Character.toUpperCase(summary.charAt(0)) + summary.substring(1);
        return text.endsWith(".") ? text : text + ".";
    }
}
