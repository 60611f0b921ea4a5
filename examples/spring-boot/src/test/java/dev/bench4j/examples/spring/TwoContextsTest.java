package dev.bench4j.examples.spring;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.bench4j.store.json.JsonRunStore;
import dev.bench4j.store.json.RunEntry;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.client.RestClient;

/**
 * No static state: two instances of the application in one JVM, each with its own store, port,
 * provider, model and API key, run their benchmark at the same time, and each store gets only its own run.
 */
class TwoContextsTest {

    @RegisterExtension
    static WireMockExtension api = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @Test
    void twoApplicationsInOneJvmRunIndependentBenchmarksIntoTheirOwnStores(@TempDir Path storeA, @TempDir Path storeB)
            throws Exception {
        // Answers take 50 ms, so that both runs are in flight together.
        OpenAiStubs.conditions(Optional.of("sk-test-a"), "gpt-4.1-mini", 50).forEach(api::stubFor);
        OpenAiStubs.conditions(Optional.empty(), "qwen3:8b", 50).forEach(api::stubFor);

        try (ConfigurableApplicationContext a = start(storeA, "--bench4j.models[0]=gpt-4.1-mini",
                "--bench4j.server.api-key-env=KEY_OF_A", "--KEY_OF_A=sk-test-a");
                ConfigurableApplicationContext b = start(storeB, "--bench4j.models[0]=qwen3:8b",
                        "--bench4j.server.provider=openai-compatible")) {
            CompletableFuture<RunView> runOfA = CompletableFuture.supplyAsync(() -> postRun(a));
            CompletableFuture<RunView> runOfB = CompletableFuture.supplyAsync(() -> postRun(b));
            RunView viewOfA = runOfA.get(2, TimeUnit.MINUTES);
            RunView viewOfB = runOfB.get(2, TimeUnit.MINUTES);

            assertThat(viewOfA.id()).isNotEqualTo(viewOfB.id());
            assertThat(a.getBean(JsonRunStore.class).list()).extracting(RunEntry::id).containsExactly(viewOfA.id());
            assertThat(b.getBean(JsonRunStore.class).list()).extracting(RunEntry::id).containsExactly(viewOfB.id());
            assertThat(viewOfA.models()).containsOnlyKeys("openai:gpt-4.1-mini");
            assertThat(viewOfB.models()).containsOnlyKeys("openai-compatible:qwen3:8b");
            assertThat(viewOfA.overall().orElseThrow().succeeded()).isEqualTo(10);
            assertThat(viewOfB.overall().orElseThrow().succeeded()).isEqualTo(10);
        }
        assertThat(api.findAll(postRequestedFor(urlEqualTo("/v1/chat/completions"))
                .withHeader("Authorization", equalTo("Bearer sk-test-a")))).hasSize(10);
        assertThat(api.findAll(postRequestedFor(urlEqualTo("/v1/chat/completions"))
                .withHeader("Authorization", absent()))).hasSize(10);
    }

    /** Command-line arguments, so they win over application.yml (the models list is replaced whole). */
    private static ConfigurableApplicationContext start(Path store, String... more) {
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--bench4j.startup.enabled=false",
                "--bench4j.store-dir=" + store, "--bench4j.server.base-url=" + api.baseUrl() + "/v1"));
        args.addAll(List.of(more));
        return new SpringApplicationBuilder(BenchApplication.class).run(args.toArray(String[]::new));
    }

    private static RunView postRun(ConfigurableApplicationContext context) {
        String port = context.getEnvironment().getRequiredProperty("local.server.port");
        return RestClient.create("http://localhost:" + port).post().uri("/benchmarks/conditions/runs")
                .retrieve().body(RunView.class);
    }
}
