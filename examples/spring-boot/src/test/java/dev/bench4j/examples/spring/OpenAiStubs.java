package dev.bench4j.examples.spring;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * OpenAI Chat Completions answers for the five trials of {@code benchmarks/conditions}, as OpenAI
 * sends them (the body of {@code openai/chat-completion.json} with the answer put in). Every answer
 * is right but the one about asthma, which also lists the drug: set_f1 is 2/3 there, 1 elsewhere.
 */
final class OpenAiStubs {

    /** The mean set_f1 of every run against these stubs: (4 × 1 + 2/3) / 5. */
    static final double SET_F1_MEAN = (4 + 2.0 / 3) / 5;

    private static final Map<String, String> ANSWERS = Map.of(
            "metformin", "{\"conditions\": [\"type 2 diabetes\", \"obesity\"]}",
            "low-sodium", "{\"conditions\": [\"hypertension\", \"chronic kidney disease\"]}",
            "budesonide", "{\"conditions\": [\"asthma\", \"budesonide\"]}",
            "Cognitive behavioural", "{\"conditions\": [\"major depressive disorder\", \"insomnia\"]}",
            "Apixaban", "{\"conditions\": [\"atrial fibrillation\", \"ischemic stroke\"]}");

    private OpenAiStubs() {
    }

    /**
     * Returns one stub per trial, answering requests for the model that carry the key.
     *
     * @param apiKey the key the request must send as {@code Authorization: Bearer}; empty: no such header
     * @param model the model asked for, which the answers name
     * @param delayMillis how long each answer takes
     * @return the stubs
     */
    static List<MappingBuilder> conditions(Optional<String> apiKey, String model, int delayMillis) {
        ObjectMapper json = new ObjectMapper();
        return ANSWERS.entrySet().stream()
                .map(e -> post(urlEqualTo("/v1/chat/completions"))
                        .withHeader("Authorization", apiKey.map(key -> equalTo("Bearer " + key)).orElseGet(WireMock::absent))
                        .withRequestBody(matchingJsonPath("$.model", equalTo(model)))
                        .withRequestBody(containing(e.getKey()))
                        .willReturn(okJson(completion(json, model, e.getValue())).withFixedDelay(delayMillis)))
                .toList();
    }

    private static String completion(ObjectMapper json, String model, String content) {
        try (InputStream in = OpenAiStubs.class.getResourceAsStream("/openai/chat-completion.json")) {
            ObjectNode body = (ObjectNode) json.readTree(in);
            body.put("model", model);
            ((ObjectNode) body.get("choices").get(0).get("message")).put("content", content);
            return json.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
