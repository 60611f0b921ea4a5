package dev.bench4j.core.internal.run;

import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.ThreadLocalRandom;

/** Makes run ids: {@code bench_<8 hex>_<yyyyMMdd_HHmmss>} in UTC. */
final class RunIds {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss").withZone(ZoneOffset.UTC);

    private RunIds() {
    }

    static String next(Clock clock) {
        return String.format("bench_%08x_%s", ThreadLocalRandom.current().nextInt(), TIME.format(clock.instant()));
    }
}
