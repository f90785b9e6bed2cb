package dev.handshake.lint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.handshake.Corpus;
import dev.handshake.TestConfigs;
import dev.handshake.diff.Hunk;
import dev.handshake.diff.HunkLine;
import dev.handshake.diff.LineEndings;
import dev.handshake.diff.TextDiff;
import dev.handshake.nginx.ConfigFile;
import dev.handshake.nginx.ConfigModel;
import dev.handshake.text.LineIndex;
import dev.handshake.text.SourceText;
import dev.handshake.text.TextEdit;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Unchanged bytes stay unchanged: opening and saving without an edit writes the file as it was (the
 * editor holds LF-only text; the endings come back on save), and a fix changes only the lines its edits
 * insert or replace, over every own and corpus config.
 */
class UnchangedBytesTest {

    /** The editor's open + save without edits, as {@code ui.Document} does it. */
    private static byte[] openAndSave(byte[] bytes) {
        SourceText opened = SourceText.decode(bytes);
        String inEditor = LineEndings.normalize(opened.text());
        return opened.withText(LineEndings.restore(opened.text(), inEditor)).encode();
    }

    @Test
    void awkwardShapesSurviveOpenAndSave() {
        Map<String, byte[]> shapes = new LinkedHashMap<>();
        shapes.put("crlf", "events {}\r\nhttp {\r\n}\r\n".getBytes(StandardCharsets.UTF_8));
        shapes.put("cr only", "events {}\rhttp {\r}\r".getBytes(StandardCharsets.UTF_8));
        shapes.put("mixed", "events {}\r\nhttp {\n}\r\nx;\ry;\n".getBytes(StandardCharsets.UTF_8));
        shapes.put("no final newline", "events {}\nhttp {}".getBytes(StandardCharsets.UTF_8));
        shapes.put("latin-1", "# caf\u00e9\r\nevents {}\n".getBytes(StandardCharsets.ISO_8859_1));
        shapes.put("empty", new byte[0]);
        shapes.put("only newlines", "\r\n\n\r\r\n".getBytes(StandardCharsets.UTF_8));
        byte[] body = "# \u00fcber\r\nevents {}\r\n".getBytes(StandardCharsets.UTF_8);
        byte[] bom = new byte[body.length + 3];
        bom[0] = (byte) 0xEF;
        bom[1] = (byte) 0xBB;
        bom[2] = (byte) 0xBF;
        System.arraycopy(body, 0, bom, 3, body.length);
        shapes.put("utf-8 bom", bom);
        shapes.forEach((name, bytes) -> assertArrayEquals(bytes, openAndSave(bytes), name));
    }

    @Test
    void everyConfigSurvivesOpenAndSave() {
        List<String> changed = new ArrayList<>();
        List<Path> files = TestConfigs.all();
        for (Path file : files) {
            byte[] bytes = Corpus.bytes(file);
            if (!java.util.Arrays.equals(bytes, openAndSave(bytes))) {
                changed.add(TestConfigs.relative(file));
            }
        }
        assertTrue(files.size() > (Corpus.available() ? 900 : 100), "expected every config, found " + files.size());
        assertEquals(List.of(), changed);
    }

    @Test
    void everyFixChangesOnlyTheLinesItsEditsTouch() {
        List<String> problems = new ArrayList<>();
        int fixesChecked = 0;
        for (Path file : TestConfigs.all()) {
            ConfigModel model;
            try {
                model = ConfigModel.load(file, ConfigModel.Options.defaults());
            } catch (java.io.IOException | RuntimeException unreadable) {
                continue;
            }
            for (Diagnostic d : Linter.standard().lint(model).diagnostics()) {
                for (Fix fix : d.fixes()) {
                    if (!fix.inputs().stream().allMatch(i -> i.suggestion() != null || i.key().equals("reason"))) {
                        continue;
                    }
                    fixesChecked++;
                    String problem = confined(model, fix);
                    if (problem != null) {
                        problems.add(TestConfigs.relative(file) + " " + d.rule() + " \"" + fix.title() + "\": " + problem);
                    }
                }
            }
        }
        assertTrue(fixesChecked > 0, "no fix was checked");
        assertEquals(List.of(), problems.subList(0, Math.min(problems.size(), 20)),
                problems.size() + " fixes change lines they do not edit");
    }

    /** Null when every line the diff shows as removed is a line one of the fix's edits touches. */
    private static String confined(ConfigModel model, Fix fix) {
        Map<Path, List<TextEdit>> byFile = new LinkedHashMap<>();
        for (FileEdit e : fix.edits(Map.of("reason", "checked"))) {
            byFile.computeIfAbsent(e.file(), p -> new ArrayList<>()).add(e.edit());
        }
        for (Map.Entry<Path, List<TextEdit>> e : byFile.entrySet()) {
            ConfigFile file = model.file(e.getKey()).orElse(null);
            if (file == null) {
                return "edits " + e.getKey() + ", which the model does not hold";
            }
            String before = file.text();
            String after = TextEdit.apply(before, e.getValue());
            LineIndex lines = file.source().lines();
            Set<Integer> touched = new HashSet<>();
            for (TextEdit edit : e.getValue()) {
                int first = lines.line(edit.range().start());
                int last = lines.line(Math.max(edit.range().start(), edit.range().end() - 1));
                boolean atLineStart = lines.lineStart(first) == edit.range().start();
                if (edit.range().isEmpty() && atLineStart) {
                    continue; // a whole-line insertion replaces nothing
                }
                for (int l = first; l <= last; l++) {
                    touched.add(l);
                }
            }
            // Outside the edits' lines the texts are equal by construction: diff just the lines between
            // the first edit and the last (a 35k-line file has thousands of fixes).
            int from = lines.lineStart(lines.line(TextEdit.sorted(e.getValue()).get(0).range().start()));
            int lastEnd = e.getValue().stream().mapToInt(t -> t.range().end()).max().orElse(from);
            int to = lines.lineEnd(lines.line(lastEnd), before);
            int growth = after.length() - before.length();
            int firstLine = lines.line(from);
            for (Hunk hunk : TextDiff.between(before.substring(from, to), after.substring(from, to + growth), 0).hunks()) {
                for (HunkLine line : hunk.lines()) {
                    int number = line.oldNumber() + firstLine - 1;
                    if (line.kind() == HunkLine.Kind.DELETE && !touched.contains(number)) {
                        return "line " + number + " of " + e.getKey().getFileName() + " changes: " + line.text().strip();
                    }
                }
            }
        }
        return null;
    }
}
