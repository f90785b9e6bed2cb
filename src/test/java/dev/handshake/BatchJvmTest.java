package dev.handshake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.handshake.bench.ConfigGenerator;
import dev.handshake.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** When {@code java -jar handshake.jar check} hands a large config to a second JVM, and that nothing else changes. */
class BatchJvmTest {

    @TempDir
    Path dir;

    private String[] check(Path file) {
        return new String[] {"check", "--format", "json", file.toString()};
    }

    private Path large() throws IOException {
        Path file = dir.resolve("large.conf");
        Files.writeString(file, ConfigGenerator.generate(ConfigGenerator.Shape.VERIFY_OFF, 3_000));
        assertTrue(Files.size(file) >= BatchJvm.WORTH_IT);
        return file;
    }

    @Test
    void onlyLargeConfigsOfCommandsThatReadThemGoToASecondJvm() throws IOException {
        Path large = large();
        Path small = Files.writeString(dir.resolve("small.conf"), "events {}\n");
        assertTrue(BatchJvm.worthIt(check(large), List.of(), Map.of(), null));
        assertTrue(BatchJvm.worthIt(new String[] {"fix", "--dry-run", large.toString()}, List.of("-Xmx1g", "-Dx=y"), Map.of(), null));
        assertFalse(BatchJvm.worthIt(check(small), List.of(), Map.of(), null));
        assertFalse(BatchJvm.worthIt(new String[] {"check", "-"}, List.of(), Map.of(), null));
        assertFalse(BatchJvm.worthIt(new String[] {"explain", large.toString()}, List.of(), Map.of(), null));
        assertFalse(BatchJvm.worthIt(new String[] {"check", dir.toString()}, List.of(), Map.of(), null), "directories are not measured");
    }

    @Test
    void aChosenJvmOrAnAnnouncedOptionVariableKeepsTheRunInThisJvm() throws IOException {
        String[] args = check(large());
        assertFalse(BatchJvm.worthIt(args, List.of("-XX:+UseParallelGC"), Map.of(), null));
        assertFalse(BatchJvm.worthIt(args, List.of("-agentlib:jdwp=transport=dt_socket"), Map.of(), null));
        assertFalse(BatchJvm.worthIt(args, List.of("-XX:StartFlightRecording=filename=x.jfr"), Map.of(), null));
        assertFalse(BatchJvm.worthIt(args, List.of(), Map.of("JAVA_TOOL_OPTIONS", "-Xmx1g"), null));
        assertFalse(BatchJvm.worthIt(args, List.of(), Map.of("JDK_JAVA_OPTIONS", ""), null));
        assertFalse(BatchJvm.worthIt(args, List.of(), Map.of(), "true"), "the second JVM never starts a third");
    }

    @Test
    void theSecondJvmGetsTheSameClassPathOptionsAndArguments() {
        List<String> command = BatchJvm.command("/jdk/bin/java", List.of("-Xmx1g", "-Dk=v"), "handshake.jar",
                new String[] {"check", "nginx.conf"});
        assertEquals(List.of("/jdk/bin/java", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx1g", "-Dk=v",
                "-D" + BatchJvm.STARTED + "=true", "-cp", "handshake.jar", "dev.handshake.Launcher", "check",
                "nginx.conf"), command);
    }

    @Test
    void aProcessStartedThroughTheSecondJvmPrintsAndExitsAsTheCliDoes() throws Exception {
        Path file = large();
        String[] args = check(file);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int expected = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        Path stdout = dir.resolve("stdout");
        Path stderr = dir.resolve("stderr");
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Launcher.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
        builder.environment().keySet().removeAll(List.of("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "_JAVA_OPTIONS"));
        Process process = builder.start();
        assertEquals(expected, process.waitFor(), Files.readString(stderr));
        assertEquals(out.toString(StandardCharsets.UTF_8), Files.readString(stdout));
        assertEquals(err.toString(StandardCharsets.UTF_8), Files.readString(stderr));
    }
}
