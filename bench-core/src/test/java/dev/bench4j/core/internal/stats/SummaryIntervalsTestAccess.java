package dev.bench4j.core.internal.stats;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;

/** Lets tests of other packages read this package's SciPy reference values. */
public final class SummaryIntervalsTestAccess {

    private SummaryIntervalsTestAccess() {
    }

    /**
     * Reads summary_intervals_reference.json.
     *
     * @return its root
     * @throws IOException if it cannot be read
     */
    public static JsonNode reference() throws IOException {
        return SummaryIntervalsTest.reference();
    }
}
