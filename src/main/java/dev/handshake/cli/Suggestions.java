package dev.handshake.cli;

import dev.handshake.text.EditDistance;

import java.util.Collection;

/** "Did you mean ...?" for a mistyped rule id or option, by edit distance. */
public final class Suggestions {

    private Suggestions() {
    }

    /** {@code " (did you mean X?)"} for the closest of {@code known}, or an empty string. */
    public static String didYouMean(String typed, Collection<String> known) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : known) {
            int distance = candidate.contains(typed) || typed.contains(candidate)
                    ? Math.abs(candidate.length() - typed.length()) / 2
                    : EditDistance.atMost(typed, candidate, typed.length() + candidate.length());
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        if (best == null || bestDistance > Math.max(2, typed.length() / 3)) {
            return "";
        }
        return " (did you mean " + best + "?)";
    }
}
