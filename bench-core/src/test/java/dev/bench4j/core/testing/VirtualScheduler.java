package dev.bench4j.core.testing;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * A scheduler that records every delay it is asked for and runs the task at once, so tests of
 * backoff and Retry-After never wait on the wall clock.
 */
public final class VirtualScheduler extends ScheduledThreadPoolExecutor {

    private final List<Duration> delays = new CopyOnWriteArrayList<>();

    /** Creates the scheduler with one daemon thread. */
    public VirtualScheduler() {
        super(1, r -> {
            Thread t = new Thread(r, "virtual-scheduler");
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
        delays.add(Duration.ofNanos(unit.toNanos(delay)));
        return super.schedule(command, 0, TimeUnit.NANOSECONDS);
    }

    /** @return every delay asked for, in order */
    public List<Duration> delays() {
        return delays;
    }
}
