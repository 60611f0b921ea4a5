package dev.bench4j.examples.spring;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.bench4j.core.RunStatus;
import dev.bench4j.store.json.JsonRunStore;
import dev.bench4j.store.json.RunEntry;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The application with its start-up run on (as in application.yml), without a web server. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class StartupRunTest {

    private static final String KEY = "sk-test-startup-77a2";

    @RegisterExtension
    static WireMockExtension api = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort())
            .resetOnEachTest(false).build();

    @TempDir
    static Path store;

    @DynamicPropertySource
    static void bench4j(DynamicPropertyRegistry registry) {
        registry.add("bench4j.store-dir", () -> store.toString());
        registry.add("bench4j.server.base-url", () -> api.baseUrl() + "/v1");
        // No api-key-env: the openai provider's default variable, looked up in Spring's Environment.
        registry.add("OPENAI_API_KEY", () -> KEY);
    }

    /** Before the context starts: the start-up run calls the server while the context is being made. */
    @BeforeAll
    static void answerLikeOpenAi() {
        OpenAiStubs.conditions(Optional.of(KEY), "gpt-4.1-mini", 0).forEach(api::stubFor);
    }

    private final JsonRunStore runStore;

    @Autowired
    StartupRunTest(JsonRunStore runStore) {
        this.runStore = runStore;
    }

    @Test
    void theConfiguredBenchmarkRanOnceAtStartUpIntoTheStore() {
        List<RunEntry> runs = runStore.list();

        assertThat(runs).hasSize(1);
        var run = runStore.run(runs.get(0).id()).orElseThrow();
        assertThat(run.name()).isEqualTo("conditions");
        assertThat(run.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(run.summary().overall().succeeded()).isEqualTo(10);
        assertThat(run.summary().overall().scores().get("set_f1").mean().orElseThrow())
                .isCloseTo(OpenAiStubs.SET_F1_MEAN, within(1e-9));
    }
}
