package dev.bench4j.examples.cli;

import dev.bench4j.core.Result;
import dev.bench4j.core.RunInfo;
import dev.bench4j.core.Trial;
import dev.bench4j.core.spi.ResultSink;
import dev.bench4j.core.spi.RunSink;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps what the summary table shows of failed cells (a count per error kind and the first few
 * failures), so {@code bench run} need not keep every result in memory.
 */
final class FailureSample implements ResultSink, RunSink {

    static final int KEPT = 3;

    private final Map<String, Long> byKind = new LinkedHashMap<>();
    private final List<Result> first = new ArrayList<>();

    @Override
    public RunSink open(RunInfo run, List<Trial> trials) {
        return this;
    }

    @Override
    public void accept(Result result) {
        result.error().ifPresent(e -> {
            byKind.merge(e.kind().wireName(), 1L, Long::sum);
            if (first.size() < KEPT) {
                first.add(result);
            }
        });
    }

    /** @return failures per error kind, in the order first seen */
    Map<String, Long> byKind() {
        return byKind;
    }

    /** @return the first failed results, at most {@value #KEPT} */
    List<Result> first() {
        return first;
    }
}
