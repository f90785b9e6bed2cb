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
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Engine speed on the 35k-line production config of the corpus and on a generated 100k-line gateway
 * ({@link ConfigGenerator}, one shared upstream with per-server names): parse, model, lint. Run with
 * {@code ./mvnw -Pbench verify} (prints numbers; never asserts times: these machines are shared).
 * {@link #throughput} reports the input rate: its {@code bytes} counter, per second, is bytes/s.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class EngineBenchmark {

    /** {@code corpus-35k} (../shared/corpus/large/nginx.conf) or {@code generated-100k}. */
    @Param({"corpus-35k", "generated-100k"})
    public String input;

    private Path file;
    private String text;
    private ParseResult parsed;
    private ConfigModel model;
    private Linter linter;
    private long size;

    /** Counts the bytes analysed; JMH reports the counter per second (bytes/s; divide by 1e6 for MB/s). */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Bytes {
        public long bytes;
    }

    @Setup
    public void load() throws Exception {
        if (input.equals("generated-100k")) {
            file = Path.of("/generated/shared-upstream-100000.conf");
            text = ConfigGenerator.generate(ConfigGenerator.Shape.SHARED_UPSTREAM, 100_000);
        } else {
            file = Corpus.root().resolve("large/nginx.conf");
            text = SourceText.decode(Corpus.bytes(file)).text();
        }
        size = text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        System.out.printf("%n%s: %,d bytes, %,d lines%n", input, size, text.split("\n", -1).length);
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
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public LintResult throughput(Bytes counter) {
        counter.bytes += size;
        return parseModelLint();
    }

    @Benchmark
    public LintResult parseModelLint() {
        return linter.lint(ConfigModel.build(new ConfigFile(file, SourceText.of(text)), ConfigModel.Options.defaults()));
    }
}
