package dev.bench4j.core.internal.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bench4j.core.CellId;
import dev.bench4j.core.Result;
import dev.bench4j.core.Run;
import dev.bench4j.core.RunInfo;
import dev.bench4j.core.RunListener;
import dev.bench4j.core.RunStatus;
import dev.bench4j.core.testing.Plans;
import dev.bench4j.core.testing.ScriptedProvider;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Listeners get every event in a documented order, and a listener that throws breaks nothing. */
class ListenerTest {

    /** Records events as short strings. */
    static final class Recorder implements RunListener {
        final List<String> events = new CopyOnWriteArrayList<>();
        final List<String> threads = new CopyOnWriteArrayList<>();

        @Override
        public void onRunStarted(RunInfo run) {
            events.add("run-started " + run.totalCells());
            threads.add(Thread.currentThread().getName());
        }

        @Override
        public void onCellStarted(CellId cell) {
            events.add("cell-started " + cell.trial());
        }

        @Override
        public void onCacheMiss(CellId cell) {
            events.add("cache-miss " + cell.trial());
        }

        @Override
        public void onCacheHit(CellId cell) {
            events.add("cache-hit " + cell.trial());
        }

        @Override
        public void onCellFinished(Result result) {
            events.add("cell-finished " + result.cell().trial());
        }

        @Override
        public void onRunFinished(Run run) {
            events.add("run-finished " + run.status().wireName());
        }
    }

    @Test
    void eventsArriveInOrderBeforeRunReturns() {
        Recorder recorder = new Recorder();
        Run run = Plans.over(ScriptedProvider.echoing("echoing"), 1).listener(recorder).build().run();

        assertThat(recorder.events).containsExactly("run-started 1", "cell-started t0", "cache-miss t0",
                "cell-finished t0", "run-finished completed");
        assertThat(recorder.threads).allSatisfy(t -> assertThat(t).startsWith("bench4j-listeners-" + run.id()));
    }

    @Test
    void aThrowingListenerDoesNotBreakTheRunOrOtherListeners() {
        RunListener throwing = new RunListener() {
            @Override
            public void onRunStarted(RunInfo run) {
                throw new IllegalStateException("boom");
            }

            @Override
            public void onCellFinished(Result result) {
                throw new IllegalStateException("boom");
            }

            @Override
            public void onRunFinished(Run run) {
                throw new IllegalStateException("boom");
            }
        };
        Recorder recorder = new Recorder();
        Run run = Plans.over(ScriptedProvider.echoing("echoing"), 10).listener(throwing).listener(recorder).build().run();

        assertThat(run.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(run.results()).hasSize(10);
        assertThat(recorder.events.stream().filter(e -> e.startsWith("cell-finished"))).hasSize(10);
        assertThat(recorder.events).last().isEqualTo("run-finished completed");
    }

    @Test
    void aSecondRunFromTheCacheReportsCacheHits() {
        Recorder recorder = new Recorder();
        var plan = Plans.over(ScriptedProvider.echoing("echoing"), 1).listener(recorder).build();
        plan.run();
        recorder.events.clear();
        plan.run();

        assertThat(recorder.events).containsExactly("run-started 1", "cell-started t0", "cache-hit t0",
                "cell-finished t0", "run-finished completed");
    }
}
