package dev.handshake.bench;

import dev.handshake.Corpus;
import dev.handshake.lint.LintResult;
import dev.handshake.lint.Linter;
import dev.handshake.nginx.ConfigFile;
import dev.handshake.nginx.ConfigModel;
import dev.handshake.syntax.ParseResult;
import dev.handshake.syntax.Parser;
import dev.handshake.text.SourceText;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Engine speed on the 35k-line production config of the corpus: parse, model, lint. Run with
 * {@code ./mvnw -Pbench verify} (prints numbers; never asserts times: these machines are shared).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class EngineBenchmark {

    private Path file;
    private String text;
    private ParseResult parsed;
    private ConfigModel model;
    private Linter linter;

    @Setup
    public void load() throws Exception {
        file = Corpus.root().resolve("large/nginx.conf");
        text = SourceText.decode(Corpus.bytes(file)).text();
        parsed = Parser.parse(text);
        model = ConfigModel.build(new ConfigFile(file, SourceText.of(text), parsed), ConfigModel.Options.defaults());
        linter = Linter.standard();
    }

    @Benchmark
    public ParseResult parse() {
        return Parser.parse(text);
    }

    @Benchmark
    public ConfigModel parseAndModel() {
        return ConfigModel.build(new ConfigFile(file, SourceText.of(text)), ConfigModel.Options.defaults());
    }

    @Benchmark
    public LintResult lintOnly() {
        ConfigModel fresh = ConfigModel.build(new ConfigFile(file, SourceText.of(text), parsed), ConfigModel.Options.defaults());
        return linter.lint(fresh);
    }

    @Benchmark
    public LintResult parseModelLint() {
        return linter.lint(ConfigModel.build(new ConfigFile(file, SourceText.of(text)), ConfigModel.Options.defaults()));
    }
}
