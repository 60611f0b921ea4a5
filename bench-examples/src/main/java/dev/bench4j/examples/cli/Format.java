package dev.bench4j.examples.cli;

import dev.bench4j.core.Summary;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/** Number and duration formats for people, the same under every default locale. */
final class Format {

    /** What a figure no result reported shows. */
    static final String UNKNOWN = "–";

    private Format() {
    }

    static String duration(Duration d) {
        long ms = d.toMillis();
        if (ms < 10) {
            return String.format(Locale.ROOT, "%.1f ms", d.toNanos() / 1e6);
        }
        if (ms < 1000) {
            return ms + " ms";
        }
        if (ms < 60_000) {
            return String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
        }
        long s = d.toSeconds();
        if (s < 3600) {
            return String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60);
        }
        return String.format(Locale.ROOT, "%d h %02d min", s / 3600, (s % 3600) / 60);
    }

    static String usd(double usd) {
        if (usd == 0) {
            return "$0";
        }
        return usd < 0.01 ? String.format(Locale.ROOT, "$%.5f", usd) : String.format(Locale.ROOT, "$%.4f", usd);
    }

    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** A count, or an en dash when it is unknown. */
    static String count(OptionalLong n) {
        return n.isPresent() ? count(n.getAsLong()) : UNKNOWN;
    }

    /** A share with its interval in percent, e.g. {@code 90% (60–98%)}; {@code -} when there is none. */
    static String percent(OptionalDouble share, Optional<Summary.Interval> ci) {
        return ci.map(c -> percent(share) + String.format(Locale.ROOT, " (%.0f–%.0f%%)", c.lower() * 100, c.upper() * 100))
                .orElse(percent(share));
    }

    static String percent(OptionalDouble share) {
        return share.isPresent() ? String.format(Locale.ROOT, "%.0f%%", share.getAsDouble() * 100) : "-";
    }

    /** A p-value: three decimals, or {@code <0.001}. */
    static String pValue(double p) {
        return p < 0.001 ? "<0.001" : number(p);
    }

    static String number(double d) {
        return String.format(Locale.ROOT, "%.3f", d);
    }

    /** A file size: {@code 812 B}, {@code 14.2 KiB}, {@code 3.1 MiB}. */
    static String bytes(long n) {
        if (n < 1024) {
            return n + " B";
        }
        return n < (1 << 20) ? String.format(Locale.ROOT, "%.1f KiB", n / 1024.0)
                : String.format(Locale.ROOT, "%.1f MiB", n / (double) (1 << 20));
    }
}
