package dev.bench4j.core;

import java.util.Locale;
import java.util.Objects;

/** Where a run stands. */
public enum RunStatus {
    /** Cells are being dispatched or are in flight. */
    RUNNING,
    /** Every cell has a result (some may be failures). */
    COMPLETED,
    /** The run could not go on, e.g. its result sink could not be written; see the reason. */
    FAILED,
    /** The run was cancelled, or its deadline passed; finished results are kept. */
    CANCELLED,
    /**
     * The run reached one of its budget caps (cost, tokens or calls): nothing more was dispatched,
     * calls in flight finished, finished results are kept, and it can be resumed with a higher cap.
     */
    BUDGET_EXCEEDED,
    /**
     * The run's process ended without finishing it (killed, crashed, power lost): the store found the
     * run marked running while no process holds its lock. Finished results are kept; it can be resumed.
     */
    INTERRUPTED;

    /**
     * Returns the name used in files, e.g. {@code completed}.
     *
     * @return the lower-case name
     */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses a name written by {@link #wireName()}, ignoring case.
     *
     * @param name the name
     * @return the status
     * @throws IllegalArgumentException if the name is not a status
     */
    public static RunStatus fromWireName(String name) {
        Objects.requireNonNull(name, "name");
        for (RunStatus s : values()) {
            if (s.wireName().equalsIgnoreCase(name)) {
                return s;
            }
        }
        throw new IllegalArgumentException("status must be one of running, completed, failed, cancelled, budget_exceeded, interrupted but was '"
                + name + "'");
    }
}
