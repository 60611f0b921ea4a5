package dev.bench4j.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.bench4j.core.spi.ModelProvider;
import dev.bench4j.core.spi.ModelProviderFactory;
import dev.bench4j.core.spi.ModelRequest;
import dev.bench4j.core.spi.ProviderContext;
import dev.bench4j.core.spi.Scorer;
import dev.bench4j.core.testing.Plans;
import dev.bench4j.core.testing.ScriptedProvider;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** A plan is described fluently, validated whole before any call, frozen, and can run again. */
class BenchmarkPlanTest {

    @Test
    void theReadmeExampleRunsEveryCell() {
        Run run = BenchmarkPlan.named("triage")
                .prompt(Prompt.named("v1").system("You are a triage nurse.").user("Classify: {{text}}"))
                .model(ModelConfig.of("echo", "echo-1"))
                .model(ModelConfig.of("echo", "echo-2").withTemperature(0.0).withMaxOutputTokens(256))
                .trials(List.of(Trial.of("t1", Map.of("text", "chest pain")), Trial.of("t2", Map.of("text", "sprained ankle"))))
                .repetitions(3)
                .concurrency(16)
                .build()
                .run();

        assertThat(run.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(run.results()).hasSize(12);
        assertThat(run.summary().byModel()).containsOnlyKeys("echo:echo-1", "echo:echo-2");
        assertThat(run.summary().byPrompt()).containsOnlyKeys("v1");
        assertThat(run.results()).extracting(Result::output).contains("Classify: chest pain", "Classify: sprained ankle");
        assertThat(run.id()).startsWith("bench_");
        assertThat(run.info().plan().cellCount()).isEqualTo(12);
        assertThat(run.info().environment().javaVersion()).isEqualTo(System.getProperty("java.version"));
    }

    @Test
    void anEmptyPlanListsEveryMissingPart() {
        assertThatThrownBy(() -> BenchmarkPlan.named("empty").build())
                .isInstanceOf(InvalidPlanException.class)
                .hasMessage("3 problems:\n"
                        + "  - Plan 'empty' has no prompts; add one with .prompt(Prompt.named(\"v1\").user(\"...\"))\n"
                        + "  - Plan 'empty' has no models; add one with .model(ModelConfig.of(\"provider\", \"model\"))\n"
                        + "  - Plan 'empty' has no trials; add them with .trials(Trials.fromJsonl(path)) or .trial(Trial.of(...))");
    }

    @Test
    void aTemplateVariableATrialLacksNamesPromptTrialAndVariable() {
        assertThatThrownBy(() -> BenchmarkPlan.named("vars")
                .prompt(Prompt.named("v1").user("Classify: {{text}} ({{age}})"))
                .model(ModelConfig.of("echo", "e"))
                .trial(Trial.of("t1", Map.of("text", "a", "age", 3)))
                .trial(Trial.of("t2", Map.of("text", "b")))
                .build())
                .isInstanceOf(InvalidPlanException.class)
                .hasMessage("Prompt 'v1' uses variable 'age' but trial 't2' has no such variable (it has: text)");
    }

    @Test
    void anUnknownProviderListsTheInstalledOnesAndSuggestsTheClosest() {
        assertThatThrownBy(() -> Plans.over(ScriptedProvider.echoing("mine"), 1).model(ModelConfig.of("ecoh", "m")).build())
                .hasMessage("No provider 'ecoh' for model 'ecoh:m'. Installed: discovered, echo, found, mine, replay. Did you mean 'echo'?");
    }

    @Test
    void duplicatesAndEmptyPromptsAreReported() {
        InvalidPlanException e = assertThrows(InvalidPlanException.class, () ->
                BenchmarkPlan.named("dups")
                        .prompt(Prompt.named("p").user("a")).prompt(Prompt.named("p").user("b")).prompt(Prompt.named("blank"))
                        .model(ModelConfig.of("echo", "e")).model(ModelConfig.of("echo", "e"))
                        .trial(Trial.of("t", Map.of())).trial(Trial.of("t", Map.of()))
                        .scorer(Scorer.of("s", r -> Score.of(1))).scorer(Scorer.of("s", r -> Score.of(0)))
                        .build());

        assertThat(e.problems()).containsExactly(
                "Duplicate prompt name 'p'; each prompt name must be unique in a plan",
                "Duplicate model id 'echo:e'; each model id must be unique in a plan",
                "Duplicate trial id 't'; each trial id must be unique in a plan",
                "Duplicate scorer name 's'; each scorer name must be unique in a plan",
                "Prompt 'blank' has no messages; add one with .user(\"...\")");
    }

    @Test
    void settersRefuseBadValuesAtOnceNamingThem() {
        BenchmarkPlan.Builder b = BenchmarkPlan.named("x");
        assertThatThrownBy(() -> b.repetitions(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("repetitions must be >= 1 but was 0");
        assertThatThrownBy(() -> b.concurrency(-2)).hasMessage("concurrency must be >= 1 but was -2");
        assertThatThrownBy(() -> b.providerConcurrency("openai", 0))
                .hasMessage("concurrency for provider 'openai' must be >= 1 but was 0");
        assertThatThrownBy(() -> b.cellDeadline(Duration.ZERO)).hasMessage("cellDeadline must be > 0 but was PT0S");
        assertThatThrownBy(() -> b.prompt(null)).isInstanceOf(NullPointerException.class).hasMessage("prompt");
        assertThatThrownBy(() -> b.trials(null)).isInstanceOf(NullPointerException.class).hasMessage("trials");
        assertThatThrownBy(() -> BenchmarkPlan.named(" ")).hasMessage("name must not be blank");
    }

    @Test
    void aBuiltPlanIsFrozenAndCanRunAgain() {
        ScriptedProvider p = ScriptedProvider.echoing("echoing");
        BenchmarkPlan.Builder builder = Plans.over(p, 2);
        BenchmarkPlan plan = builder.build();
        builder.trials(Plans.trials(5).subList(2, 5)).repetitions(4);

        assertThat(plan.cellCount()).isEqualTo(2);
        assertThatThrownBy(() -> plan.trials().add(Trial.of("x", Map.of()))).isInstanceOf(UnsupportedOperationException.class);
        Run first = plan.run();
        Run second = plan.run();
        assertThat(first.id()).isNotEqualTo(second.id());
        assertThat(second.results()).hasSize(2);
        assertThat(plan.toString()).isEqualTo("BenchmarkPlan[test: 1 prompts × 1 models × 2 trials × 1 repetitions = 2 cells]");
    }

    @Test
    void toBuilderDerivesAVariantThatSharesTheCache() {
        ScriptedProvider p = ScriptedProvider.echoing("echoing");
        BenchmarkPlan plan = Plans.over(p, 2).build();
        plan.run();
        BenchmarkPlan more = plan.toBuilder().repetitions(2).build();
        Run run = more.run();

        assertThat(more.cellCount()).isEqualTo(4);
        assertThat(run.summary().overall().cached()).isEqualTo(2);
        assertThat(p.calls()).isEqualTo(4);
        assertThat(plan.repetitions()).isEqualTo(1);
    }

    @Test
    void runsKeepNoSecretInTheirPlanSnapshot() {
        Secret key = Secret.of("sk-test-PLANTED-KEY-123");
        Run run = Plans.over(ScriptedProvider.echoing("echoing"), 1)
                .models(List.of(ModelConfig.of("echoing", "keyed").withApiKey(key))).build().run();

        assertThat(run.info().plan().models()).allSatisfy(m -> assertThat(m.endpoint().apiKey()).isEmpty());
        assertThat(run.toString() + run.info() + run.results() + run.summary()).doesNotContain("PLANTED");
    }

    @Test
    void providersReadApiKeysFromTheInjectedEnvironmentAtCallTime() {
        List<Optional<Secret>> seen = new ArrayList<>();
        ModelProviderFactory keyed = new ModelProviderFactory() {
            @Override
            public String name() {
                return "keyed";
            }

            @Override
            public ModelProvider create(ProviderContext context) {
                return request -> {
                    seen.add(context.apiKey(request.config(), "KEYED_API_KEY"));
                    return CompletableFuture.completedFuture(ScriptedProvider.answer("ok"));
                };
            }
        };
        BenchmarkPlan.named("env").provider(keyed).prompt(Prompt.named("p").user("hi"))
                .model(ModelConfig.of("keyed", "default")).model(ModelConfig.of("keyed", "named").withApiKeyEnv("OTHER_KEY"))
                .trial(Trial.of("t", Map.of()))
                .environment(name -> Optional.ofNullable(Map.of("KEYED_API_KEY", "k-default", "OTHER_KEY", "k-other").get(name)))
                .build().run();

        assertThat(seen).extracting(s -> s.map(Secret::reveal).orElse("none")).containsExactlyInAnyOrder("k-default", "k-other");
    }

    @Test
    void relativeFilesResolveAgainstTheBaseDirectory() {
        BenchmarkPlan plan = Plans.over(ScriptedProvider.echoing("echoing"), 1).baseDirectory(Path.of("a/../b")).build();

        assertThat(plan.settings().services().baseDirectory()).isEqualTo(Path.of("b").toAbsolutePath().normalize());
    }

    @Test
    void forEachRequestRendersEveryCellInRunOrderWithoutCallingAnything() {
        ScriptedProvider p = ScriptedProvider.echoing("echoing");
        BenchmarkPlan plan = BenchmarkPlan.named("dry").provider(p)
                .prompt(Prompt.named("a").system("S").user("A {{x}}")).prompt(Prompt.named("b").user("B {{x}}"))
                .model(ModelConfig.of("echoing", "m1")).model(ModelConfig.of("echoing", "m2"))
                .trials(Plans.trials(2)).repetitions(2).build();
        List<ModelRequest> seen = new ArrayList<>();

        plan.forEachRequest(seen::add);

        assertThat(seen).hasSize(16);
        assertThat(p.calls()).isZero();
        assertThat(seen.get(0).cell()).isEqualTo(new CellId("a", "echoing:m1", "t0", 0));
        assertThat(seen.get(1).cell()).isEqualTo(new CellId("a", "echoing:m2", "t0", 0));
        assertThat(seen.get(2).cell()).isEqualTo(new CellId("b", "echoing:m1", "t0", 0));
        assertThat(seen.get(15).cell()).isEqualTo(new CellId("b", "echoing:m2", "t1", 1));
        assertThat(seen.get(0).messages()).extracting(Message::content).containsExactly("S", "A 0");
    }
}
