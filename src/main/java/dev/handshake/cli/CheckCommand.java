package dev.handshake.cli;

import dev.handshake.nginx.ConfigModel;
import dev.handshake.nginx.SourceLoader;
import dev.handshake.report.CheckResults;
import dev.handshake.report.CheckstyleReport;
import dev.handshake.report.GithubReport;
import dev.handshake.report.GitlabReport;
import dev.handshake.report.JsonReport;
import dev.handshake.report.SarifReport;
import dev.handshake.report.TextReport;
import dev.handshake.lint.Rule;
import java.io.IOException;
import java.io.PrintStream;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** {@code check}: lints each main file with its includes and reports as text, JSON, SARIF, GitHub workflow commands, Checkstyle XML or GitLab Code Quality JSON. */
final class CheckCommand {

    /** The accepted {@code --format} values. */
    static final List<String> FORMATS = List.of("text", "json", "sarif", "github", "checkstyle", "gitlab");

    private final Main main;

    CheckCommand(Main main) {
        this.main = main;
    }

    int run(List<String> rest, PrintStream out, PrintStream err) throws UsageException {
        Set<String> valued = new HashSet<>(Session.VALUED);
        valued.add("--format");
        Arguments args = Arguments.parse(rest, valued, Set.of());
        String format = args.choice("--format", "text", FORMATS);
        Session session = Session.from(args, main.paths(), main.rules(), main.knownRuleIds());
        List<Session.Input> inputs = session.inputs(args.operands());
        CheckResults results = check(session, inputs, Session.disk(), err);
        switch (format) {
            case "json" -> out.print(JsonReport.render(results));
            case "sarif" -> out.print(SarifReport.render(results,
                    main.rules().stream().map(Rule::meta).collect(Collectors.toList()), main.tool()));
            case "github" -> {
                out.print(GithubReport.render(results));
                err.println(results.summary());
            }
            case "checkstyle" -> out.print(CheckstyleReport.render(results));
            case "gitlab" -> out.print(GitlabReport.render(results));
            default -> {
                TextReport.write(results, out);
                err.println(results.summary());
            }
        }
        out.flush();
        return exitCode(results, session);
    }

    /** Lints every input; unreadable ones are recorded and named on {@code err}, the rest still checked. */
    static CheckResults check(Session session, List<Session.Input> inputs, SourceLoader loader, PrintStream err) {
        CheckResults results = new CheckResults(session.paths());
        for (Session.Input input : inputs) {
            if (input.error() != null) {
                fail(results, input, input.error(), err);
                continue;
            }
            ConfigModel model;
            try {
                model = session.load(input.path(), loader);
            } catch (IOException e) {
                fail(results, input, session.readError(input.path(), e), err);
                continue;
            }
            results.add(input.path(), session.linter().lint(model));
        }
        return results;
    }

    private static void fail(CheckResults results, Session.Input input, String message, PrintStream err) {
        results.addFailure(input.path(), message);
        err.println(Main.NAME + ": " + message);
    }

    static int exitCode(CheckResults results, Session session) {
        if (results.hasFailures()) {
            return 2;
        }
        return results.has(session.failOn()) ? 1 : 0;
    }
}
