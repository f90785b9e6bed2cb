package dev.handshake.lint;

import dev.handshake.nginx.ConfigFile;
import dev.handshake.syntax.Token;
import dev.handshake.text.LineIndex;
import dev.handshake.text.TextRange;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code # handshake:ignore RULE[,RULE...] -- reason} silences those rules on its own line and on the
 * line below; {@code # handshake:ignore-file RULE -- reason} silences them in the whole file. The
 * reason is required. A suppression that silences nothing is reported as {@value #UNUSED}, one
 * without a reason as {@value #NO_REASON}.
 */
final class Suppressions {

    static final String UNUSED = "unused-suppression";
    static final String NO_REASON = "suppression-without-reason";

    private static final Pattern SYNTAX = Pattern.compile(
            "#\\s*handshake:(ignore|ignore-file)\\s+([a-z0-9,\\s-]+?)\\s*(?:--\\s*(.*))?$");

    /** One suppression comment. */
    private static final class Entry {
        final Path file;
        final TextRange range;
        final boolean wholeFile;
        final Set<String> rules;
        final int line;
        final boolean hasReason;
        boolean used;

        Entry(Path file, TextRange range, boolean wholeFile, Set<String> rules, int line, boolean hasReason) {
            this.file = file;
            this.range = range;
            this.wholeFile = wholeFile;
            this.rules = rules;
            this.line = line;
            this.hasReason = hasReason;
        }
    }

    private static final int WHOLE_FILE = Integer.MIN_VALUE;

    private final List<Entry> entries = new ArrayList<>();
    private final java.util.Map<Path, LineIndex> lines = new java.util.HashMap<>();
    /** Per file: the whole-file suppressions under {@link #WHOLE_FILE}, the others under the line they are on. */
    private final java.util.Map<Path, java.util.Map<Integer, List<Entry>>> byLine = new java.util.HashMap<>();

    Suppressions(Collection<ConfigFile> files) {
        for (ConfigFile file : files) {
            LineIndex index = file.source().lines();
            lines.put(file.path(), index);
            for (Token comment : file.tree().comments()) {
                Matcher m = SYNTAX.matcher(comment.text(file.text()));
                if (!m.find() || m.start() != 0) {
                    continue;
                }
                Set<String> rules = Set.of(m.group(2).trim().split("[,\\s]+"));
                boolean reason = m.group(3) != null && !m.group(3).isBlank();
                Entry entry = new Entry(file.path(), comment.range(), m.group(1).equals("ignore-file"), rules,
                        index.line(comment.start()), reason);
                entries.add(entry);
                byLine.computeIfAbsent(file.path(), p -> new java.util.HashMap<>())
                        .computeIfAbsent(entry.wholeFile ? WHOLE_FILE : entry.line, l -> new ArrayList<>()).add(entry);
            }
        }
    }

    /** True when {@code d} is silenced; marks the suppression used. */
    boolean silences(Diagnostic d) {
        java.util.Map<Integer, List<Entry>> inFile = byLine.get(d.file());
        if (inFile == null) {
            return false;
        }
        int line = lines.get(d.file()).line(d.range().start());
        boolean silenced = false;
        for (int key : new int[] {WHOLE_FILE, line, line - 1}) {
            for (Entry e : inFile.getOrDefault(key, List.of())) {
                if (e.hasReason && e.rules.contains(d.rule())) {
                    e.used = true;
                    silenced = true;
                }
            }
        }
        return silenced;
    }

    /** Findings about the suppressions themselves: missing reasons, and those that silenced nothing. */
    List<Diagnostic> problems() {
        List<Diagnostic> found = new ArrayList<>();
        for (Entry e : entries) {
            if (!e.hasReason) {
                found.add(new Diagnostic(NO_REASON, Severity.WARNING, e.file, e.range,
                        "suppression needs a reason: add \"-- why this is safe\" after the rule id", List.of(), List.of()));
            } else if (!e.used) {
                found.add(new Diagnostic(UNUSED, Severity.INFO, e.file, e.range,
                        "suppression of " + String.join(", ", e.rules) + " silences nothing", List.of(), List.of()));
            }
        }
        return found;
    }
}
