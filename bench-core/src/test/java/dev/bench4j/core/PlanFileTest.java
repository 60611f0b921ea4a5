package dev.bench4j.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Plan files declare what the builder does; paths resolve against the plan's folder; errors name file and field. */
class PlanFileTest {

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path f = dir.resolve(name);
        Files.createDirectories(f.getParent());
        Files.writeString(f, text);
        return f;
    }

    private void writeInputs() throws IOException {
        write("prompts/v1.json", "{\"name\": \"v1\", \"messages\": [{\"role\": \"user\", \"content\": \"Classify: {{text}}\"}]}");
        write("models/e.json", "{\"id\": \"e1\", \"provider\": \"echo\", \"model\": \"echo-1\", \"temperature\": 0}");
        write("data/trials.jsonl", "{\"id\": \"t1\", \"vars\": {\"text\": \"chest pain\"}, \"expected\": \"urgent\"}\n"
                + "{\"id\": \"t2\", \"vars\": {\"text\": \"a cold\"}, \"expected\": \"routine\"}\n");
    }

    @Test
    void aJsonPlanWithFilesAndInlineEntriesBuildsTheSamePlanAsCode() throws IOException {
        writeInputs();
        Path plan = write("plan.json", """
                {"name": "triage",
                 "prompts": ["prompts/v1.json", {"name": "v2", "messages": [{"role": "user", "content": "Triage: {{text}}"}]}],
                 "models": ["models/e.json", {"provider": "echo", "model": "echo-2", "params": {"latency_ms": 1}}],
                 "trials": "data/trials.jsonl",
                 "repetitions": 2, "concurrency": 3,
                 "scorers": [{"type": "length", "plus": 1}],
                 "retry": {"max_attempts": 2, "initial_backoff_ms": 10},
                 "cell_deadline_seconds": 30, "store": "runs"}
                """);
        PlanFile file = PlanFile.load(plan);
        BenchmarkPlan p = file.build();

        assertThat(p.name()).isEqualTo("triage");
        assertThat(p.prompts()).extracting(Prompt::name).containsExactly("v1", "v2");
        assertThat(p.models()).extracting(ModelConfig::id).containsExactly("e1", "echo:echo-2");
        assertThat(p.trials()).extracting(Trial::id).containsExactly("t1", "t2");
        assertThat(p.repetitions()).isEqualTo(2);
        assertThat(p.concurrency()).isEqualTo(3);
        assertThat(p.settings().limits().retry().maxAttempts()).isEqualTo(2);
        assertThat(p.settings().limits().cellDeadline()).isEqualTo(Duration.ofSeconds(30));
        assertThat(file.store()).contains(dir.resolve("runs").toAbsolutePath().normalize());
        assertThat(file.baseDirectory()).isEqualTo(dir.toAbsolutePath().normalize());
        Run run = p.run();
        assertThat(run.results()).hasSize(16).allSatisfy(r -> assertThat(r.score("length")).hasValue(r.output().length() + 1));
    }

    @Test
    void aYamlPlanIsReadTheSameWay() throws IOException {
        writeInputs();
        Path plan = write("plan.yaml", """
                name: triage-yaml
                prompts:
                  - prompts/v1.json
                models:
                  - provider: echo
                    model: echo-1
                trials:
                  - id: a
                    vars: {text: "x"}
                concurrency: 2
                cache: false
                """);
        BenchmarkPlan p = PlanFile.load(plan).build();

        assertThat(p.name()).isEqualTo("triage-yaml");
        assertThat(p.trials()).extracting(Trial::id).containsExactly("a");
        assertThat(p.settings().services().cache()).isEmpty();
    }

    @Test
    void flagsOverrideThePlanThroughTheBuilder() throws IOException {
        writeInputs();
        Path plan = write("plan.json", "{\"name\": \"x\", \"prompts\": [\"prompts/v1.json\"], \"models\": [\"models/e.json\"],"
                + " \"trials\": \"data/trials.jsonl\", \"concurrency\": 3}");

        assertThat(PlanFile.load(plan).toBuilder().concurrency(7).repetitions(5).build().cellCount()).isEqualTo(10);
    }

    @Test
    void aCacheWithADirectoryKeepsResponsesOnDiskForTheNextProcess() throws IOException {
        writeInputs();
        Path plan = write("plan.json", "{\"name\": \"x\", \"prompts\": [\"prompts/v1.json\"], \"models\": [\"models/e.json\"],"
                + " \"trials\": \"data/trials.jsonl\", \"cache\": {\"dir\": \"cache\", \"ttl_days\": 2}}");

        Run first = PlanFile.load(plan).build().run();
        Run second = PlanFile.load(plan).build().run();

        assertThat(first.results()).noneMatch(Result::cached);
        assertThat(second.results()).isNotEmpty().allMatch(Result::cached);
        assertThat(Files.isDirectory(dir.resolve("cache"))).isTrue();
        Path bad = write("bad.json", "{\"name\": \"x\", \"prompts\": [\"prompts/v1.json\"], \"models\": [\"models/e.json\"],"
                + " \"trials\": \"data/trials.jsonl\", \"cache\": {\"ttl_days\": 2}}");
        assertThatThrownBy(() -> PlanFile.load(bad)).hasMessageContaining("ttl_days").hasMessageContaining("needs \"dir\"");
    }

    @Test
    void aMissingPromptFileNamesThePlanFieldAndTheFile() throws IOException {
        writeInputs();
        Path plan = write("plan.json", "{\"name\": \"x\", \"prompts\": [\"prompts/nope.json\"], \"models\": [\"models/e.json\"],"
                + " \"trials\": \"data/trials.jsonl\"}");

        assertThatThrownBy(() -> PlanFile.load(plan)).isInstanceOf(InvalidPlanException.class)
                .hasMessage(plan + ": field 'prompts[0]': " + dir.resolve("prompts/nope.json").toAbsolutePath().normalize()
                        + ": file not found");
    }

    @Test
    void aBadValueNamesTheFileAndField() throws IOException {
        writeInputs();
        Path plan = write("plan.json", "{\"name\": \"x\", \"prompts\": [\"prompts/v1.json\"], \"models\": [\"models/e.json\"],"
                + " \"trials\": \"data/trials.jsonl\", \"concurrency\": 0}");

        assertThatThrownBy(() -> PlanFile.load(plan))
                .hasMessage(plan + ": field 'concurrency': concurrency must be >= 1 but was 0");
    }

    @Test
    void adaptiveConcurrencyIsOnUnlessThePlanTurnsItOffAndMustBeABoolean() throws IOException {
        writeInputs();
        String inputs = "{\"name\": \"x\", \"prompts\": [\"prompts/v1.json\"], \"models\": [\"models/e.json\"],"
                + " \"trials\": \"data/trials.jsonl\"";
        assertThat(PlanFile.load(write("on.json", inputs + "}")).build().settings().limits().adaptiveConcurrency()).isTrue();
        assertThat(PlanFile.load(write("off.json", inputs + ", \"adaptive_concurrency\": false}")).build().settings().limits()
                .adaptiveConcurrency()).isFalse();
        assertThat(PlanFile.load(write("off.json", inputs + ", \"adaptive_concurrency\": false}")).toBuilder()
                .adaptiveConcurrency(true).build().settings().limits().adaptiveConcurrency()).isTrue();
        Path bad = write("bad.json", inputs + ", \"adaptive_concurrency\": \"no\"}");
        assertThatThrownBy(() -> PlanFile.load(bad))
                .hasMessage(bad + ": field 'adaptive_concurrency' must be true or false but was \"no\"");
    }

    @Test
    void anUnknownFieldIsRefusedWithASuggestion() throws IOException {
        Path plan = write("plan.json", "{\"name\": \"x\", \"repetitons\": 3}");

        assertThatThrownBy(() -> PlanFile.load(plan)).hasMessageStartingWith(plan
                + ": unknown field 'repetitons' (did you mean 'repetitions'?); allowed fields are name, description, prompts");
    }

    @Test
    void anUnknownScorerTypeListsTheInstalledOnes() throws IOException {
        writeInputs();
        Path plan = write("plan.json", "{\"name\": \"x\", \"prompts\": [\"prompts/v1.json\"], \"models\": [\"models/e.json\"],"
                + " \"trials\": \"data/trials.jsonl\", \"scorers\": [{\"type\": \"lenght\"}]}");

        assertThatThrownBy(() -> PlanFile.load(plan)).hasMessage(plan
                + ": field 'scorers[0].type' names no installed scorer type 'lenght'; installed: length. Did you mean 'length'?");
    }

    @Test
    void aScorerOptionTheFactoryRefusesNamesTheScorer() throws IOException {
        writeInputs();
        Path plan = write("plan.json", "{\"name\": \"x\", \"prompts\": [\"prompts/v1.json\"], \"models\": [\"models/e.json\"],"
                + " \"trials\": \"data/trials.jsonl\", \"scorers\": [{\"type\": \"length\", \"minus\": 1}]}");

        assertThatThrownBy(() -> PlanFile.load(plan))
                .hasMessage(plan + ": field 'scorers[0]' (length): unknown option 'minus'; length takes plus");
    }

    @Test
    void aTemplateVariableMissingFromTrialsIsReportedAtBuild() throws IOException {
        writeInputs();
        write("prompts/v3.json", "{\"name\": \"v3\", \"messages\": [{\"role\": \"user\", \"content\": \"{{text}} at {{age}}\"}]}");
        Path plan = write("plan.json", "{\"name\": \"x\", \"prompts\": [\"prompts/v3.json\"], \"models\": [\"models/e.json\"],"
                + " \"trials\": \"data/trials.jsonl\"}");

        assertThatThrownBy(() -> PlanFile.load(plan).build()).hasMessageContaining(
                "Prompt 'v3' uses variable 'age' but trial 't1' has no such variable (it has: text)");
    }

    @Test
    void anotherExtensionIsRefused() throws IOException {
        Path plan = write("plan.toml", "name = 'x'");

        assertThatThrownBy(() -> PlanFile.load(plan)).hasMessage(plan + ": a plan file must end in .json, .yaml or .yml");
    }

    @Test
    void invalidYamlNamesTheLine() throws IOException {
        Path plan = write("plan.yml", "name: x\nprompts: [a\n");

        assertThatThrownBy(() -> PlanFile.load(plan)).hasMessageStartingWith(plan + ": line ").hasMessageContaining("invalid YAML");
    }
}
