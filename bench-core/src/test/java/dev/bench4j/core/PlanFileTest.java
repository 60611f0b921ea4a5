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
    void saysWhetherThePlanSetsTheCacheAndLeavesTheDefaultWhenItDoesNot() throws IOException {
        writeInputs();
        String base = "{\"name\": \"x\", \"prompts\": [\"prompts/v1.json\"], \"models\": [\"models/e.json\"],"
                + " \"trials\": \"data/trials.jsonl\"";
        PlanFile none = PlanFile.load(write("none.json", base + "}"));
        PlanFile off = PlanFile.load(write("off.json", base + ", \"cache\": false}"));
        PlanFile memory = PlanFile.load(write("memory.json", base + ", \"cache\": {\"max_entries\": 5}}"));

        assertThat(none.declaresCache()).isFalse();
        assertThat(none.build().settings().services().cache()).isPresent();
        assertThat(off.declaresCache()).isTrue();
        assertThat(off.build().settings().services().cache()).isEmpty();
        assertThat(memory.declaresCache()).isTrue();
        assertThat(memory.build().settings().services().cache()).isPresent();
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
                .hasMessage(plan + ": field 'concurrency' must be a whole number >= 1 and at most 2147483647 but was 0");
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

    private Path planWith(String extra) throws IOException {
        writeInputs();
        return write("plan.json", "{\"name\": \"x\", \"prompts\": [\"prompts/v1.json\"], \"models\": [\"models/e.json\"],"
                + " \"trials\": \"data/trials.jsonl\"" + extra + "}");
    }

    @Test
    void aYamlAliasIsResolvedToItsAnchoredTextNotSentAsTheAnchorName() throws IOException {
        writeInputs();
        Path plan = write("plan.yaml", """
                name: aliases
                prompts:
                  - name: v1
                    messages:
                      - {role: system, content: &sys "You are a triage nurse."}
                      - {role: user, content: "Classify: {{text}}"}
                  - name: v2
                    messages:
                      - {role: system, content: *sys}
                      - {role: user, content: "Triage: {{text}}"}
                models: [models/e.json]
                trials: data/trials.jsonl
                """);

        BenchmarkPlan p = PlanFile.load(plan).build();

        assertThat(p.prompts().get(1).messages().get(0).content()).isEqualTo("You are a triage nurse.");
    }

    @Test
    void aYamlAliasWithoutAnchorIsRefusedNamingFileAndLine() throws IOException {
        writeInputs();
        Path plan = write("plan.yaml", """
                name: aliases
                prompts:
                  - name: v1
                    messages:
                      - {role: user, content: *c}
                models: [models/e.json]
                trials: data/trials.jsonl
                """);

        assertThatThrownBy(() -> PlanFile.load(plan)).isInstanceOf(InvalidPlanException.class)
                .hasMessage(plan + ": line 5, column 31: the alias *c names no anchor defined before it (write &c on an earlier value)");
    }

    @Test
    void retryBackoffsAreCheckedAgainstEachOtherInAnyOrderOfKeys() throws IOException {
        for (String retry : new String[] {"{\"initial_backoff_ms\": 50, \"max_backoff_ms\": 200}",
                "{\"max_backoff_ms\": 200, \"initial_backoff_ms\": 50}"}) {
            Path plan = planWith(", \"retry\": " + retry);

            RetryPolicy r = PlanFile.load(plan).build().settings().limits().retry();

            assertThat(r.initialBackoff()).isEqualTo(Duration.ofMillis(50));
            assertThat(r.maxBackoff()).isEqualTo(Duration.ofMillis(200));
        }
    }

    @Test
    void aMaximumBackoffBelowTheInitialOneNamesBothValues() throws IOException {
        Path plan = planWith(", \"retry\": {\"max_backoff_ms\": 200}");

        assertThatThrownBy(() -> PlanFile.load(plan)).isInstanceOf(InvalidPlanException.class)
                .hasMessage(plan + ": field 'retry.max_backoff_ms' needs max_backoff_ms >= initial_backoff_ms but "
                        + "max_backoff_ms is 200 and initial_backoff_ms is 1000 (the default)");
    }

    @Test
    void wholeNumberFieldsStateTheirBoundsForEveryWrongValue() throws IOException {
        String bounds = "must be a whole number >= 1 and at most 2147483647 but was ";
        String[][] cases = {{"1e100", "1.0E100"}, {"1.5", "1.5"}, {"\"10\"", "\"10\""}, {"-3", "-3"},
                {"99999999999999999999", "99999999999999999999"}, {"2147483648", "2147483648"}};
        for (String[] c : cases) {
            Path plan = planWith(", \"concurrency\": " + c[0]);

            assertThatThrownBy(() -> PlanFile.load(plan)).isInstanceOf(InvalidPlanException.class)
                    .hasMessage(plan + ": field 'concurrency' " + bounds + c[1]);
        }
        Path plan = planWith(", \"provider_concurrency\": {\"echo\": 1e100}");
        assertThatThrownBy(() -> PlanFile.load(plan))
                .hasMessage(plan + ": field 'provider_concurrency.echo' " + bounds + "1.0E100");
        Path nothing = planWith(", \"provider_concurrency\": {\"echo\": null}");
        assertThatThrownBy(() -> PlanFile.load(nothing)).isInstanceOf(InvalidPlanException.class)
                .hasMessage(nothing + ": field 'provider_concurrency.echo' " + bounds + "null");
        Path retry = planWith(", \"retry\": {\"initial_backoff_ms\": -1}");
        assertThatThrownBy(() -> PlanFile.load(retry))
                .hasMessage(retry + ": field 'retry.initial_backoff_ms' must be a whole number from 0 to 86400000 but was -1");
        write("models/big.json", "{\"provider\": \"echo\", \"model\": \"e\", \"max_concurrency\": 1e100}");
        Path model = write("plan.json", "{\"name\": \"x\", \"prompts\": [\"prompts/v1.json\"], \"models\": [\"models/big.json\"],"
                + " \"trials\": \"data/trials.jsonl\"}");
        assertThatThrownBy(() -> PlanFile.load(model)).hasMessageEndingWith(
                "big.json: field 'max_concurrency' must be an integer of at most 2147483647 but was 1.0E100");
        write("models/big.json", "{\"provider\": \"echo\", \"model\": \"e\", \"seed\": -1e100}");
        assertThatThrownBy(() -> PlanFile.load(model)).hasMessageEndingWith(
                "big.json: field 'seed' must be an integer of at least -9223372036854775808 but was -1.0E100");
        Path seconds = planWith(", \"cell_deadline_seconds\": 1e100");
        assertThatThrownBy(() -> PlanFile.load(seconds)).hasMessage(seconds
                + ": field 'cell_deadline_seconds' must be a number of seconds above 0 and at most 1000000000 but was 1.0E100");
    }

    @Test
    void repetitionsThatMakeMoreThanAHundredMillionCellsAreRefusedShowingTheProduct() throws IOException {
        Path plan = planWith(", \"repetitions\": 2147483647");

        assertThatThrownBy(() -> PlanFile.load(plan)).isInstanceOf(InvalidPlanException.class)
                .hasMessage(plan + ": field 'repetitions' makes too many cells: Plan 'x' has 1 prompts × 1 models × 2 trials"
                        + " × 2147483647 repetitions = 4294967294 cells, more than the limit of 100000000; lower the "
                        + "repetitions or split the plan");
        assertThatThrownBy(() -> PlanFile.load(planWith("")).toBuilder().repetitions(Integer.MAX_VALUE).build())
                .isInstanceOf(InvalidPlanException.class).hasMessageContaining("= 4294967294 cells, more than the limit");
    }

    @Test
    void brokenPlaceholdersAreRefusedNamingPromptTextAndPosition() throws IOException {
        writeInputs();
        write("prompts/v9.json", "{\"name\": \"v9\", \"messages\": [{\"role\": \"user\", \"content\": "
                + "\"Classify:\\n{{text and {{ other\"}, {\"role\": \"user\", \"content\": \"x {{}} y\"}]}");
        Path plan = write("plan.json", "{\"name\": \"x\", \"prompts\": [\"prompts/v9.json\"], \"models\": [\"models/e.json\"],"
                + " \"trials\": \"data/trials.jsonl\"}");

        assertThatThrownBy(() -> PlanFile.load(plan)).isInstanceOf(InvalidPlanException.class)
                .satisfies(e -> assertThat(((InvalidPlanException) e).problems()).containsExactly(
                        plan + ": Prompt 'v9' message 1 has a broken placeholder '{{text and {{ other' at line 2, column 1 "
                                + "(no closing }}); a placeholder is {{name}}",
                        plan + ": Prompt 'v9' message 1 has a broken placeholder '{{ other' at line 2, column 12 "
                                + "(no closing }}); a placeholder is {{name}}",
                        plan + ": Prompt 'v9' message 2 has a broken placeholder '{{}}' at line 1, column 3 "
                                + "(an empty placeholder; write {{name}}); a placeholder is {{name}}"));
    }

    @Test
    void singleBracePlaceholdersAreWarnedAboutButSent() throws IOException {
        writeInputs();
        write("prompts/py.json", "{\"name\": \"py\", \"messages\": [{\"role\": \"user\", \"content\": "
                + "\"Classify {text} as JSON like {\\\"label\\\": \\\"x\\\"}; see \\\\frac{a}{b}\"}]}");
        Path plan = write("plan.json", "{\"name\": \"x\", \"prompts\": [\"prompts/py.json\"], \"models\": [\"models/e.json\"],"
                + " \"trials\": \"data/trials.jsonl\"}");

        PlanFile file = PlanFile.load(plan);

        assertThat(file.warnings()).containsExactly("Prompt 'py' has text that looks like a placeholder but is sent as "
                + "written: message 1 '{text}' at line 1, column 10 (a variable of the trials in single braces, sent as "
                + "written; write {{text}} to fill it in)");
        assertThat(file.build().run().results()).allSatisfy(r -> assertThat(r.output()).contains("Classify {text}"));
    }

    @Test
    void controlCharactersInNamesAndIdsAreRefusedShownEscaped() throws IOException {
        writeInputs();
        Path plan = write("plan.json", "{\"name\": \"x\\u0007\", \"prompts\": [{\"name\": \"v\\t1\", \"messages\": "
                + "[{\"role\": \"user\", \"content\": \"{{text}}\"}]}], \"models\": [\"models/e.json\"],"
                + " \"trials\": [{\"id\": \"a\\u001b[31m\", \"vars\": {\"text\": \"x\"}}]}");

        assertThatThrownBy(() -> PlanFile.load(plan).build()).isInstanceOf(InvalidPlanException.class)
                .satisfies(e -> assertThat(((InvalidPlanException) e).problems()).contains(
                        "The plan name 'x\\u0007' has a control character; use printable characters (it is used in file "
                                + "names, tables and logs)",
                        "The prompt name 'v\\u00091' has a control character; use printable characters (it is used in file "
                                + "names, tables and logs)",
                        "The trial id 'a\\u001b[31m' has a control character; use printable characters (it is used in file "
                                + "names, tables and logs)"));
    }
}
