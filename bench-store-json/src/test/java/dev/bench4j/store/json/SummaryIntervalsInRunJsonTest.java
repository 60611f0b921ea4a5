package dev.bench4j.store.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import dev.bench4j.core.ErrorKind;
import dev.bench4j.core.FinishReason;
import dev.bench4j.core.RetryPolicy;
import dev.bench4j.core.Run;
import dev.bench4j.core.Score;
import dev.bench4j.core.Summary;
import dev.bench4j.core.Usage;
import dev.bench4j.core.spi.CallException;
import dev.bench4j.core.spi.ModelResponse;
import dev.bench4j.core.spi.Scorer;
import dev.bench4j.core.testing.Plans;
import dev.bench4j.core.testing.ScriptedProvider;
import dev.bench4j.store.json.internal.Jackson;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * run.json keeps every interval of the summary with its method, writes unknown tokens and cost as
 * null, reads back an equal summary, and still reads files written before these fields existed.
 */
class SummaryIntervalsInRunJsonTest {

    @TempDir
    Path dir;

    /** 12 cells: t0 fails, the others answer with input and output tokens only (no reasoning, no cached input). */
    private static Run run(JsonRunStore store) {
        ScriptedProvider p = ScriptedProvider.named("echoing", r -> r.cell().trial().equals("t0")
                ? CompletableFuture.failedFuture(new CallException(ErrorKind.BAD_REQUEST, "no", OptionalInt.of(400),
                        Optional.empty(), null))
                : CompletableFuture.completedFuture(ModelResponse.of("ok " + r.cell().trial(), FinishReason.STOP,
                        Usage.of(10 + r.cell().trial().length(), 3))));
        return Plans.over(p, 12).retry(RetryPolicy.none())
                .scorer(Scorer.of("pass", r -> Score.of(r.trial().id().endsWith("1") ? 0 : 1)))
                .scorer(Scorer.of("share", r -> Score.of(r.trial().id().length() / 4.0)))
                .store(store).build().run();
    }

    private static JsonNode runJson(Path folder) throws Exception {
        return Jackson.MAPPER.readTree(folder.resolve("run.json").toFile());
    }

    @Test
    void everyIntervalIsWrittenWithItsMethodAndReadsBackEqual() throws Exception {
        JsonRunStore store = JsonRunStore.at(dir);
        Run run = run(store);
        JsonNode s = runJson(dir.resolve(run.id())).get("summary");

        assertThat(s.get("success_rate_ci95").get("method").asText()).isEqualTo("wilson");
        assertThat(s.get("scores").get("pass").get("ci95").get("method").asText()).isEqualTo("wilson");
        assertThat(s.get("scores").get("share").get("ci95").get("method").asText()).isEqualTo("t_clamped");
        assertThat(s.get("latency_ms").get("p50_ci95").get("method").asText()).isEqualTo("order_statistic");
        assertThat(s.get("latency_ms").get("p99_ci95").isNull()).as("11 calls are too few for p99").isTrue();
        assertThat(s.get("latency_ms").get("min").asDouble()).isLessThanOrEqualTo(s.get("latency_ms").get("p50").asDouble());
        assertThat(s.get("tokens").get("reasoning_tokens").isNull()).isTrue();
        assertThat(s.get("tokens").get("cached_input_tokens").isNull()).isTrue();
        assertThat(s.get("tokens").get("input_tokens").asLong()).isPositive();
        assertThat(s.get("tokens").get("total_tokens_per_result").get("ci95").get("method").asText()).isEqualTo("t_clamped");
        assertThat(store.load(run.id()).orElseThrow().summary()).contains(run.summary());
        try (InputStream in = JsonRunStore.class.getResourceAsStream("run.schema.json")) {
            assertThat(JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in)
                    .validate(runJson(dir.resolve(run.id())))).isEmpty();
        }
    }

    @Test
    void passAtKOfARunWithRepetitionsIsWrittenValidAndReadsBackEqual() throws Exception {
        JsonRunStore store = JsonRunStore.at(dir);
        Run run = Plans.over(ScriptedProvider.echoing("echoing"), 4).repetitions(3)
                .scorer(Scorer.of("pass", r -> Score.of((r.result().cell().repetition() + r.trial().id().length()) % 2)))
                .scorer(Scorer.of("share", r -> Score.of(r.trial().id().length() / 4.0)))
                .store(store).build().run();
        JsonNode scores = runJson(dir.resolve(run.id())).get("summary").get("scores");

        assertThat(scores.get("pass").get("pass_at_k").get("k").asInt()).isEqualTo(3);
        assertThat(scores.get("pass").get("pass_at_k").get("pass_at_k").asDouble())
                .isEqualTo(run.summary().overall().scores().get("pass").passAtK().orElseThrow().passAtK().orElseThrow());
        assertThat(scores.get("share").has("pass_at_k")).as("not a pass/fail score").isFalse();
        assertThat(store.load(run.id()).orElseThrow().summary()).contains(run.summary());
        try (InputStream in = JsonRunStore.class.getResourceAsStream("run.schema.json")) {
            assertThat(JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in)
                    .validate(runJson(dir.resolve(run.id())))).isEmpty();
        }
    }

    @Test
    void aGroupWhoseCellsAllFailedHasNullTokensAndCost() throws Exception {
        JsonRunStore store = JsonRunStore.at(dir);
        Run run = run(store);
        JsonNode pairs = runJson(dir.resolve(run.id())).get("summary").get("by_prompt_and_model");
        Summary.Group overall = run.summary().overall();

        assertThat(overall.failed()).isEqualTo(1);
        for (JsonNode pair : pairs) {
            assertThat(pair.get("cost_usd").isNull()).as("no price: cost unknown").isTrue();
        }
        assertThat(overall.cost().totalUsd()).isEmpty();
        assertThat(overall.costPerCell()).isEmpty();
    }

    @Test
    void aRunJsonFromBeforeTheIntervalsStillLoads() throws Exception {
        JsonRunStore store = JsonRunStore.at(dir);
        Run run = run(store);
        Path file = dir.resolve(run.id()).resolve("run.json");
        ObjectNode root = (ObjectNode) Jackson.MAPPER.readTree(file.toFile());
        strip(root.get("summary"));
        Jackson.MAPPER.writeValue(file.toFile(), root);

        Summary old = JsonRunStore.at(dir).load(run.id()).orElseThrow().summary().orElseThrow();

        Summary.Group g = old.overall();
        assertThat(g.scores().get("pass").ci95().orElseThrow().method()).as("an interval without method is t")
                .isEqualTo(Summary.IntervalMethod.T);
        assertThat(g.tokens().reasoning()).hasValue(0);
        assertThat(g.latency().orElseThrow().min()).isEmpty();
        assertThat(g.latency().orElseThrow().p50()).isEqualTo(run.summary().overall().latency().orElseThrow().p50());
        assertThat(g.successRateCi95()).isEqualTo(run.summary().overall().successRateCi95());
    }

    /** Removes what issue 14 added and writes 0 for unknown token sums, as older versions did. */
    private static void strip(JsonNode node) {
        if (node.isObject()) {
            ObjectNode o = (ObjectNode) node;
            for (String added : new String[] {"success_rate_ci95", "results_with_cost", "cost_per_result_usd",
                    "total_tokens_per_result", "calls_with_cost", "cost_per_call_usd", "min", "p50_ci95", "p95_ci95",
                    "p99_ci95", "method"}) {
                o.remove(added);
            }
            for (String kind : new String[] {"reasoning_tokens", "cached_input_tokens"}) {
                if (o.has(kind) && o.get(kind).isNull()) {
                    o.put(kind, 0);
                }
            }
            for (Iterator<JsonNode> it = o.elements(); it.hasNext(); ) {
                strip(it.next());
            }
        } else if (node.isArray()) {
            node.forEach(SummaryIntervalsInRunJsonTest::strip);
        }
    }
}
