package dev.bench4j.examples.spring;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.bench4j.core.Result;
import dev.bench4j.core.RunStatus;
import dev.bench4j.store.json.JsonRunStore;
import dev.bench4j.store.json.RunMetadata;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The application on a random port, its models served by WireMock as OpenAI's Chat Completions API
 * through the native {@code openai} provider; no start-up run.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "bench4j.startup.enabled=false")
@ExtendWith(OutputCaptureExtension.class)
class BenchmarkApiTest {

    private static final String KEY = "sk-test-spring-1f0c";

    @RegisterExtension
    static WireMockExtension api = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @TempDir
    static Path store;

    @DynamicPropertySource
    static void bench4j(DynamicPropertyRegistry registry) {
        registry.add("bench4j.store-dir", () -> store.toString());
        registry.add("bench4j.server.base-url", () -> api.baseUrl() + "/v1");
        registry.add("bench4j.server.api-key-env", () -> "TEST_OPENAI_KEY");
        registry.add("TEST_OPENAI_KEY", () -> KEY);
    }

    private final TestRestTemplate http;
    private final JsonRunStore runStore;

    @Autowired
    BenchmarkApiTest(TestRestTemplate http, JsonRunStore runStore) {
        this.http = http;
        this.runStore = runStore;
    }

    @BeforeEach
    void answerLikeOpenAi() {
        OpenAiStubs.conditions(Optional.of(KEY), "gpt-4.1-mini", 0).forEach(api::stubFor);
    }

    @Test
    void postingARunRunsTheBenchmarkAndAnswersWithItsIdAndFigures() {
        ResponseEntity<RunView> response = http.postForEntity("/benchmarks/conditions/runs", null, RunView.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        RunView run = response.getBody();
        assertThat(run).isNotNull();
        assertThat(response.getHeaders().getLocation()).hasToString("/runs/" + run.id());
        assertThat(run.benchmark()).isEqualTo("conditions");
        assertThat(run.status()).isEqualTo("completed");
        assertThat(run.warnings()).isEmpty();
        RunView.Figures overall = run.overall().orElseThrow();
        assertThat(overall.cells()).isEqualTo(10);
        assertThat(overall.succeeded()).isEqualTo(10);
        assertThat(overall.scores().get("set_f1")).isCloseTo(OpenAiStubs.SET_F1_MEAN, within(1e-9));
        assertThat(overall.scores().get("json_valid")).isEqualTo(1.0);
        assertThat(overall.costUsd()).hasValueSatisfying(cost -> assertThat(cost).isPositive());
        assertThat(run.models()).containsOnlyKeys("openai:gpt-4.1-mini");
        assertThat(api.findAll(postRequestedFor(urlEqualTo("/v1/chat/completions")))).hasSize(10);
    }

    @Test
    void theRunIsStoredWithEveryResultAndReadBackByItsId() {
        RunView posted = http.postForObject("/benchmarks/conditions/runs", null, RunView.class);

        RunMetadata stored = runStore.load(posted.id()).orElseThrow();
        assertThat(stored.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(stored.folder()).startsWith(store);
        List<Result> results = new ArrayList<>();
        runStore.forEachResult(posted.id(), results::add);
        assertThat(results).hasSize(10).allSatisfy(r -> assertThat(r.error()).isEmpty());

        RunView read = http.getForObject("/runs/" + posted.id(), RunView.class);
        assertThat(read.id()).isEqualTo(posted.id());
        assertThat(read.status()).isEqualTo("completed");
        assertThat(read.overall()).isEqualTo(posted.overall());
    }

    @Test
    void logLinesOfARunCarryItsIdFromTheMdcAndNeverTheKey(CapturedOutput output) {
        RunView run = http.postForObject("/benchmarks/conditions/runs", null, RunView.class);

        String tag = "[run=" + run.id() + "]";
        assertThat(output.getOut().lines().filter(line -> line.contains(tag)))
                .anySatisfy(line -> assertThat(line).contains("Run " + run.id() + " of plan 'conditions' started"))
                .anySatisfy(line -> assertThat(line).contains("Benchmark 'conditions' completed: 10 cells, 0 failed"));
        assertThat(output.getAll()).doesNotContain(KEY);
    }

    @Test
    void anUnknownBenchmarkOrRunIsNotFound() {
        assertThat(http.postForEntity("/benchmarks/nope/runs", null, Map.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(http.getForEntity("/runs/bench_00000000_20260101_000000", Map.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(http.getForEntity("/runs/..", Map.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(api.getAllServeEvents()).isEmpty();
    }
}
