package dev.bench4j.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bench4j.core.BenchmarkPlan;
import dev.bench4j.core.FinishReason;
import dev.bench4j.core.ModelConfig;
import dev.bench4j.core.Price;
import dev.bench4j.core.Progress;
import dev.bench4j.core.Prompt;
import dev.bench4j.core.Run;
import dev.bench4j.core.Score;
import dev.bench4j.core.Summary;
import dev.bench4j.core.Trial;
import dev.bench4j.core.Usage;
import dev.bench4j.core.spi.ModelProvider;
import dev.bench4j.core.spi.ModelProviderFactory;
import dev.bench4j.core.spi.ModelResponse;
import dev.bench4j.core.spi.ProviderContext;
import dev.bench4j.core.spi.Scorer;
import dev.bench4j.scoring.Scorers;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The summary table and the progress line read the same under every locale and escape hostile names. */
class SummaryTableTest {

    @Test
    void numbersUseDotsUnderACommaDecimalLocale() {
        Locale before = Locale.getDefault();
        Locale.setDefault(Locale.GERMANY);
        try {
            Run run = BenchmarkPlan.named("locale")
                    .prompt(Prompt.named("p, \"quoted\" <script>").user("{{x}}"))
                    .model(ModelConfig.of("echo", "é-模型"))
                    .trials(List.of(Trial.of("a", Map.of("x", "1234")), Trial.of("b", Map.of("x", "12"))))
                    .scorer(Scorer.of("len", r -> Score.of(r.output().length() / 8.0)))
                    .build().run();
            String table = SummaryTable.render(run, new FailureSample(), Terminal.plain());

            assertThat(table).contains("p, \"quoted\" <script>  echo:é-模型").contains("0.375 (0.000–1.000)").contains("$0")
                    .doesNotContain("0,375");
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void unknownTokensAndCostShowADashAndPassFailScoresTheirWilsonInterval() {
        ModelProviderFactory silent = new ModelProviderFactory() {
            @Override
            public String name() {
                return "silent";
            }

            @Override
            public ModelProvider create(ProviderContext context) {
                return r -> CompletableFuture.completedFuture(ModelResponse.of("yes", FinishReason.STOP, Usage.unknown()));
            }
        };
        Run run = BenchmarkPlan.named("unknown").provider(silent).prompt(Prompt.named("p").user("{{x}}"))
                .model(ModelConfig.of("silent", "s"))
                .trials(List.of(Trial.of("a", Map.of("x", "1")).withExpected("yes"),
                        Trial.of("b", Map.of("x", "2")).withExpected("no")))
                .scorer(Scorers.contains()).build().run();

        String table = SummaryTable.render(run, new FailureSample(), Terminal.plain());

        // contains: 1 of 2, Wilson (SciPy binomtest(1, 2).proportion_ci(method='wilson') = 0.0945..0.9055)
        assertThat(table).contains("0.500 (0.095–0.905)");
        assertThat(table).contains("100% (34–100%)");
        assertThat(table).contains("– / –").doesNotContain("0 / 0").doesNotContain("$0");
        assertThat(table.lines().filter(l -> l.startsWith("all")).findFirst().orElseThrow()).endsWith("–");
    }

    @Test
    void aStreamedRunGetsATimeToFirstTokenColumn() {
        ModelProviderFactory streaming = new ModelProviderFactory() {
            @Override
            public String name() {
                return "streaming";
            }

            @Override
            public ModelProvider create(ProviderContext context) {
                return r -> CompletableFuture.completedFuture(ModelResponse
                        .of("ok", FinishReason.STOP, Usage.of(3, 1))
                        .withTimeToFirstToken(Duration.ofMillis(250)));
            }
        };
        Run run = BenchmarkPlan.named("ttft").provider(streaming).prompt(Prompt.named("p").user("{{x}}"))
                .model(ModelConfig.of("streaming", "s")).trial(Trial.of("a", Map.of("x", "1"))).build().run();

        String table = SummaryTable.render(run, new FailureSample(), Terminal.plain());

        assertThat(table.lines().findFirst().orElseThrow()).contains("p95  ttft p50  tokens in/out");
        assertThat(table).contains("250 ms");
    }

    @Test
    void aJudgedRunShowsTheJudgesCallsAndCostOnALineOfTheirOwn() {
        // the echo judge repeats its review prompt, which is just the answer: a bare number on the scale
        ModelConfig judge = ModelConfig.of("echo", "judge").withPrice(Price.perMillionTokens(1000, 1000));
        Run run = BenchmarkPlan.named("judged").prompt(Prompt.named("p").user("{{x}}"))
                .model(ModelConfig.of("echo", "candidate"))
                .trials(List.of(Trial.of("a", Map.of("x", "4")), Trial.of("b", Map.of("x", "2"))))
                .scorer(Scorers.llmJudge(judge).withTemplate(Prompt.named("t").user("{{output}}")))
                .build().run();

        String table = SummaryTable.render(run, new FailureSample(), Terminal.plain());

        assertThat(table).as("a judge's grade in [0, 1]: t clamped").contains("0.500 (0.000–1.000)");
        assertThat(table).contains("Judge calls (not in the cost column): 2 calls, 0 cached, 0 failed, 2 / 2 tokens, cost $0.004");
    }

    @Test
    void progressLineShowsCountsTokensCostAndEta() {
        Progress p = new Progress(800, 312, 310, 2, 5, 3, 8, 40_000, 1_230, 0.0123, Duration.ofMillis(12_400),
                Optional.of(Duration.ofMillis(19_300)));

        assertThat(ProgressLine.render(p, Terminal.plain())).isEqualTo("[#########...............] 312/800 cells  ok 310  "
                + "failed 2  cached 5  retries 3  41,230 tok  $0.0123  12.4 s  ETA 19.3 s");
    }

    @Test
    void progressLineShowsTheConcurrencyWhileAdaptiveConcurrencyHoldsItLower() {
        Progress p = new Progress(800, 312, 310, 2, 5, 3, 8, 40_000, 1_230, 0.0123, Duration.ofMillis(12_400),
                Optional.empty());
        Map<String, Integer> two = new LinkedHashMap<>();
        two.put("openai https://api.x/v1", 16);
        two.put("anthropic", 4);

        assertThat(ProgressLine.render(p.withLoweredConcurrency(Map.of("openai", 16)), Terminal.plain()))
                .endsWith("12.4 s  concurrency 16");
        assertThat(ProgressLine.render(p.withLoweredConcurrency(two), Terminal.plain()))
                .endsWith("12.4 s  concurrency openai https://api.x/v1 16, anthropic 4");
    }

    @Test
    void theTablePrintsOneLineOfConcurrencyChangesPerEndpointThatAdapted() {
        Run run = BenchmarkPlan.named("adapted").prompt(Prompt.named("p").user("{{x}}"))
                .model(ModelConfig.of("echo", "m")).trials(List.of(Trial.of("a", Map.of("x", "4")))).build().run();
        assertThat(SummaryTable.render(run, new FailureSample(), Terminal.plain())).doesNotContain("concurrency");
        Summary.EndpointConcurrency api = new Summary.EndpointConcurrency("openai https://api.x/v1", 64, 16, 40,
                List.of(new Summary.ConcurrencyChange(Duration.ofMillis(1_200), 32),
                        new Summary.ConcurrencyChange(Duration.ofMillis(2_500), 16),
                        new Summary.ConcurrencyChange(Duration.ofMillis(5_000), 40)), 0);
        Summary.EndpointConcurrency local = new Summary.EndpointConcurrency("ollama", 8, 1, 2,
                List.of(new Summary.ConcurrencyChange(Duration.ofMillis(40), 4)), 12);
        Run adapted = new Run(run.info(), run.status(), run.statusReason(), run.endedAt(), run.results(),
                run.summary().withConcurrency(List.of(api, local)));

        assertThat(SummaryTable.render(adapted, new FailureSample(), Terminal.plain()))
                .contains("\nconcurrency openai https://api.x/v1: 64 → 32 at 1.2 s → 16 at 2.5 s → 40 at 5.0 s (min 16)\n"
                        + "concurrency ollama: 8 → 4 at 40 ms → … (12 more changes) → 2 (min 1)\n");
    }

    @Test
    void coloursOnlyWhenTheTerminalAllowsThem() {
        Progress p = new Progress(2, 1, 0, 1, 0, 0, 1, 0, 0, 0, Duration.ZERO, Optional.empty());

        assertThat(ProgressLine.render(p, new Terminal(true, true))).contains("\u001b[31mfailed 1\u001b[0m");
        assertThat(ProgressLine.render(p, new Terminal(true, false))).doesNotContain("\u001b");
    }
}
