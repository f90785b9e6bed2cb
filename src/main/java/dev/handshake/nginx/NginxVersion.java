package dev.handshake.nginx;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An nginx version as nginx writes it, {@code MAJOR.MINOR.PATCH} ({@code 1.22.1}), ordered numerically.
 *
 * @param major the first number
 * @param minor the second number
 * @param patch the third number
 */
public record NginxVersion(int major, int minor, int patch) implements Comparable<NginxVersion> {

    private static final Pattern FORM = Pattern.compile("(\\d{1,4})\\.(\\d{1,4})\\.(\\d{1,4})");

    public NginxVersion {
        if (major < 0 || minor < 0 || patch < 0) {
            throw new IllegalArgumentException("negative version part");
        }
    }

    /** The version {@code text} names, exactly three dot-separated numbers; empty for anything else. */
    public static Optional<NginxVersion> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = FORM.matcher(text.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new NginxVersion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                Integer.parseInt(m.group(3))));
    }

    /** True when this version comes before {@code other}. */
    public boolean before(NginxVersion other) {
        return compareTo(other) < 0;
    }

    @Override
    public int compareTo(NginxVersion other) {
        int byMajor = Integer.compare(major, other.major);
        if (byMajor != 0) {
            return byMajor;
        }
        int byMinor = Integer.compare(minor, other.minor);
        return byMinor != 0 ? byMinor : Integer.compare(patch, other.patch);
    }

    @Override
    public String toString() {
        return major + "." + minor + "." + patch;
    }
}
