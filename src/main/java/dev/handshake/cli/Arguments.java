package dev.handshake.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A sub-command's arguments: options that take a value ({@code --format json} or {@code --format=json},
 * repeatable), flags, and the remaining operands. {@code --} ends the options.
 */
final class Arguments {

    private final Map<String, List<String>> values = new LinkedHashMap<>();
    private final List<String> flags = new ArrayList<>();
    private final List<String> operands = new ArrayList<>();

    private Arguments() {
    }

    static Arguments parse(List<String> args, Set<String> valued, Set<String> flagNames) throws UsageException {
        Arguments parsed = new Arguments();
        boolean optionsEnded = false;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (optionsEnded || !arg.startsWith("-") || arg.equals("-")) {
                parsed.operands.add(arg);
                continue;
            }
            if (arg.equals("--")) {
                optionsEnded = true;
                continue;
            }
            int equals = arg.indexOf('=');
            String name = equals > 0 ? arg.substring(0, equals) : arg;
            if (valued.contains(name)) {
                String value;
                if (equals > 0) {
                    value = arg.substring(equals + 1);
                } else if (i + 1 < args.size()) {
                    value = args.get(++i);
                } else {
                    throw new UsageException("option " + name + " needs a value");
                }
                parsed.values.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
            } else if (flagNames.contains(name) && equals < 0) {
                parsed.flags.add(name);
            } else {
                throw new UsageException("unknown option " + arg + Suggestions.didYouMean(name, union(valued, flagNames)));
            }
        }
        return parsed;
    }

    private static List<String> union(Set<String> a, Set<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    /** The last value given for {@code name}, or {@code fallback}. */
    String value(String name, String fallback) {
        List<String> given = values.get(name);
        return given == null ? fallback : given.get(given.size() - 1);
    }

    List<String> values(String name) {
        return values.getOrDefault(name, List.of());
    }

    boolean has(String name) {
        return flags.contains(name) || values.containsKey(name);
    }

    List<String> operands() {
        return operands;
    }

    /** The value of {@code name}, which must be one of {@code allowed}. */
    String choice(String name, String fallback, List<String> allowed) throws UsageException {
        String chosen = value(name, fallback);
        if (!allowed.contains(chosen)) {
            throw new UsageException(name + " must be one of " + String.join(", ", allowed) + ", not \"" + chosen + "\"");
        }
        return chosen;
    }
}
