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
import java.io.InputStream;
import java.io.PrintStream;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code check}: lints each main file with its includes (from PATHs, {@code -} for standard input, or
 * {@code --nginx-T} for the output of {@code nginx -T}) and reports as text, JSON, SARIF, GitHub
 * workflow commands, Checkstyle XML or GitLab Code Quality JSON.
 */
final class CheckCommand {

    /** The accepted {@code --format} values. */
    static final List<String> FORMATS = List.of("text", "json", "sarif", "github", "checkstyle", "gitlab");

    private final Main main;

    CheckCommand(Main main) {
        this.main = main;
    }

    int run(List<String> rest, InputStream in, PrintStream out, PrintStream err) throws UsageException {
        Set<String> valued = new HashSet<>(Session.VALUED);
        valued.addAll(Set.of("--format", InputSources.STDIN_FILENAME, InputSources.NGINX_T));
        Arguments args = Arguments.parse(rest, valued, Set.of());
        String format = args.choice("--format", "text", FORMATS);
        Session session = Session.from(args, main.paths(), main.rules(), main.knownRuleIds());
        InputSources.Sources sources;
        if (args.has(InputSources.NGINX_T)) {
            sources = InputSources.nginxDump(args, in, main.paths());
        } else if (InputSources.readsStdin(args)) {
            sources = InputSources.stdin(args, in, main.paths(), Session.disk());
        } else {
            sources = new InputSources.Sources(session.inputs(args.operands()), Session.disk());
        }
        CheckResults results = check(session, sources.inputs(), sources.loader(), err);
        switch (format) {
            case "json" -> JsonReport.write(results, writerOn(out));
            case "sarif" -> SarifReport.write(results,
                    main.rules().stream().map(Rule::meta).collect(Collectors.toList()), main.tool(), writerOn(out));
            case "github" -> {
                out.print(GithubReport.render(results));
                out.flush();
                err.println(results.summary());
            }
            case "checkstyle" -> out.print(CheckstyleReport.render(results));
            case "gitlab" -> out.print(GitlabReport.render(results));
            default -> {
                TextReport.write(results, out);
                out.flush(); // the findings reach a shared terminal before the summary line on stderr
                err.println(results.summary());
            }
        }
        out.flush();
        return exitCode(results, session);
    }

    /** A writer over {@code out} in its own encoding (the JSON reports stream through it). */
    private static java.io.Writer writerOn(PrintStream out) {
        return new java.io.Writer() {
            @Override
            public void write(char[] chars, int offset, int length) {
                out.append(java.nio.CharBuffer.wrap(chars, offset, length));
            }

            @Override
            public void flush() {
                out.flush();
            }

            @Override
            public void close() {
                out.flush();
            }
        };
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
