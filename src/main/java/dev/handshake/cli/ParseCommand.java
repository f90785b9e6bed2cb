package dev.handshake.cli;

import dev.handshake.nginx.ConfigModel;
import dev.handshake.report.CrossplanePayload;
import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.Set;

/** {@code parse --format crossplane PATH}: the parse of a main file and its includes as crossplane JSON. */
final class ParseCommand {

    private final Main main;

    ParseCommand(Main main) {
        this.main = main;
    }

    /** 0 when every file parsed cleanly, 1 when the payload holds errors, 2 for usage or I/O errors. */
    int run(List<String> rest, PrintStream out, PrintStream err) throws UsageException {
        Arguments args = Arguments.parse(rest, Set.of("--format", "--context", "--map-path"), Set.of());
        args.choice("--format", "crossplane", List.of("crossplane"));
        Session session = Session.from(args, main.paths(), main.rules(), main.knownRuleIds());
        if (args.operands().size() != 1) {
            throw new UsageException("parse takes exactly one PATH");
        }
        Session.Input input = session.inputs(args.operands()).get(0);
        if (input.error() != null) {
            err.println(Main.NAME + ": " + input.error());
            return 2;
        }
        ConfigModel model;
        try {
            model = session.load(input.path(), Session.disk());
        } catch (IOException e) {
            err.println(Main.NAME + ": " + session.readError(input.path(), e));
            return 2;
        }
        try {
            java.io.Writer writer = new java.io.BufferedWriter(new java.io.OutputStreamWriter(out,
                    java.nio.charset.StandardCharsets.UTF_8));
            CrossplanePayload.write(model, writer);
            writer.flush();
        } catch (IOException e) {
            err.println(Main.NAME + ": cannot write the payload: " + e.getMessage());
            return 2;
        }
        return CrossplanePayload.hasErrors(model) ? 1 : 0;
    }
}
