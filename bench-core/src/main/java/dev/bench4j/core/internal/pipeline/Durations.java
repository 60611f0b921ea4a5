package dev.bench4j.core.internal.pipeline;

import java.time.Duration;
import java.util.Locale;

/** Formats durations for people: {@code 250 ms}, {@code 1.5 s}, {@code 30 min}. */
public final class Durations {

    private Durations() {
    }

    /**
     * Formats a duration.
     *
     * @param d the duration
     * @return a short human text
     */
    public static String format(Duration d) {
        long ms = d.toMillis();
        if (ms < 1000) {
            return ms + " ms";
        }
        if (ms < 60_000) {
            return String.format(Locale.ROOT, "%.1f s", ms / 1000.0).replace(".0 s", " s");
        }
        if (ms < 3_600_000) {
            return String.format(Locale.ROOT, "%.1f min", ms / 60_000.0).replace(".0 min", " min");
        }
        return String.format(Locale.ROOT, "%.1f h", ms / 3_600_000.0).replace(".0 h", " h");
    }
}
