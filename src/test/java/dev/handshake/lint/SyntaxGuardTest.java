package dev.handshake.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.handshake.nginx.ConfigFile;
import dev.handshake.nginx.ConfigModel;
import dev.handshake.text.SourceText;
import dev.handshake.text.TextEdit;
import dev.handshake.text.TextRange;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SyntaxGuardTest {

    private static final Path FILE = Path.of("/etc/nginx/site.conf").toAbsolutePath();

    private static final String TEXT = String.join("\n",
            "server {",
            "    location /ok {",
            "        proxy_pass https://a;",
            "    }",
            "    location /broken {",
            "        proxy_pass https://b;",
            "        return 200 }",
            "    location /after {",
            "        proxy_pass https://c;",
            "    }",
            "}",
            "");

    private static Optional<String> insertAt(String text, int offset) {
        ConfigModel model = ConfigModel.build(new ConfigFile(FILE, SourceText.of(text)), ConfigModel.Options.defaults());
        return new SyntaxGuard(model).reason(null, List.of(new FileEdit(FILE, new TextEdit(TextRange.at(offset), "x;"))));
    }

    private static int after(String text, String marker) {
        return text.indexOf(marker) + marker.length();
    }

    @Test
    void onlyTheInnermostBrokenBlockAndItsEdgesAreKeptOut() {
        assertEquals(Optional.empty(), insertAt(TEXT, after(TEXT, "https://a;")), "a sibling block is healthy");
        assertEquals(Optional.empty(), insertAt(TEXT, after(TEXT, "https://c;")), "so is the block after it");
        assertEquals(Optional.of("the block has a syntax error at 7:20 of site.conf; fix it first"),
                insertAt(TEXT, after(TEXT, "https://b;")));
        int closing = TEXT.indexOf("200 }") + "200 }".length();
        assertTrue(insertAt(TEXT, closing).isPresent(), "right after the broken block's brace is next to it");
        assertTrue(insertAt(TEXT, TEXT.indexOf("location /broken")).isPresent(), "so is right before it");
    }

    @Test
    void anUnclosedBlockOrAnExtraTopLevelBraceKeepsFixesOutOfTheWholeFile() {
        String unclosed = TEXT.replace("return 200 }", "return 200;");
        assertTrue(insertAt(unclosed, after(unclosed, "https://a;")).isPresent());
        String extra = TEXT.replace("return 200 }", "return 200; }") + "}\n";
        assertTrue(insertAt(extra, after(extra, "https://a;")).isPresent());
        String stray = TEXT.replace("return 200 }", "return 200; }") + ";\n";
        assertEquals(Optional.empty(), insertAt(stray, after(stray, "https://a;")), "a stray ; at top level breaks no block");
    }
}
