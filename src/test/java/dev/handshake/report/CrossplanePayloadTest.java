package dev.handshake.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.handshake.nginx.ConfigFile;
import dev.handshake.nginx.ConfigModel;
import dev.handshake.syntax.Parser;
import dev.handshake.text.SourceText;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The crossplane payload of deep trees: streamed, valid JSON, no nesting limit hit. */
class CrossplanePayloadTest {

    private static final ObjectMapper READER = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(100_000).build()).build());

    private static JsonNode payload(String text) throws Exception {
        ConfigFile main = new ConfigFile(Path.of("/virtual/nginx.conf"), SourceText.decode(text.getBytes()));
        return READER.readTree(CrossplanePayload.render(ConfigModel.build(main, ConfigModel.Options.defaults())));
    }

    private static int blockDepth(JsonNode parsed) {
        int depth = 0;
        JsonNode level = parsed;
        while (level != null && level.size() > 0) {
            depth++;
            level = level.get(0).get("block");
        }
        return depth;
    }

    @Test
    void nestingPastJacksonsDefaultLimitIsWrittenInFull() throws Exception {
        JsonNode root = payload("a{".repeat(600) + "}".repeat(600) + "\n");
        assertEquals("ok", root.get("status").asText());
        assertEquals(600, blockDepth(root.get("config").get(0).get("parsed")));
    }

    @Test
    void nestingPastTheParsersCapIsWrittenToTheCapWithItsError() throws Exception {
        int levels = Parser.MAX_DEPTH * 10;
        JsonNode root = payload("a{".repeat(levels) + "}".repeat(levels) + "\n");
        assertEquals("failed", root.get("status").asText());
        assertEquals(1, root.get("errors").size());
        assertEquals(Parser.MAX_DEPTH + 1, blockDepth(root.get("config").get(0).get("parsed")));
    }
}
