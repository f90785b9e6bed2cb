package dev.handshake.ui;

import dev.handshake.Corpus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Start-up probe for issue 11's last row (not part of the normal suite: it prints numbers and asserts
 * none). Needs a built jar and a display (an X server in {@code DISPLAY}, or {@code Xvfb}, which it starts):
 *
 * <pre>
 * ./mvnw -DskipTests package   # (and -Pdist for the packaged app)
 * ./mvnw -o test -Dtest=StartupProbe -Dsurefire.failIfNoSpecifiedTests=false [-Dprobe.runs=5]
 * </pre>
 *
 * Starts the editor the ways users do ({@code java -jar target/handshake.jar} on the JDK running the
 * build, on JDK 25 when one is found, and the packaged {@code target/dist/handshake/lib/handshake.sh}
 * when built), interleaved, each with a fresh home and state folder, on the bundled example and on the
 * 35k-line corpus config, and prints per way the median wall time from process start to the first
 * frame with the window showing and to the first findings on screen. The app writes both itself
 * ({@code -Dhandshake.startupReport}) and quits.
 */
class StartupProbe {

    private static final Path JAR = Path.of("target/handshake.jar");
    private static final Path PACKAGED = Path.of("target/dist/handshake/lib/handshake.sh");

    @TempDir
    Path dir;

    private record Way(String name, List<String> command) {
    }

    @Test
    void startToFirstFrame() throws Exception {
        if (!Files.isRegularFile(JAR)) {
            System.out.println("[skipped] StartupProbe: no " + JAR + " (run ./mvnw -DskipTests package first)");
            Assumptions.abort("no jar");
        }
        Process xvfb = null;
        String display = System.getenv("DISPLAY");
        if (display == null || display.isBlank()) {
            display = ":" + (90 + (int) (ProcessHandle.current().pid() % 9));
            try {
                xvfb = new ProcessBuilder("Xvfb", display, "-screen", "0", "1400x900x24").redirectErrorStream(true)
                        .redirectOutput(dir.resolve("xvfb.log").toFile()).start();
            } catch (IOException e) {
                System.out.println("[skipped] StartupProbe: no DISPLAY and no Xvfb (apt-get install xvfb)");
                Assumptions.abort("no display");
            }
            Path socket = Path.of("/tmp/.X11-unix/X" + display.substring(1));
            for (int i = 0; i < 100 && !Files.exists(socket); i++) {
                Thread.sleep(50);
            }
        }
        try {
            List<Way> ways = ways();
            Map<String, Path> files = new LinkedHashMap<>();
            files.put("bundled example", null);
            if (Corpus.available()) {
                files.put("35k-line corpus config", Corpus.root().resolve("large/nginx.conf"));
            }
            int runs = Integer.getInteger("probe.runs", 5);
            System.out.printf(Locale.ROOT, "STARTUP machine: %d cores, load %s%n", Runtime.getRuntime().availableProcessors(),
                    Files.readString(Path.of("/proc/loadavg")).strip());
            for (Map.Entry<String, Path> file : files.entrySet()) {
                Map<Way, List<long[]>> times = new LinkedHashMap<>();
                for (int run = -1; run < runs; run++) {
                    for (Way way : ways) {
                        Optional<long[]> t = start(way, file.getValue(), display);
                        if (run >= 0 && t.isPresent()) {
                            times.computeIfAbsent(way, w -> new ArrayList<>()).add(t.get());
                        }
                    }
                }
                for (Way way : ways) {
                    List<long[]> got = times.getOrDefault(way, List.of());
                    System.out.printf(Locale.ROOT, "STARTUP %-22s %-40s first frame %s, findings %s (median of %d)%n",
                            file.getKey(), way.name(), median(got, 0), median(got, 1), got.size());
                }
            }
        } finally {
            if (xvfb != null) {
                xvfb.destroy();
            }
        }
    }

    private List<Way> ways() {
        List<Way> ways = new ArrayList<>();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ways.add(new Way("java -jar, JDK " + Runtime.version().feature(), List.of(java, "-jar", JAR.toString())));
        Path jdk25 = Path.of(System.getProperty("probe.jdk25", "/usr/lib/jvm/temurin-25-jdk-amd64"), "bin", "java");
        if (Files.isExecutable(jdk25) && Runtime.version().feature() != 25) {
            ways.add(new Way("java -jar, JDK 25", List.of(jdk25.toString(), "-jar", JAR.toString())));
        }
        if (Files.isExecutable(PACKAGED)) {
            ways.add(new Way("packaged (lib/handshake.sh)", List.of(PACKAGED.toString())));
        } else {
            System.out.println("STARTUP packaged app not built (./mvnw -Pdist -DskipTests package): not measured");
        }
        return ways;
    }

    /** Wall ms from process start to {first frame, findings}, or empty when the app wrote no report. */
    private Optional<long[]> start(Way way, Path file, String display) throws Exception {
        Path home = Files.createTempDirectory(dir, "home");
        Path report = home.resolve("startup.txt");
        List<String> command = new ArrayList<>(way.command());
        String properties = "-Duser.home=" + home + " -Dhandshake.state=" + home.resolve("state")
                + " -Dhandshake.startupReport=" + report;
        if (command.size() > 1) {
            command.addAll(1, List.of(properties.split(" ")));
        }
        if (file != null) {
            command.add(file.toString());
        }
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(home.resolve("output.txt").toFile());
        builder.environment().put("DISPLAY", display);
        builder.environment().put("HOME", home.toString());
        if (command.size() == (file != null ? 2 : 1)) {
            builder.environment().put("JAVA_TOOL_OPTIONS", properties);
        }
        long started = System.currentTimeMillis();
        Process process = builder.start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        if (!Files.isRegularFile(report)) {
            System.out.println("STARTUP " + way.name() + ": no report (" + Files.readString(home.resolve("output.txt")).strip() + ")");
            return Optional.empty();
        }
        Map<String, Long> values = new LinkedHashMap<>();
        for (String line : Files.readAllLines(report)) {
            String[] kv = line.split("=");
            values.put(kv[0], Long.parseLong(kv[1].strip()) - started);
        }
        return Optional.of(new long[] {values.get("first-frame"), values.get("findings")});
    }

    private static String median(List<long[]> times, int which) {
        if (times.isEmpty()) {
            return "n/a";
        }
        List<Long> values = new ArrayList<>();
        times.forEach(t -> values.add(t[which]));
        Collections.sort(values);
        return values.get(values.size() / 2) + " ms";
    }
}
