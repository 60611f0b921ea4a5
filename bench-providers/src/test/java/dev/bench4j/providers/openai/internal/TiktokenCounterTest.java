package dev.bench4j.providers.openai.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.EncodingRegistry;
import com.knuddels.jtokkit.api.EncodingType;
import dev.bench4j.core.Message;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * The OpenAI counter against the values published in OpenAI's cookbook "How to count tokens with
 * tiktoken" (https://cookbook.openai.com/examples/how_to_count_tokens_with_tiktoken, sections 4, 5
 * and 6): token counts of sample strings per encoding, and the prompt tokens the API reported for
 * its example conversation (129 for gpt-3.5-turbo and gpt-4, 124 for gpt-4o and gpt-4o-mini).
 */
class TiktokenCounterTest {

    private static final EncodingRegistry REGISTRY = Encodings.newLazyEncodingRegistry();
    private static final TiktokenCounter O200K = TiktokenCounter.of(REGISTRY, EncodingType.O200K_BASE, true);
    private static final TiktokenCounter CL100K = TiktokenCounter.of(REGISTRY, EncodingType.CL100K_BASE, true);

    @ParameterizedTest(name = "\"{0}\": cl100k_base {1}, o200k_base {2}")
    @CsvSource({
        "tiktoken is great!, 6, 6",
        "antidisestablishmentarianism, 6, 6",
        "2 + 2 = 4, 7, 7",
        "お誕生日おめでとう, 9, 8",
    })
    void sampleStringsCountAsTheCookbookShows(String text, long cl100k, long o200k) {
        assertThat(CL100K.text(text)).isEqualTo(cl100k);
        assertThat(O200K.text(text)).isEqualTo(o200k);
    }

    private static Map<String, String> message(String role, String name, String content) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("role", role);
        if (name != null) {
            m.put("name", name);
        }
        m.put("content", content);
        return m;
    }

    /** The cookbook's example conversation (section 6). */
    private static final List<Map<String, String>> EXAMPLE = List.of(
            message("system", null, "You are a helpful, pattern-following assistant that translates corporate jargon "
                    + "into plain English."),
            message("system", "example_user", "New synergies will help drive top-line growth."),
            message("system", "example_assistant", "Things working well together will increase revenue."),
            message("system", "example_user", "Let's circle back when we have more bandwidth to touch base on "
                    + "opportunities for increased leverage."),
            message("system", "example_assistant", "Let's talk later when we're less busy about how to do better."),
            message("user", null, "This late pivot means we don't have time to boil the ocean for the client "
                    + "deliverable."));

    @Test
    void theExampleConversationCountsWhatTheApiReported() {
        assertThat(CL100K.countFields(EXAMPLE)).isEqualTo(129);   // gpt-3.5-turbo, gpt-4
        assertThat(O200K.countFields(EXAMPLE)).isEqualTo(124);    // gpt-4o, gpt-4o-mini
    }

    @Test
    void messagesCountTheirRoleAndContentWithTheFraming() {
        // 3 for the reply, then per message 3 + role (1 token) + content
        assertThat(O200K.count(List.of(Message.user("tiktoken is great!")))).isEqualTo(3 + 3 + 1 + 6);
        assertThat(O200K.count(List.of(Message.system("2 + 2 = 4"), Message.user("tiktoken is great!"))))
                .isEqualTo(3 + (3 + 1 + 7) + (3 + 1 + 6));
    }

    @Test
    void specialTokenMarkersInContentCountAsPlainText() {
        assertThat(O200K.text("<|endoftext|>")).isGreaterThan(1);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "gpt-4o, o200k_base, true",
        "gpt-4o-mini-2024-07-18, o200k_base, true",
        "chatgpt-4o-latest, o200k_base, true",
        "gpt-4.1-nano, o200k_base, true",
        "gpt-4.5-preview, o200k_base, true",
        "gpt-5, o200k_base, true",
        "gpt-5.6-terra, o200k_base, true",
        "o1, o200k_base, true",
        "o3-mini, o200k_base, true",
        "o4-mini-2025-04-16, o200k_base, true",
        "ft:gpt-4o-mini-2024-07-18:acme::abc123, o200k_base, true",
        "gpt-4, cl100k_base, true",
        "gpt-4-turbo, cl100k_base, true",
        "gpt-4-0613, cl100k_base, true",
        "gpt-3.5-turbo, cl100k_base, true",
        "GPT-3.5-Turbo-0125, cl100k_base, true",
        "gpt-6-sol, 'o200k_base, assumed', false",
    })
    void theEncodingFollowsTheModelFamily(String model, String encoding, boolean exact) {
        TiktokenCounter c = TiktokenCounter.forModel(REGISTRY, model).orElseThrow();

        assertThat(c.name()).isEqualTo(encoding);
        assertThat(c.exact()).isEqualTo(exact);
    }

    @ParameterizedTest
    @CsvSource({"llama-3.1-8b-instruct", "text-embedding-3-small", "omni-moderation-latest", "o", "gpt4"})
    void aModelThatIsNotAnOpenAiChatModelHasNoCounter(String model) {
        assertThat(TiktokenCounter.forModel(REGISTRY, model)).isEmpty();
    }
}
