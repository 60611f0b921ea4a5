package dev.bench4j.examples.cli;

import dev.bench4j.core.Result;
import dev.bench4j.core.RunInfo;
import dev.bench4j.core.Score;
import dev.bench4j.core.Trial;
import dev.bench4j.core.spi.ResultSink;
import dev.bench4j.core.spi.RunSink;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps what the summary table shows of failed cells (a count per error kind and the first few
 * failures) and of answers that failed their trial's own checks (a count per check and the first
 * few answers with the reason), so {@code bench run} need not keep every result in memory.
 */
final class FailureSample implements ResultSink, RunSink {

    static final int KEPT = 3;

    private final Map<String, Long> byKind = new LinkedHashMap<>();
    private final List<Result> first = new ArrayList<>();
    /** The score per-trial checks combine into, with details {@code "<i>:<type>:pass"} and {@code passed}. */
    static final String CHECKS = "checks";
    private final Map<String, Long> byCheck = new LinkedHashMap<>();
    private final List<Result> firstFailedChecks = new ArrayList<>();
    private long failedChecks;

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
        Score checks = result.scores().get(CHECKS);
        if (checks != null && checks.details().getOrDefault("passed", 1.0) == 0.0) {
            failedChecks++;
            checks.details().forEach((key, value) -> {
                if (key.endsWith(":pass") && value == 0.0) {
                    String[] parts = key.split(":", 3);   // index, type, "pass"
                    byCheck.merge("[" + parts[0] + "] " + parts[1], 1L, Long::sum);   // as the reason names it
                }
            });
            if (firstFailedChecks.size() < KEPT) {
                firstFailedChecks.add(result);
            }
        }
    }

    /** @return answers that failed a check of their trial */
    long failedChecks() {
        return failedChecks;
    }

    /** @return how many answers failed each check, labelled {@code [i] type}, in the order first seen */
    Map<String, Long> byCheck() {
        return byCheck;
    }

    /** @return the first answers that failed a check, at most {@value #KEPT} */
    List<Result> firstFailedChecks() {
        return firstFailedChecks;
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
