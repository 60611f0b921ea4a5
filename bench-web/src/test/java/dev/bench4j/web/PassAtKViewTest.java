package dev.bench4j.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bench4j.core.Run;
import dev.bench4j.core.Score;
import dev.bench4j.core.Summary;
import dev.bench4j.core.spi.Scorer;
import dev.bench4j.core.testing.Plans;
import dev.bench4j.core.testing.ScriptedProvider;
import dev.bench4j.store.json.JsonRunStore;
import dev.bench4j.web.testing.Browser;
import dev.bench4j.web.testing.RawHttp;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** A run with repetitions shows pass@k and pass^k of its pass/fail scores beside their means. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PassAtKViewTest {

    @TempDir
    static Path dir;

    private JsonRunStore store;
    private Run run;
    private BenchServer server;

    @BeforeAll
    void start() {
        store = JsonRunStore.at(dir.resolve("runs"));
        // trial t0 passes every repetition, t1 the first of 3, t2 none
        run = Plans.over(ScriptedProvider.echoing("echoing"), 3).repetitions(3).noCache()
                .scorer(Scorer.of("pass", r -> Score.pass(r.trial().id().equals("t0")
                        || r.trial().id().equals("t1") && r.result().cell().repetition() == 0)))
                .store(store).build().run();
        server = BenchServer.builder(store).port(0).start();
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private Summary.PassAtK overall() {
        return run.summary().overall().scores().get("pass").passAtK().orElseThrow();
    }

    @Test
    void theRunApiHoldsPassAtK() {
        JsonNode pass = new RawHttp(server.port()).get("/api/runs/" + run.id()).json().get("summary").get("overall")
                .get("scores").get("pass").get("pass_at_k");

        assertThat(pass.get("k").asInt()).isEqualTo(3);
        assertThat(pass.get("pass_at_k").asDouble()).isEqualTo(overall().passAtK().orElseThrow());
        assertThat(pass.get("pass_hat_k").asDouble()).isEqualTo(overall().passHatK().orElseThrow());
    }

    @Test
    void theRunPageShowsPassAtKBesideTheMean() {
        Browser b = Browser.start(dir);
        try {
            b.open(server.uri() + "#/run/" + run.id());
            WebElement cell = b.waitFor(By.xpath("//td[contains(., 'pass@3')]"));
            String expected = String.format(Locale.ROOT, "pass@3 %.3f · pass^3 %.3f", overall().passAtK().orElseThrow(),
                    overall().passHatK().orElseThrow());
            List<String> texts = b.all(By.xpath("//td[contains(., 'pass@3')]")).stream().map(WebElement::getText).toList();
            assertThat(texts).anySatisfy(t -> assertThat(t).contains(expected));
            assertThat(cell.getText()).contains("pass^3");
            b.screenshot("served-pass-at-k");
            assertThat(b.consoleProblems()).isEmpty();
        } finally {
            b.close();
        }
    }
}
