package dev.handshake.lint;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * A quick fix: an imperative title, how safe it is, and the text edits it makes. A fix that needs
 * input computes its edits from the values given for its {@link FixInput}s ({@link FixValues}, by typed
 * key; callers name them by id).
 */
public final class Fix {

    private final String title;
    private final Applicability applicability;
    private final List<FixInput> inputs;
    private final Function<FixValues, List<FileEdit>> editor;

    private Fix(String title, Applicability applicability, List<FixInput> inputs,
                Function<FixValues, List<FileEdit>> editor) {
        this.title = Objects.requireNonNull(title);
        this.applicability = Objects.requireNonNull(applicability);
        this.inputs = List.copyOf(inputs);
        this.editor = editor;
    }

    /** A fix with fixed edits. */
    public static Fix of(String title, Applicability applicability, List<FileEdit> edits) {
        List<FileEdit> copy = List.copyOf(edits);
        return new Fix(title, applicability, List.of(), values -> copy);
    }

    /** A fix whose edits depend on the values of {@code inputs}. */
    public static Fix withInputs(String title, List<FixInput> inputs,
                                 Function<FixValues, List<FileEdit>> editor) {
        return new Fix(title, Applicability.NEEDS_INPUT, inputs, editor);
    }

    public String title() {
        return title;
    }

    public Applicability applicability() {
        return applicability;
    }

    public List<FixInput> inputs() {
        return inputs;
    }

    public Optional<FixInput> input(FixInput.Key key) {
        return inputs.stream().filter(i -> i.kind() == key).findFirst();
    }

    /** The edits for the input values given by id (missing ones take their best suggestion). */
    public List<FileEdit> edits(Map<String, String> values) {
        Map<String, String> complete = new HashMap<>(values);
        for (FixInput input : inputs) {
            String given = input.valueIn(values);
            String value = given != null ? given : input.suggestion();
            if (value != null) {
                complete.put(input.key(), value);
                if (input.target() != null) {
                    complete.put(FixInput.idFor(input.kind(), input.target()), value);
                }
            }
        }
        return editor.apply(FixValues.byId(complete));
    }

    /** The edits with every input at its best suggestion. */
    public List<FileEdit> edits() {
        return edits(Map.of());
    }

    /** True when every input has a value in {@code values} (by id). */
    public boolean hasInputs(Map<String, String> values) {
        return inputs.stream().allMatch(i -> i.valueIn(values) != null && !i.valueIn(values).isBlank());
    }

    @Override
    public String toString() {
        return title + " (" + applicability.label() + ")";
    }
}
