package dev.bench4j.core.internal.run;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.helpers.MessageFormatter;

/**
 * The run's own log: each line goes to SLF4J (logger {@code dev.bench4j.core.internal.run.RunExecution})
 * and to the run's sinks, so a store keeps it in {@code run.log}. Lines logged before the sinks are
 * open, or after they finished, reach SLF4J only. Run thread only.
 */
final class RunLog {

    private static final Logger LOG = LoggerFactory.getLogger(RunExecution.class);

    private final RunSinks sinks;
    private final Clock clock;

    RunLog(RunSinks sinks, Clock clock) {
        this.sinks = sinks;
        this.clock = clock;
    }

    /** Logs at INFO, in SLF4J's {@code {}} format. */
    void info(String format, Object... args) {
        LOG.info(format, args);
        sinks.log(clock.instant(), "INFO", MessageFormatter.arrayFormat(format, args).getMessage());
    }

    /** Logs at WARN, in SLF4J's {@code {}} format. */
    void warn(String format, Object... args) {
        LOG.warn(format, args);
        sinks.log(clock.instant(), "WARN", MessageFormatter.arrayFormat(format, args).getMessage());
    }

    /** Logs a line at INFO in the run's log only, and at DEBUG through SLF4J (a failed cell: one per cell is too many for an application's log). */
    void detail(String format, Object... args) {
        LOG.debug(format, args);
        sinks.log(clock.instant(), "INFO", MessageFormatter.arrayFormat(format, args).getMessage());
    }

    /** Logs at ERROR with the exception's trace in SLF4J, and its message in the run's log. */
    void error(String message, Throwable e) {
        LOG.error(message, e);
        sinks.log(clock.instant(), "ERROR", message + ": " + e);
    }
}
