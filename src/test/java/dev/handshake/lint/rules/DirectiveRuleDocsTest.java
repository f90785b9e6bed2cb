package dev.handshake.lint.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.handshake.lint.Rule;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The two catalogue rules are registered and documented with the house sections, in order. */
class DirectiveRuleDocsTest {

    private static final List<String> SECTIONS = List.of("## What it does", "## Why it matters", "## Example",
            "## Fixed", "## Fix safety", "## References");

    @Test
    void registeredAndDocumented() throws IOException {
        for (String id : List.of("unknown-directive", "directive-not-allowed-here")) {
            Rule rule = Rules.all().stream().filter(r -> r.meta().id().equals(id)).findFirst().orElseThrow();
            String doc;
            try (InputStream in = DirectiveRuleDocsTest.class.getResourceAsStream(rule.meta().docResource())) {
                assertNotNull(in, "no doc for " + id);
                doc = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            List<String> lines = doc.lines().collect(Collectors.toList());
            assertEquals("# " + id, lines.get(0));
            assertTrue(!lines.get(1).isBlank() && !lines.get(1).startsWith("#"), "one-line summary after the title");
            List<String> headings = lines.stream().filter(l -> l.startsWith("## ")).collect(Collectors.toList());
            assertEquals(SECTIONS, headings, id);
        }
    }
}
