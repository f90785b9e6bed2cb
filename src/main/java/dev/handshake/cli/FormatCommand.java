package dev.handshake.cli;

import dev.handshake.diff.TextDiff;
import dev.handshake.io.AtomicWriter;
import dev.handshake.io.SourceFiles;
import dev.handshake.io.SourceReadException;
import dev.handshake.syntax.Formatter;
import dev.handshake.syntax.Parser;
import dev.handshake.text.SourceText;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code format [--check | --write] FILE...}: the editor's Format Document for CI. Prints the diff that
 * formatting would make; {@code --check} prints nothing but the names of unformatted files and exits 1
 * when there are any; {@code --write} formats the files in place (atomically, bytes outside the changed
 * lines kept). A file with syntax errors is left alone and reported (exit 1).
 */
final class FormatCommand {

    private final Main main;

    FormatCommand(Main main) {
        this.main = main;
    }

    int run(List<String> rest, PrintStream out, PrintStream err) throws UsageException {
        Arguments args = Arguments.parse(rest, Set.of(), Set.of("--check", "--write"));
        if (args.has("--check") && args.has("--write")) {
            throw new UsageException("format takes --check or --write, not both");
        }
        if (args.operands().isEmpty()) {
            throw new UsageException("format needs at least one FILE");
        }
        int exit = 0;
        for (String operand : args.operands()) {
            Path file = main.paths().absolute(Path.of(operand));
            String shown = main.paths().display(file);
            SourceText source;
            try {
                source = SourceFiles.read(file);
            } catch (SourceReadException e) {
                err.println(Main.NAME + ": " + shown + ": " + e.getMessage());
                exit = 2;
                continue;
            }
            Optional<String> formatted = Formatter.format(Parser.parse(source.text()));
            if (formatted.isEmpty()) {
                err.println(Main.NAME + ": " + shown + ": not formatted: it has syntax errors (see handshake check)");
                exit = Math.max(exit, 1);
                continue;
            }
            if (formatted.get().equals(source.text())) {
                continue;
            }
            if (args.has("--check")) {
                out.println(shown);
                exit = Math.max(exit, 1);
            } else if (args.has("--write")) {
                try {
                    AtomicWriter.withoutBackup().write(file, source.withText(formatted.get()).encode());
                    err.println(Main.NAME + ": formatted " + shown);
                } catch (IOException e) {
                    err.println(Main.NAME + ": cannot write " + shown + ": " + e.getMessage());
                    exit = 2;
                }
            } else {
                out.print(TextDiff.between(source.text(), formatted.get()).unified("a/" + shown, "b/" + shown));
            }
        }
        return exit;
    }
}
