package dev.bench4j.scoring;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.matching.StringValuePattern;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.bench4j.core.BenchmarkPlan;
import dev.bench4j.core.ErrorKind;
import dev.bench4j.core.ModelConfig;
import dev.bench4j.core.Price;
import dev.bench4j.core.Prompt;
import dev.bench4j.core.Result;
import dev.bench4j.core.RetryPolicy;
import dev.bench4j.core.Run;
import dev.bench4j.core.RunStatus;
import dev.bench4j.core.Score;
import dev.bench4j.core.Summary;
import dev.bench4j.core.Trial;
import dev.bench4j.core.Usage;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An LLM judge on an OpenAI-compatible server (WireMock) grades the outputs of an offline model:
 * its calls go through the run's pipeline (a 429 is retried after its retry-after-ms, answers are
 * cached across runs, failures are not), verdicts in the shapes judges write are read, and
 * unreadable verdicts or broken bodies become scoring errors on the result, never a failed run.
 */
class LlmJudgeOverHttpTest {

    @RegisterExtension
    static WireMockExtension api = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Price JUDGE_PRICE = Price.perMillionTokens(0.4, 1.6);

    /** A chat completion as an OpenAI-compatible server (vLLM) answers, with the verdict as content. */
    private static String completion(String content, int promptTokens, int completionTokens) {
        Map<String, Object> body = Map.of(
                "id", "chatcmpl-9f1c2a",
                "object", "chat.completion",
                "created", 1763900000,
                "model", "judge-model",
                "choices", List.of(Map.of("index", 0, "message", Map.of("role", "assistant", "content", content),
                        "logprobs", "null", "finish_reason", "stop")),
                "usage", Map.of("prompt_tokens", promptTokens, "completion_tokens", completionTokens,
                        "total_tokens", promptTokens + completionTokens));
        try {
            return JSON.writeValueAsString(body).replace("\"logprobs\":\"null\"", "\"logprobs\":null");
        } catch (JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }

    private static StringValuePattern answer(String output) {
        return containing("## Answer to grade\n" + output + "\n");
    }

    private static void stubJudge() {
        String url = "/v1/chat/completions";
        api.stubFor(post(urlEqualTo(url)).withRequestBody(matchingJsonPath("$.messages[1].content",
                answer("asthma, diabetes"))).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody(completion("{\"score\": 5, \"reason\": \"Lists both conditions.\"}", 412, 14))));
        api.stubFor(post(urlEqualTo(url)).withRequestBody(matchingJsonPath("$.messages[1].content", answer("asthma")))
                .inScenario("rate limited").whenScenarioStateIs(Scenario.STARTED).willSetStateTo("recovered")
                .willReturn(aResponse().withStatus(429).withHeader("Content-Type", "application/json")
                        .withHeader("retry-after-ms", "20").withHeader("retry-after", "1")
                        .withBody("{\"error\": {\"message\": \"Rate limit reached for requests\", \"type\": \"requests\", "
                                + "\"param\": null, \"code\": \"rate_limit_exceeded\"}}")));
        api.stubFor(post(urlEqualTo(url)).withRequestBody(matchingJsonPath("$.messages[1].content", answer("asthma")))
                .inScenario("rate limited").whenScenarioStateIs("recovered")
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody(completion("```json\n{\"score\": 3, \"reason\": \"Misses diabetes.\"}\n```", 409, 19))));
        api.stubFor(post(urlEqualTo(url)).withRequestBody(matchingJsonPath("$.messages[1].content", answer("not sure")))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody(completion("I would rate this answer fairly low.", 405, 9))));
        String truncated = completion("{\"score\": 4}", 400, 6);
        api.stubFor(post(urlEqualTo(url)).withRequestBody(matchingJsonPath("$.messages[1].content", answer("diabetes?")))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody(truncated.substring(0, truncated.length() / 2))));
    }

    private static BenchmarkPlan.Builder plan() {
        ModelConfig judge = ModelConfig.of("openai-compatible", "judge-model").withId("judge")
                .withBaseUrl(api.baseUrl() + "/v1").withTemperature(0).withPrice(JUDGE_PRICE);
        return plan(Scorers.llmJudge(judge).withCriteria("Lists every condition of the reference and nothing else."));
    }

    private static BenchmarkPlan.Builder plan(LlmJudge scorer) {
        return BenchmarkPlan.named("judged")
                .prompt(Prompt.named("extract").user("{{answer}}"))
                .model(ModelConfig.of("echo", "offline"))
                .trials(List.of(
                        Trial.of("complete", Map.of("answer", "asthma, diabetes")).withExpected(List.of("asthma", "diabetes")),
                        Trial.of("partial", Map.of("answer", "asthma")).withExpected(List.of("asthma", "diabetes")),
                        Trial.of("chatty", Map.of("answer", "not sure")).withExpected(List.of("asthma")),
                        Trial.of("broken", Map.of("answer", "diabetes?")).withExpected(List.of("diabetes"))))
                .retry(RetryPolicy.defaults().withJitter(0))
                .scorer(scorer);
    }

    private static Map<String, Score> byTrial(Run run) {
        return run.results().stream().collect(Collectors.toMap(r -> r.cell().trial(), r -> r.scores().get("llm_judge")));
    }

    @Test
    void theJudgeGradesEveryOutputThroughThePipelineAndBadVerdictsAreScoringErrors() throws Exception {
        stubJudge();

        Run run = plan().build().run();

        assertThat(run.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(run.results()).allMatch(Result::succeeded);
        Map<String, Score> scores = byTrial(run);
        assertThat(scores.get("complete").value()).hasValue(1.0);
        assertThat(scores.get("complete").reason()).contains("Lists both conditions.");
        assertThat(scores.get("partial").value()).hasValue(0.5);
        assertThat(scores.get("partial").details()).containsEntry("judge_score", 3.0);
        assertThat(scores.get("partial").calls().get(0).attempts()).isEqualTo(2);
        assertThat(scores.get("chatty").error().orElseThrow())
                .contains("nor a bare number: 'I would rate this answer fairly low.'");
        assertThat(scores.get("broken").error().orElseThrow()).startsWith("judge 'judge' failed (malformed_response)");
        assertThat(scores.get("broken").calls().get(0).error().orElseThrow().kind()).isEqualTo(ErrorKind.MALFORMED_RESPONSE);

        api.verify(2, postRequestedFor(urlEqualTo("/v1/chat/completions"))
                .withRequestBody(matchingJsonPath("$.messages[1].content", answer("asthma"))));
        JsonNode sent = JSON.readTree(api.getAllServeEvents().get(0).getRequest().getBodyAsString());
        assertThat(sent.get("model").textValue()).isEqualTo("judge-model");
        assertThat(sent.get("temperature").doubleValue()).isZero();
        assertThat(sent.get("messages").get(0).get("role").textValue()).isEqualTo("system");
        assertThat(sent.get("messages").get(1).get("content").textValue())
                .contains("## Criteria\nLists every condition of the reference and nothing else.");
        api.verify(0, postRequestedFor(urlEqualTo("/v1/chat/completions")).withHeader("Authorization", containing("Bearer")));

        Summary.ScorerCalls calls = run.summary().overall().scorerCalls();
        assertThat(calls.calls()).isEqualTo(4);
        assertThat(calls.failed()).isEqualTo(1);
        assertThat(calls.inputTokens()).hasValue(412 + 409 + 405);
        assertThat(calls.outputTokens()).hasValue(14 + 19 + 9);
        double expectedCost = JUDGE_PRICE.cost(Usage.of(412 + 409 + 405, 14 + 19 + 9)).getAsDouble();
        assertThat(calls.cost().totalUsd().getAsDouble()).isCloseTo(expectedCost, within(1e-12));
        assertThat(run.summary().overall().cost().knownUsd()).as("the offline candidate is free").isZero();
        Summary.ScoreStats stats = run.summary().overall().scores().get("llm_judge");
        assertThat(stats.n()).isEqualTo(2);
        assertThat(stats.errors()).isEqualTo(2);
        assertThat(stats.mean()).hasValue(0.75);
    }

    @Test
    void aSecondRunTakesGoodVerdictsFromTheCacheAndAsksAgainOnlyWhereTheCallFailed() {
        stubJudge();
        BenchmarkPlan.Builder builder = plan();
        builder.build().run();
        int before = api.getAllServeEvents().size();

        Run again = builder.build().run();

        assertThat(api.getAllServeEvents().size() - before).as("only the broken body is asked again").isEqualTo(1);
        Map<String, Score> scores = byTrial(again);
        Function<String, Boolean> cached = t -> scores.get(t).calls().get(0).cached();
        assertThat(cached.apply("complete")).isTrue();
        assertThat(cached.apply("partial")).isTrue();
        assertThat(cached.apply("broken")).isFalse();
        assertThat(scores.get("partial").value()).hasValue(0.5);
        assertThat(again.summary().overall().scorerCalls().cost().spentUsd()).isZero();
    }

    @Test
    void anUnreachableJudgeFailsTheScoresNotTheRun() {
        ModelConfig down = ModelConfig.of("openai-compatible", "judge-model").withId("down").withBaseUrl("http://127.0.0.1:9/v1");

        Run run = plan(Scorers.llmJudge(down)).retry(RetryPolicy.none()).build().run();

        assertThat(run.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(run.results()).allSatisfy(r -> {
            assertThat(r.succeeded()).isTrue();
            assertThat(r.scores().get("llm_judge").error().orElseThrow()).startsWith("judge 'down' failed (network)");
        });
    }
}
