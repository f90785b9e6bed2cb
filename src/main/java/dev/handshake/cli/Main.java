package dev.handshake.cli;

import dev.handshake.lint.Linter;
import dev.handshake.lint.Rule;
import dev.handshake.lint.rules.Rules;
import dev.handshake.report.PathStyle;
import dev.handshake.report.SarifReport;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code handshake SUBCOMMAND ...}: dispatches to {@code check}, {@code fix}, {@code parse},
 * {@code format}, {@code explain} and {@code rules}, and returns the exit code (0 clean, 1 findings, 2 usage or I/O
 * errors). Never exits the JVM.
 */
public final class Main {

    static final String NAME = "handshake";

    /** The project has no public home page yet; SARIF makes the field optional, so it is left out. */
    static final String INFORMATION_URI = null;

    /** Finding ids the linter itself reports, beside the registry's rules. */
    private static final List<String> LINTER_IDS = List.of(
            Linter.INTERNAL_ERROR, "unused-suppression", "suppression-without-reason");

    static final String USAGE = String.join("\n",
            "Usage: handshake COMMAND [OPTIONS] ...",
            "",
            "Finds broken or unsafe TLS to HTTPS upstreams in nginx configs, and fixes it.",
            "",
            "Commands:",
            "  check [--format text|json|sarif|github|checkstyle|gitlab] [--context http|server|location] [--fail-on error|warning]",
            "        [--map-path FROM=TO]... [--disable RULE]... [--directive NAME]... [--nginx oss|plus]",
            "        [--nginx-version X.Y.Z] PATH... | - | --nginx-T FILE|-",
            "      Check main config files (a directory means its *.conf files, recursively); - reads one config",
            "      from standard input ([--stdin-filename NAME] names it and anchors its relative includes);",
            "      --nginx-T reads the output of `nginx -T` as the whole include tree (nothing read from disk).",
            "      --nginx plus: the config is for NGINX Plus (default oss: its directives are reported);",
            "      --nginx-version: judge against that nginx version (default: the current release).",
            "  fix [--rule RULE]... [--sni-name [TARGET=]HOST]... [--trusted-ca PATH] [--dry-run | --write | --output FILE|-]",
            "      [--context C] [--fail-on error|warning] [--map-path FROM=TO]... [--disable RULE]...",
            "      [--directive NAME]... [--nginx oss|plus] [--nginx-version X.Y.Z] PATH... | [--stdin-filename NAME] -",
            "      Apply safe fixes, and fixes whose input is given; prints a diff unless --write or --output",
            "      (--output - prints the fixed text). With - (standard input) it never writes a file.",
            "  parse [--format crossplane] [--context C] [--map-path FROM=TO]... PATH",
            "      Print the parse of PATH and its includes as a crossplane JSON payload.",
            "  format [--check | --write] FILE...",
            "      Re-indent and normalise spacing (comments, quotes, blank lines, Lua and map bodies kept);",
            "      prints the diff; --check lists unformatted files (exit 1); --write formats in place.",
            "  explain RULE     Print the documentation of RULE.",
            "  rules            List every rule: id, severity, summary.",
            "",
            "Options: --help, --version",
            "Exit codes: 0 nothing at or above --fail-on (default error), 1 something is, 2 usage or I/O error.",
            "");

    private final Path workingDirectory;
    private final List<Rule> rules;

    /** A CLI resolving relative paths against {@code workingDirectory} and linting with {@code rules}. */
    public Main(Path workingDirectory, List<Rule> rules) {
        this.workingDirectory = workingDirectory.toAbsolutePath().normalize();
        this.rules = List.copyOf(rules);
    }

    /** Runs a command line in the process's working directory with the built-in rules. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        return new Main(Path.of("").toAbsolutePath(), Rules.all()).execute(args, System.in, out, err);
    }

    /** Runs a command line with nothing on standard input (the operand {@code -} then reads an empty config). */
    public int execute(String[] args, PrintStream out, PrintStream err) {
        return execute(args, InputStream.nullInputStream(), out, err);
    }

    /** Runs a command line; {@code -} and {@code --nginx-T -} read {@code in}. */
    public int execute(String[] args, InputStream in, PrintStream out, PrintStream err) {
        if (args.length == 0) {
            err.print(USAGE);
            return 2;
        }
        List<String> rest = Arrays.asList(args).subList(1, args.length);
        try {
            return switch (args[0]) {
                case "--help", "-h", "help" -> {
                    out.print(USAGE);
                    yield 0;
                }
                case "--version", "-V", "version" -> {
                    out.println(NAME + " " + version());
                    yield 0;
                }
                case "check" -> new CheckCommand(this).run(rest, in, out, err);
                case "fix" -> new FixCommand(this).run(rest, in, out, err);
                case "parse" -> new ParseCommand(this).run(rest, out, err);
                case "format" -> new FormatCommand(this).run(rest, out, err);
                case "explain" -> new RulesCommand(this).explain(rest, out, err);
                case "rules" -> new RulesCommand(this).list(rest, out);
                default -> throw new UsageException("unknown command " + args[0] + Suggestions.didYouMean(args[0],
                        List.of("check", "fix", "parse", "format", "explain", "rules", "--help", "--version")));
            };
        } catch (UsageException e) {
            err.println(NAME + ": " + e.getMessage());
            err.println("Try '" + NAME + " --help'.");
            return 2;
        } catch (RuntimeException bug) {
            err.println(NAME + ": could not finish: " + bug
                    + " (please report it with the command; set HANDSHAKE_DEBUG=1 for the details)");
            if (System.getenv("HANDSHAKE_DEBUG") != null) {
                bug.printStackTrace(err);
            }
            return 2;
        }
    }

    PathStyle paths() {
        return new PathStyle(workingDirectory);
    }

    List<Rule> rules() {
        return rules;
    }

    /** Every id a finding can carry: the rules' and the linter's own. */
    Set<String> knownRuleIds() {
        Set<String> ids = new TreeSet<>(LINTER_IDS);
        for (Rule rule : rules) {
            ids.add(rule.meta().id());
        }
        return ids;
    }

    SarifReport.Tool tool() {
        return new SarifReport.Tool(NAME, version(), INFORMATION_URI);
    }

    /** The version Maven recorded in the jar, or {@code dev} when running from classes. */
    static String version() {
        return dev.handshake.report.BuildInfo.version();
    }
}
