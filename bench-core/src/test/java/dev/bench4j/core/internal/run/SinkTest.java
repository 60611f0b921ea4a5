package dev.bench4j.core.internal.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bench4j.core.BenchmarkPlan;
import dev.bench4j.core.CellId;
import dev.bench4j.core.Result;
import dev.bench4j.core.Run;
import dev.bench4j.core.RunHandle;
import dev.bench4j.core.RunInfo;
import dev.bench4j.core.RunStatus;
import dev.bench4j.core.Summary;
import dev.bench4j.core.Trial;
import dev.bench4j.core.spi.ResultSink;
import dev.bench4j.core.spi.RunSink;
import dev.bench4j.core.testing.Plans;
import dev.bench4j.core.testing.ScriptedProvider;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Sinks receive every result as its cell finishes; a sink that cannot keep results stops the run. */
class SinkTest {

    /** Keeps what it is given, run by run. */
    static final class Keeping implements ResultSink {
        final List<String> calls = new CopyOnWriteArrayList<>();
        final List<Result> results = new CopyOnWriteArrayList<>();
        final Map<String, List<Result>> byRun = new ConcurrentHashMap<>();

        @Override
        public RunSink open(RunInfo run, List<Trial> trials) {
            calls.add("started " + run.id() + " with " + trials.size() + " trials");
            List<Result> mine = byRun.computeIfAbsent(run.id(), id -> new CopyOnWriteArrayList<>());
            return new RunSink() {
                @Override
                public void accept(Result result) {
                    results.add(result);
                    mine.add(result);
                }

                @Override
                public void finish(Run finished) {
                    calls.add("finished " + finished.id() + " " + finished.status().wireName());
                }
            };
        }
    }

    @Test
    void everyResultReachesTheSinkBetweenStartAndFinish() {
        Keeping sink = new Keeping();
        Run run = Plans.over(ScriptedProvider.echoing("echoing"), 30).sink(sink).build().run();

        assertThat(sink.results).hasSize(30).containsExactlyElementsOf(run.results());
        assertThat(sink.calls).containsExactly("started " + run.id() + " with 30 trials",
                "finished " + run.id() + " completed");
    }

    @Test
    void runsSharingOneSinkAtOnceEachGetTheirOwnResults() {
        Keeping sink = new Keeping();
        BenchmarkPlan plan = Plans.over(ScriptedProvider.echoing("echoing"), 40).concurrency(2).sink(sink).build();
        RunHandle first = plan.start();
        RunHandle second = plan.start();
        Run a = first.await();
        Run b = second.await();

        assertThat(sink.byRun.get(a.id())).hasSize(40).containsExactlyInAnyOrderElementsOf(a.results());
        assertThat(sink.byRun.get(b.id())).hasSize(40).containsExactlyInAnyOrderElementsOf(b.results());
    }

    @Test
    void aLambdaSinkReceivesEveryResult() {
        List<CellId> seen = new CopyOnWriteArrayList<>();
        Run run = Plans.over(ScriptedProvider.echoing("echoing"), 12).sink(ResultSink.of(r -> seen.add(r.cell())))
                .build().run();

        assertThat(seen).containsExactlyInAnyOrderElementsOf(run.results().stream().map(Result::cell).toList());
    }

    @Test
    void aSinkSeesTheSummarySoFarAtCheckpointsAndTheFinalOneAtTheEnd() {
        List<Long> checkpoints = new CopyOnWriteArrayList<>();
        List<Long> finals = new CopyOnWriteArrayList<>();
        ScriptedProvider slow = ScriptedProvider.named("slow", request -> CompletableFuture.supplyAsync(
                () -> ScriptedProvider.answer("ok"), CompletableFuture.delayedExecutor(10, TimeUnit.MILLISECONDS)));
        Run run = Plans.over(slow, 40).concurrency(1).checkpointEvery(Duration.ofMillis(40)).sink((info, trials) -> new RunSink() {
            @Override
            public void accept(Result result) {
            }

            @Override
            public void checkpoint(Summary soFar) {
                checkpoints.add(soFar.overall().cells());
            }

            @Override
            public void finish(Run finished) {
                finals.add(finished.summary().overall().cells());
            }
        }).build().run();

        assertThat(run.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(checkpoints).isNotEmpty().allSatisfy(n -> assertThat(n).isBetween(1L, 40L));
        assertThat(checkpoints).isSorted();
        assertThat(finals).containsExactly(40L);
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
            public RunSink open(RunInfo run, List<Trial> trials) {
                return result -> {
                    if (++seen == 3) {
                        throw new UncheckedIOException(new IOException("disk full"));
                    }
                };
            }
        };
        Run run = Plans.over(p, 100).concurrency(1).sink(broken).build().run();

        assertThat(run.status()).isEqualTo(RunStatus.FAILED);
        assertThat(run.statusReason()).contains("result sink " + broken.getClass().getName()
                + " could not keep a result: java.io.IOException: disk full");
        assertThat(p.calls()).isEqualTo(3);
    }

    @Test
    void aSinkThatFailsOnEveryWriteIsLoggedOnceWithoutAStackTraceAndKeepsTheFirstReason() {
        ScriptedProvider p = ScriptedProvider.named("slowish", r -> CompletableFuture.supplyAsync(
                () -> ScriptedProvider.answer("ok"), CompletableFuture.delayedExecutor(20, TimeUnit.MILLISECONDS)));
        int[] writes = {0};
        ResultSink full = (info, trials) -> new RunSink() {
            @Override
            public void accept(Result result) {
                if (++writes[0] >= 3) {
                    throw new UncheckedIOException("results.jsonl: cannot append: No space left on device",
                            new IOException("No space left on device"));
                }
            }

            @Override
            public void finish(Run finished) {
                throw new UncheckedIOException("run.json: cannot be written: No space left on device",
                        new IOException("No space left on device"));
            }
        };
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        Run run;
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            run = Plans.over(p, 100).concurrency(16).sink(full).build().run();
        } finally {
            System.setErr(original);
        }
        String log = captured.toString(StandardCharsets.UTF_8);

        assertThat(writes[0]).as("results in flight after the failure are not handed to the failed sink").isEqualTo(3);
        assertThat(log.lines().filter(l -> l.contains("result sink"))).as(log).singleElement().asString()
                .contains("failed; stopping the run: results.jsonl: cannot append: No space left on device");
        assertThat(log).as("no stack trace").doesNotContain("\tat ").doesNotContain("Caused by");
        assertThat(run.status()).isEqualTo(RunStatus.FAILED);
        assertThat(run.statusReason()).hasValueSatisfying(reason -> assertThat(reason)
                .endsWith("could not keep a result: results.jsonl: cannot append: No space left on device"));
    }

    @Test
    void aSinkThatCannotStartFailsTheRunBeforeAnyCall() {
        ScriptedProvider p = ScriptedProvider.echoing("echoing");
        ResultSink refusing = (run, trials) -> {
            throw new IllegalStateException("store is read-only");
        };
        Run run = Plans.over(p, 5).sink(refusing).build().run();

        assertThat(run.status()).isEqualTo(RunStatus.FAILED);
        assertThat(run.statusReason().orElseThrow()).endsWith("could not start: store is read-only");
        assertThat(p.calls()).isZero();
    }
}
