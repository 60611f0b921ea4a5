package dev.bench4j.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A price table finds a model's price exactly, or by its undated name, and otherwise finds none. */
class PriceTableTest {

    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 1);
    private static final Price GPT_4O = Price.perMillionTokens(2.5, 10);
    private static final Price GPT_4O_MINI = Price.perMillionTokens(0.15, 0.6);
    private static final Price GPT_4 = Price.perMillionTokens(30, 60);
    private static final Price SONNET = Price.perMillionTokens(3, 15);
    private static final Price FLASH = Price.perMillionTokens(0.1, 0.4);

    private static PriceTable table() {
        return new PriceTable(AS_OF, Map.of(
                "openai", Map.of("gpt-4o", GPT_4O, "gpt-4o-mini", GPT_4O_MINI, "gpt-4", GPT_4),
                "anthropic", Map.of("claude-sonnet-4", SONNET),
                "gemini", Map.of("gemini-2.0-flash", FLASH)));
    }

    @Test
    void asOfIsKept() {
        assertThat(table().asOf()).isEqualTo(AS_OF);
    }

    @Test
    void listedModelIsFoundExactly() {
        assertThat(table().lookup("openai", "gpt-4o")).hasValue(GPT_4O);
        assertThat(table().lookup("openai", "gpt-4o-mini")).hasValue(GPT_4O_MINI);
    }

    @Test
    void providerIsMatchedIgnoringCase() {
        assertThat(table().lookup("OpenAI", "gpt-4o")).hasValue(GPT_4O);
        PriceTable upper = new PriceTable(AS_OF, Map.of("OpenAI", Map.of("gpt-4o", GPT_4O)));
        assertThat(upper.lookup("openai", "gpt-4o")).hasValue(GPT_4O);
    }

    @Test
    void isoDatedNameFallsBackToTheUndatedName() {
        assertThat(table().lookup("openai", "gpt-4o-mini-2024-07-18")).hasValue(GPT_4O_MINI);
        assertThat(table().lookup("openai", "gpt-4o-2024-08-06")).hasValue(GPT_4O);
    }

    @Test
    void aResourceNameWithModelsPrefixFindsTheModel() {
        assertThat(table().lookup("openai", "models/gpt-4o")).hasValue(GPT_4O);
        assertThat(PriceTable.bundled().lookup("gemini", "models/gemini-2.5-flash"))
                .isEqualTo(PriceTable.bundled().lookup("gemini", "gemini-2.5-flash")).isPresent();
    }

    @Test
    void compactDatedNameFallsBackToTheUndatedName() {
        assertThat(table().lookup("anthropic", "claude-sonnet-4-20250514")).hasValue(SONNET);
    }

    @Test
    void numberedVersionFallsBackToTheUnversionedName() {
        assertThat(table().lookup("gemini", "gemini-2.0-flash-001")).hasValue(FLASH);
        assertThat(table().lookup("openai", "gpt-4-0613")).hasValue(GPT_4);
    }

    @Test
    void latestSuffixFallsBackToTheBareName() {
        assertThat(table().lookup("openai", "gpt-4o-mini-latest")).hasValue(GPT_4O_MINI);
    }

    @Test
    void nonDateSuffixDoesNotFallBack() {
        assertThat(table().lookup("openai", "gpt-4o-mini-tts")).isEmpty();
        assertThat(table().lookup("openai", "gpt-4o-audio-preview")).isEmpty();
        assertThat(table().lookup("anthropic", "claude-sonnet-4-5")).isEmpty();
    }

    @Test
    void anOwnEntryForADatedNameWinsOverTheFallback() {
        Price dated = Price.perMillionTokens(5, 15);
        PriceTable t = new PriceTable(AS_OF, Map.of("openai", Map.of("gpt-4o", GPT_4O, "gpt-4o-2024-05-13", dated)));

        assertThat(t.lookup("openai", "gpt-4o-2024-05-13")).hasValue(dated);
        assertThat(t.lookup("openai", "gpt-4o-2024-08-06")).hasValue(GPT_4O);
    }

    @Test
    void unlistedModelOrProviderHasNoPrice() {
        assertThat(table().lookup("openai", "o3")).isEmpty();
        assertThat(table().lookup("mistral", "gpt-4o")).isEmpty();
    }

    @Test
    void pricesAreCopiedSoTheCallersMapsDoNotLeakIn() {
        Map<String, Price> openai = new HashMap<>(Map.of("gpt-4o", GPT_4O));
        Map<String, Map<String, Price>> byProvider = new HashMap<>(Map.of("openai", openai));
        PriceTable t = new PriceTable(AS_OF, byProvider);

        openai.put("gpt-4o-mini", GPT_4O_MINI);
        byProvider.put("anthropic", Map.of("claude-sonnet-4", SONNET));

        assertThat(t.lookup("openai", "gpt-4o-mini")).isEmpty();
        assertThat(t.lookup("anthropic", "claude-sonnet-4")).isEmpty();
        assertThat(t.prices()).containsOnlyKeys("openai");
    }

    @Test
    void pricesAreUnmodifiable() {
        PriceTable t = table();

        assertThatThrownBy(() -> t.prices().put("x", Map.of())).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> t.prices().get("openai").put("x", Price.FREE))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void nullArgumentsAreRefusedNamingTheParameter() {
        assertThatThrownBy(() -> new PriceTable(null, Map.of()))
                .isInstanceOf(NullPointerException.class).hasMessage("asOf");
        assertThatThrownBy(() -> new PriceTable(AS_OF, null))
                .isInstanceOf(NullPointerException.class).hasMessage("prices");
    }

    @Test
    void nullLookupArgumentsAreRefusedNamingTheParameter() {
        assertThatThrownBy(() -> table().lookup(null, "gpt-4o"))
                .isInstanceOf(NullPointerException.class).hasMessage("provider");
        assertThatThrownBy(() -> table().lookup("openai", null))
                .isInstanceOf(NullPointerException.class).hasMessage("model");
    }
}
