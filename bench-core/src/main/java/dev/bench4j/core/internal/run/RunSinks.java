package dev.bench4j.core.internal.run;

import dev.bench4j.core.BenchException;
import dev.bench4j.core.Result;
import dev.bench4j.core.Run;
import dev.bench4j.core.RunInfo;
import dev.bench4j.core.RunStatus;
import dev.bench4j.core.Summary;
import dev.bench4j.core.Trial;
import dev.bench4j.core.spi.ResultSink;
import dev.bench4j.core.spi.RunSink;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sinks of one run, opened when it starts: each result goes to each, a checkpoint with the
 * summary so far every few seconds while results arrive, and the end. Run thread only.
 * A sink that fails is reported as the reason the run fails.
 */
final class RunSinks {

    private static final Logger LOG = LoggerFactory.getLogger(RunSinks.class);

    private final List<ResultSink> sinks;
    private final List<Opened> opened = new ArrayList<>();
    /** The sinks that failed: they get no more results or checkpoints (each would fail again), only the end. */
    private final Set<ResultSink> failed = Collections.newSetFromMap(new IdentityHashMap<>());   // by identity: equal sinks are still two sinks
    private final String runId;
    private final long checkpointEveryNanos;
    private long lastCheckpointNanos = System.nanoTime();

    /** A sink opened for this run. */
    private record Opened(ResultSink sink, RunSink run) {
    }

    /**
     * Prepares a run's sinks.
     *
     * @param sinks the sinks to open
     * @param checkpointEvery how often to pass the summary so far while results arrive
     * @param runId the run's id, for the log
     */
    RunSinks(List<ResultSink> sinks, Duration checkpointEvery, String runId) {
        this.sinks = sinks;
        this.checkpointEveryNanos = checkpointEvery.toNanos();
        this.runId = runId;
    }

    /**
     * Opens every sink for the run.
     *
     * @param info the run
     * @param trials the plan's trials
     * @return why the run cannot go on, if a sink could not be opened
     */
    Optional<String> open(RunInfo info, List<Trial> trials) {
        for (ResultSink sink : sinks) {
            try {
                RunSink run = Objects.requireNonNull(sink.open(info, trials), "the sink's open returned null");
                opened.add(new Opened(sink, run));
            } catch (RuntimeException e) {
                logFailure("Run {}: result sink {} could not start: {}", sink, e);
                return Optional.of("result sink " + describe(sink) + " could not start: " + e.getMessage());
            }
        }
        return Optional.empty();
    }

    /**
     * Hands a result to every sink, then a checkpoint when one is due.
     *
     * @param result the result
     * @param soFar makes the summary so far, for a checkpoint
     * @return why the run cannot go on, if a sink could not keep the result
     */
    Optional<String> accept(Result result, Supplier<Summary> soFar) {
        for (Opened o : opened) {
            if (failed.contains(o.sink())) {
                continue;
            }
            try {
                o.run().accept(result);
            } catch (RuntimeException e) {
                failed.add(o.sink());
                logFailure("Run {}: result sink {} failed; stopping the run: {}", o.sink(), e);
                return Optional.of("result sink " + describe(o.sink()) + " could not keep a result: " + e.getMessage());
            }
        }
        long now = System.nanoTime();
        if (now - lastCheckpointNanos < checkpointEveryNanos || opened.isEmpty()) {
            return Optional.empty();
        }
        lastCheckpointNanos = now;
        Summary summary = soFar.get();
        for (Opened o : opened) {
            if (failed.contains(o.sink())) {
                continue;
            }
            try {
                o.run().checkpoint(summary);
            } catch (RuntimeException e) {
                failed.add(o.sink());
                logFailure("Run {}: result sink {} failed at a checkpoint; stopping the run: {}", o.sink(), e);
                return Optional.of("result sink " + describe(o.sink()) + " could not keep a checkpoint: " + e.getMessage());
            }
        }
        return Optional.empty();
    }

    /**
     * Hands a line of the run's log to every opened sink; a sink that cannot keep it is ignored.
     *
     * @param at when it happened
     * @param level the level's name
     * @param message the line
     */
    void log(Instant at, String level, String message) {
        for (Opened o : opened) {
            try {
                o.run().log(at, level, message);
            } catch (RuntimeException e) {
                LOG.debug("Run {}: result sink {} could not keep a log line: {}", runId, describe(o.sink()), e.toString());
            }
        }
    }

    /**
     * Tells every opened sink the run has ended.
     *
     * @param run the finished run
     * @return the run, failed with the sink's reason if a sink could not finish
     */
    Run finish(Run run) {
        Run out = run;
        for (Opened o : opened) {
            try {
                o.run().finish(out);
            } catch (RuntimeException e) {
                if (failed.contains(o.sink())) {
                    // the run already failed for this sink's first error, logged and kept as the reason
                    LOG.debug("Run {}: result sink {} could not finish either", runId, o.sink().getClass().getName(), e);
                    continue;
                }
                logFailure("Run {}: result sink {} could not finish: {}", o.sink(), e);
                out = new Run(out.info(), RunStatus.FAILED, Optional.of("result sink " + describe(o.sink())
                        + " could not finish: " + e.getMessage()), out.endedAt(), out.results(), out.summary(), out.warnings());
            }
        }
        return out;
    }

    /**
     * Logs a sink's failure once at ERROR: an I/O failure (a full disk) or one bench4j reports on
     * purpose is a message, whose stack trace is only logged at DEBUG; anything else (a bug in the
     * sink) keeps its stack trace.
     */
    private void logFailure(String format, ResultSink sink, RuntimeException e) {
        String name = sink.getClass().getName();
        if (e instanceof UncheckedIOException || e instanceof BenchException || e instanceof IllegalStateException
                || e instanceof IllegalArgumentException) {
            LOG.error(format, runId, name, e.getMessage());
            LOG.debug("Run {}: the failure of result sink {}", runId, name, e);
        } else {
            LOG.error(format, runId, name, e.toString(), e);
        }
    }

    /** Names a sink's class for messages: its simple name, or its full name when anonymous. */
    private static String describe(Object o) {
        String simple = o.getClass().getSimpleName();
        return simple.isEmpty() ? o.getClass().getName() : simple;
    }
}
