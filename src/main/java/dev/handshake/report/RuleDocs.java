package dev.handshake.report;

import dev.handshake.lint.RuleMeta;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one reader of rule documentation, {@code /rules/<id>.md} on the class path, for the command line
 * ({@code explain}), SARIF and the editor (hover cards, the documentation window).
 *
 * <p>The format: the line {@code # <id>}, a blank line, then the sections of {@link Section} in that
 * order, each {@code ## <title>} followed by its text. A rule's one-line summary is its
 * {@link RuleMeta#summary()}, not part of the doc.
 */
public final class RuleDocs {

    /** The sections of a rule doc, in the order they come. */
    public enum Section {
        WHAT_IT_DOES("What it does"),
        WHY_IT_MATTERS("Why it matters"),
        EXAMPLE("Example"),
        FIXED("Fixed"),
        FIX_SAFETY("Fix safety"),
        REFERENCES("References");

        private final String title;

        Section(String title) {
            this.title = title;
        }

        /** The heading line: {@code ## What it does}. */
        public String heading() {
            return "## " + title;
        }
    }

    /**
     * A parsed doc.
     *
     * @param title    the first line
     * @param preamble the text between the first line and the first section (blank in the house format)
     * @param sections each {@code ## } heading's title with its text (trimmed), in order
     * @param open     true when a code fence is left open
     */
    public record Doc(String markdown, String title, String preamble, Map<String, String> sections, boolean open) {

        public Doc {
            sections = Collections.unmodifiableMap(new LinkedHashMap<>(sections));
        }

        /** The text of {@code section}, if the doc has it. */
        public Optional<String> section(Section section) {
            return Optional.ofNullable(sections.get(section.title)).filter(s -> !s.isBlank());
        }

        /** The first paragraph of {@code section} joined into one line (a list or code block ends it). */
        public Optional<String> firstParagraph(Section section) {
            return section(section).map(text -> {
                StringBuilder paragraph = new StringBuilder();
                for (String line : text.split("\n")) {
                    String trimmed = line.trim();
                    if (trimmed.isEmpty() || trimmed.startsWith("```")) {
                        break;
                    }
                    paragraph.append(paragraph.length() > 0 ? " " : "").append(trimmed);
                }
                return paragraph.toString();
            }).filter(p -> !p.isEmpty());
        }
    }

    private RuleDocs() {
    }

    /** The doc of rule {@code id}, if bundled (an id that is not kebab-case never is). */
    public static Optional<Doc> of(String id) {
        if (!id.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
            return Optional.empty();
        }
        try (InputStream in = RuleDocs.class.getResourceAsStream("/rules/" + id + ".md")) {
            if (in == null) {
                return Optional.empty();
            }
            return Optional.of(parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The whole Markdown of rule {@code id}'s doc, as written. */
    public static Optional<String> markdown(String id) {
        return of(id).map(Doc::markdown);
    }

    /** Splits {@code markdown} at its {@code ## } headings outside code fences. */
    public static Doc parse(String markdown) {
        List<String> lines = markdown.replace("\r\n", "\n").lines().toList();
        String title = lines.isEmpty() ? "" : lines.get(0);
        StringBuilder preamble = new StringBuilder();
        Map<String, String> sections = new LinkedHashMap<>();
        String current = null;
        StringBuilder body = preamble;
        boolean inCode = false;
        for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
            if (line.startsWith("```")) {
                inCode = !inCode;
            }
            if (!inCode && line.startsWith("## ")) {
                if (current != null) {
                    sections.put(current, body.toString().strip());
                }
                current = line.substring(3).strip();
                body = new StringBuilder();
                continue;
            }
            body.append(line).append('\n');
        }
        if (current != null) {
            sections.put(current, body.toString().strip());
        }
        return new Doc(markdown, title, preamble.toString(), sections, inCode);
    }

    /** The rule's one-line summary as a sentence: capitalised, with a full stop. */
    public static String summary(RuleMeta meta) {
        String summary = meta.summary();
        if (summary.isEmpty()) {
            return summary;
        }
        String text = Character.toUpperCase(summary.charAt(0)) + summary.substring(1);
        return text.endsWith(".") ? text : text + ".";
    }

    /** What the rule does: the first paragraph of its doc's "What it does", else its summary. */
    public static String description(RuleMeta meta) {
        return of(meta.id()).flatMap(d -> d.firstParagraph(Section.WHAT_IT_DOES)).orElseGet(() -> summary(meta));
    }

    /** Why rule {@code id} matters, as plain text (no {@code `} or {@code **}): for a finding's card. */
    public static Optional<String> whyItMatters(String id) {
        return of(id).flatMap(d -> d.firstParagraph(Section.WHY_IT_MATTERS))
                .map(p -> p.replace("`", "").replace("**", ""));
    }
}
