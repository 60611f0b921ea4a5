package dev.bench4j.core.internal.io;

import dev.bench4j.core.InvalidPlanException;
import dev.bench4j.core.Trial;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Gathers the trials of one file, going on past a bad trial so that one exception lists every bad
 * line, element or row, and refusing an id used twice.
 */
final class TrialCollector {

    private final List<Trial> trials = new ArrayList<>();
    private final Map<String, String> firstSeen = new HashMap<>();
    private final List<String> problems = new ArrayList<>();
    private InvalidPlanException first;

    /**
     * Reads one trial, or records why it cannot be read.
     *
     * @param where what a message about this trial starts with, e.g. {@code trials.jsonl: line 3}
     * @param ref how a later duplicate refers to this trial, e.g. {@code on line 3}
     * @param reader reads the trial, throwing {@link InvalidPlanException} if it is invalid
     */
    void add(String where, String ref, Supplier<Trial> reader) {
        try {
            Trial t = reader.get();
            String earlier = firstSeen.putIfAbsent(t.id(), ref);
            if (earlier != null) {
                throw new InvalidPlanException(where + ": duplicate trial id '" + t.id() + "', first " + earlier);
            }
            trials.add(t);
        } catch (InvalidPlanException e) {
            if (first == null) {
                first = e;
            }
            problems.addAll(e.problems());
        }
    }

    /**
     * Returns the trials read, in order.
     *
     * @return an unmodifiable list
     * @throws InvalidPlanException listing every problem found, if any
     */
    List<Trial> trials() {
        if (problems.size() == 1) {
            throw first;
        }
        if (!problems.isEmpty()) {
            throw new InvalidPlanException(problems);
        }
        return List.copyOf(trials);
    }
}
