package dev.handshake.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.handshake.lint.Diagnostic;
import dev.handshake.lint.Severity;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

/**
 * GitLab Code Quality JSON: an array of issues with {@code description}, {@code check_name},
 * {@code fingerprint}, {@code severity} ({@code major} for errors, {@code minor} for warnings,
 * {@code info}) and {@code location.path} / {@code location.lines.begin}. The fingerprint hashes the rule,
 * path, message and the finding's rank among identical ones, not its line, so it survives edits above it.
 * Unreadable paths are not issues; the command names them on standard error and exits 2.
 */
public final class GitlabReport {

    private GitlabReport() {
    }

    public static String render(CheckResults results) {
        ArrayNode issues = JsonReport.MAPPER.createArrayNode();
        Map<String, Integer> seen = new HashMap<>();
        for (Diagnostic d : results.findings()) {
            String path = results.paths().display(d.file());
            String identity = d.rule() + '\0' + path + '\0' + d.message();
            int rank = seen.merge(identity, 1, Integer::sum);
            Position at = results.positionOrStart(d.file(), d.range());
            ObjectNode issue = issues.addObject();
            issue.put("type", "issue");
            issue.put("description", d.message());
            issue.put("check_name", d.rule());
            issue.put("fingerprint", sha256(identity + '\0' + rank));
            issue.put("severity", severity(d.severity()));
            ObjectNode location = issue.putObject("location");
            location.put("path", path);
            ObjectNode lines = location.putObject("lines");
            lines.put("begin", at.line());
            lines.put("end", at.endLine());
        }
        return JsonReport.write(issues);
    }

    static String severity(Severity severity) {
        return switch (severity) {
            case ERROR -> "major";
            case WARNING -> "minor";
            case INFO -> "info";
        };
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
