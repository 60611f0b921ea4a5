package dev.bench4j.core.internal.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bench4j.core.Result;
import dev.bench4j.core.Run;
import dev.bench4j.core.RunInfo;
import dev.bench4j.core.RunStatus;
import dev.bench4j.core.spi.ResultSink;
import dev.bench4j.core.testing.Plans;
import dev.bench4j.core.testing.ScriptedProvider;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Sinks receive every result as its cell finishes; a sink that cannot keep results stops the run. */
class SinkTest {

    /** Keeps what it is given. */
    static final class Keeping implements ResultSink {
        final List<String> calls = new CopyOnWriteArrayList<>();
        final List<Result> results = new CopyOnWriteArrayList<>();

        @Override
        public void runStarted(RunInfo run) {
            calls.add("started " + run.id());
        }

        @Override
        public void accept(Result result) {
            results.add(result);
        }

        @Override
        public void runFinished(Run run) {
            calls.add("finished " + run.id() + " " + run.status().wireName());
        }
    }

    @Test
    void everyResultReachesTheSinkBetweenStartAndFinish() {
        Keeping sink = new Keeping();
        Run run = Plans.over(ScriptedProvider.echoing("echoing"), 30).sink(sink).build().run();

        assertThat(sink.results).hasSize(30).containsExactlyElementsOf(run.results());
        assertThat(sink.calls).containsExactly("started " + run.id(), "finished " + run.id() + " completed");
    }

    @Test
    void withoutRetainingResultsTheRunKeepsNoneButTheSummaryCountsAll() {
        Keeping sink = new Keeping();
        Run run = Plans.over(ScriptedProvider.echoing("echoing"), 30).sink(sink).retainResults(false).build().run();

        assertThat(run.results()).isEmpty();
        assertThat(sink.results).hasSize(30);
        assertThat(run.summary().overall().cells()).isEqualTo(30);
        assertThat(run.summary().overall().succeeded()).isEqualTo(30);
    }

    @Test
    void aSinkThatCannotWriteFailsTheRunAndStopsDispatching() {
        ScriptedProvider p = ScriptedProvider.echoing("echoing");
        ResultSink broken = new ResultSink() {
            int seen;

            @Override
            public void accept(Result result) {
                if (++seen == 3) {
                    throw new UncheckedIOException(new java.io.IOException("disk full"));
                }
            }
        };
        Run run = Plans.over(p, 100).concurrency(1).sink(broken).build().run();

        assertThat(run.status()).isEqualTo(RunStatus.FAILED);
        assertThat(run.statusReason()).contains("result sink " + broken.getClass().getName()
                + " could not keep a result: java.io.IOException: disk full");
        assertThat(p.calls()).isEqualTo(3);
    }

    @Test
    void aSinkThatCannotStartFailsTheRunBeforeAnyCall() {
        ScriptedProvider p = ScriptedProvider.echoing("echoing");
        ResultSink refusing = new ResultSink() {
            @Override
            public void runStarted(RunInfo run) {
                throw new IllegalStateException("store is read-only");
            }

            @Override
            public void accept(Result result) {
            }
        };
        Run run = Plans.over(p, 5).sink(refusing).build().run();

        assertThat(run.status()).isEqualTo(RunStatus.FAILED);
        assertThat(run.statusReason().orElseThrow()).endsWith("could not start: store is read-only");
        assertThat(p.calls()).isZero();
    }
}
