package dev.bench4j.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bench4j.core.BenchmarkPlan;
import dev.bench4j.core.FinishReason;
import dev.bench4j.core.ModelConfig;
import dev.bench4j.core.Prompt;
import dev.bench4j.core.Run;
import dev.bench4j.core.RunWarning;
import dev.bench4j.core.Usage;
import dev.bench4j.core.spi.ModelResponse;
import dev.bench4j.core.testing.Plans;
import dev.bench4j.core.testing.ScriptedProvider;
import dev.bench4j.store.json.JsonRunStore;
import dev.bench4j.web.testing.Browser;
import dev.bench4j.web.testing.RawHttp;
import dev.bench4j.web.testing.WebFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The viewer shows a run's health warnings on its page (served and in a report), as text: a
 * warning's message may quote what a server answered.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RunWarningsViewTest {

    @TempDir
    static Path dir;

    private JsonRunStore store;
    private Run warned;
    private Run healthy;
    private BenchServer server;

    @BeforeAll
    void start() {
        store = JsonRunStore.at(dir.resolve("runs"));
        // a server that ignores sampling and names a hostile model in its answers
        ScriptedProvider ignoring = ScriptedProvider.named("srv", r -> CompletableFuture.completedFuture(ModelResponse.of(
                "answer to " + r.messages().get(0).content(), FinishReason.STOP, Usage.of(3, 2))
                .withModelVersion("other " + WebFixtures.SCRIPT)));
        warned = BenchmarkPlan.named("warned").provider(ignoring).prompt(Prompt.named("p").user("Q {{x}}"))
                .model(ModelConfig.of("srv", "m").withId("greedy").withTemperature(0))
                .model(ModelConfig.of("srv", "m").withId("sampled").withTemperature(0.9).withTopP(0.95))
                .trials(Plans.trials(3)).noCache().store(store).build().run();
        healthy = Plans.over(ScriptedProvider.echoing("echoing"), 3).noCache().store(store).build().run();
        server = BenchServer.builder(store).port(0).start();
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void theRunApiHoldsTheWarnings() {
        assertThat(warned.warnings()).extracting(RunWarning::code).containsExactly(RunWarning.SAMPLING_IGNORED,
                RunWarning.MODEL_MISMATCH, RunWarning.MODEL_MISMATCH);
        RawHttp http = new RawHttp(server.port());

        JsonNode run = http.get("/api/runs/" + warned.id()).json();
        assertThat(run.get("warnings")).hasSize(3);
        JsonNode first = run.get("warnings").get(0);
        assertThat(first.get("code").asText()).isEqualTo("sampling_ignored");
        assertThat(first.get("message").asText()).isEqualTo(warned.warnings().get(0).message());
        assertThat(first.get("models").toString()).isEqualTo("[\"greedy\",\"sampled\"]");
        assertThat(first.get("count").asLong()).isEqualTo(3);
        assertThat(first.get("total").asLong()).isEqualTo(3);
        assertThat(http.get("/api/runs/" + healthy.id()).json().get("warnings")).isEmpty();
    }

    @Test
    void theRunPageShowsTheWarningsAsTextAndAHealthyRunShowsNone() throws Exception {
        Browser b = Browser.start(dir);
        try {
            b.open(server.uri() + "#/run/" + warned.id());
            WebElement box = b.waitFor(By.id("run-warnings"));
            assertThat(box.getText()).startsWith("Warnings (3): the results may be silently wrong");
            List<String> items = b.all(By.cssSelector("#run-warnings li")).stream().map(WebElement::getText).toList();
            assertThat(items).containsExactly(
                    "sampling_ignored: " + warned.warnings().get(0).message(),
                    "model_mismatch: " + warned.warnings().get(1).message(),
                    "model_mismatch: " + warned.warnings().get(2).message());
            assertThat(items.get(1)).contains(WebFixtures.SCRIPT.replace("\"", "\\\""));
            assertThat(b.all(By.cssSelector("#run-warnings script"))).isEmpty();
            Path shot = b.screenshot("served-warnings");
            assertThat(Files.size(shot)).isPositive();

            b.open(server.uri() + "#/run/" + healthy.id());
            b.waitFor(By.cssSelector("h1 .badge"));
            assertThat(b.all(By.id("run-warnings"))).isEmpty();

            Path report = dir.resolve("report.html");
            BenchReport.write(store, List.of(warned.id()), report);
            b.open(report.toUri() + "#/run/" + warned.id());
            assertThat(b.waitFor(By.id("run-warnings")).getText()).contains("sampling_ignored: configs greedy, sampled");
            b.screenshot("report-warnings");
            assertThat(b.pwned()).isNull();
            assertThat(b.consoleProblems()).isEmpty();
        } finally {
            b.close();
        }
    }
}
