package dev.handshake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.handshake.text.LineIndex;
import dev.handshake.text.TextRange;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The snapshot helper: compare, refuse a missing file with the command, write on update yet fail, keep headers. */
class SnapshotsTest {

    @TempDir
    Path dir;

    @Test
    void equalBodyPassesAndTheHeaderIsNotPartOfTheBody() throws IOException {
        Path snap = dir.resolve("a.snap");
        Files.writeString(snap, "# note\n# inputs: x=1\n---\nbody\n");
        assertEquals("# note\n# inputs: x=1\n", Snapshots.header(snap));
        Snapshots.check(snap, "body\n", "SomeTest", false);
        Snapshots.check(snap, "body\n", "SomeTest", true);
        assertEquals("# note\n# inputs: x=1\n---\nbody\n", Files.readString(snap));
    }

    @Test
    void whiteSpaceAtLineEndsIsNotPartOfTheSnapshot() throws IOException {
        Path snap = dir.resolve("trailing.snap");
        Files.writeString(snap, "---\n a\n\n b\n");
        Snapshots.check(snap, " a  \n\t\n b\t\n", "T", false);
    }

    @Test
    void missingSnapshotFailsWithTheCommandThatCreatesIt() {
        Path snap = dir.resolve("missing.snap");
        AssertionError e = assertThrows(AssertionError.class, () -> Snapshots.check(snap, "x\n", "SomeTest", false));
        assertTrue(e.getMessage().contains("missing snapshot") && e.getMessage().contains("-Dtest='SomeTest'")
                && e.getMessage().contains("-Dsnapshots.update=true"), e.getMessage());
        assertFalse(Files.exists(snap), "nothing is written without the switch");
    }

    @Test
    void differingSnapshotFailsWithADiffAndStaysAsItWas() throws IOException {
        Path snap = dir.resolve("b.snap");
        Files.writeString(snap, "---\nold line\n");
        AssertionError e = assertThrows(AssertionError.class, () -> Snapshots.check(snap, "new line\n", "T", false));
        assertTrue(e.getMessage().contains("-old line\n+new line\n"), e.getMessage());
        assertEquals("---\nold line\n", Files.readString(snap));
    }

    @Test
    void updateWritesKeepingTheHeaderAndStillFails() throws IOException {
        Path snap = dir.resolve("c.snap");
        Files.writeString(snap, "# context: main\n---\nold\n");
        AssertionError e = assertThrows(AssertionError.class, () -> Snapshots.check(snap, "new\n", "T", true));
        assertTrue(e.getMessage().startsWith("updated snapshot"), e.getMessage());
        assertEquals("# context: main\n---\nnew\n", Files.readString(snap));
        Snapshots.check(snap, "new\n", "T", false);

        Path created = dir.resolve("sub/d.snap");
        AssertionError first = assertThrows(AssertionError.class, () -> Snapshots.check(created, "b\n", "T", true));
        assertTrue(first.getMessage().startsWith("created snapshot"), first.getMessage());
        assertEquals("---\nb\n", Files.readString(created));
    }

    @Test
    void excerptUnderlinesTheExactRangeKeepingTabs() {
        String text = "a {\n\tproxy_pass x;\n}\n";
        LineIndex lines = new LineIndex(text);
        TextRange pass = new TextRange(text.indexOf("proxy_pass"), text.indexOf(';') + 1);
        assertEquals("2:2-2:15", Snapshots.where(lines, pass));
        assertEquals("  |\n2 | \tproxy_pass x;\n  | \t^^^^^^^^^^^^^\n  |\n", Snapshots.excerpt(text, lines, pass, ""));
        assertEquals("  |\n3 | }\n  | ^\n  |\n", Snapshots.excerpt(text, lines, TextRange.at(text.indexOf('}')), ""));
        TextRange block = new TextRange(0, text.length());
        assertEquals("  |\n1 | a {\n  | ^^^\n2 | \tproxy_pass x;\n  | ^^^^^^^^^^^^^^\n3 | }\n  | ^\n  |\n",
                Snapshots.excerpt(text, lines, block, ""), "a range ending after a line break stops at that line");
    }

    @Test
    void longRangesShowTheirFirstAndLastLines() {
        String text = "1\n2\n3\n4\n5\n6\n7\n8\n";
        String shown = Snapshots.excerpt(text, new LineIndex(text), new TextRange(0, text.length() - 1), "");
        assertEquals("  |\n1 | 1\n  | ^\n2 | 2\n  | ^\n: |\n7 | 7\n  | ^\n8 | 8\n  | ^\n  |\n", shown);
    }
}
