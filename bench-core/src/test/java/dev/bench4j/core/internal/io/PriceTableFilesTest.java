package dev.bench4j.core.internal.io;

import static dev.bench4j.core.testing.TestFiles.fixture;
import static dev.bench4j.core.testing.TestFiles.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bench4j.core.InvalidPlanException;
import dev.bench4j.core.Price;
import dev.bench4j.core.PriceTable;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Reading price tables and the bundled one: {@link PriceTableFiles}. */
class PriceTableFilesTest {

    @TempDir
    Path dir;

    private Path table(String prices) {
        return write(dir, "prices.json", "{\"schema\": \"bench4j.prices/1\", \"as_of\": \"2025-06-30\", \"prices\": " + prices + "}");
    }

    @Test
    void bundledTableHasTheExactPriceOfAListedModel() {
        assertThat(PriceTableFiles.bundled().lookup("openai", "gpt-4o-mini"))
                .contains(Price.perMillionTokens(0.15, 0.60).withCachedInput(0.075));
        assertThat(PriceTableFiles.bundled().lookup("anthropic", "claude-sonnet-4"))
                .contains(Price.perMillionTokens(3, 15).withCachedInput(0.30));
        assertThat(PriceTableFiles.bundled().lookup("openai", "gpt-6.2-sol"))
                .contains(Price.perMillionTokens(2, 10).withCachedInput(0.10));
    }

    @Test
    void bundledTableGivesADatedModelNameThePriceOfItsUndatedName() {
        PriceTable t = PriceTableFiles.bundled();

        assertThat(t.lookup("openai", "gpt-4o-mini-2024-07-18")).isEqualTo(t.lookup("openai", "gpt-4o-mini")).isPresent();
        assertThat(t.lookup("anthropic", "claude-sonnet-4-20250514")).isEqualTo(t.lookup("anthropic", "claude-sonnet-4"))
                .isPresent();
        assertThat(t.lookup("anthropic", "claude-haiku-4-5-20251001")).isEqualTo(t.lookup("anthropic", "claude-haiku-4-5"))
                .isPresent();
        assertThat(t.lookup("xai", "grok-4-0709")).isEqualTo(t.lookup("xai", "grok-4")).isPresent();
    }

    @Test
    void bundledTableHasNoPriceForAnUnknownModelOrProvider() {
        assertThat(PriceTableFiles.bundled().lookup("openai", "gpt-99")).isEmpty();
        assertThat(PriceTableFiles.bundled().lookup("openai", "gpt-4o-mini-preview")).isEmpty();
        assertThat(PriceTableFiles.bundled().lookup("nobody", "gpt-4o")).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
        "openai, gpt-6.2-astra", "openai, gpt-6.2-sol", "openai, gpt-6.1-terra", "openai, gpt-6-luna",
        "openai, gpt-5.6-sol", "openai, gpt-5.5", "openai, gpt-5.4-mini", "openai, gpt-5.2",
        "openai, gpt-4o", "openai, gpt-4o-mini", "openai, gpt-4.1", "openai, gpt-4.1-mini", "openai, gpt-4.1-nano",
        "openai, o3", "openai, o4-mini", "openai, o3-mini", "openai, gpt-5", "openai, gpt-5-mini", "openai, gpt-5-nano",
        "anthropic, claude-fable-5-1", "anthropic, claude-opus-5-5", "anthropic, claude-sonnet-5-5",
        "anthropic, claude-haiku-5-5", "anthropic, claude-opus-4-1", "anthropic, claude-sonnet-4",
        "anthropic, claude-sonnet-4-5", "anthropic, claude-3-7-sonnet", "anthropic, claude-haiku-4-5",
        "anthropic, claude-3-5-haiku",
        "gemini, gemini-4-argon", "gemini, gemini-3.8-flash", "gemini, gemini-3.1-pro-preview",
        "gemini, gemini-2.5-pro", "gemini, gemini-2.5-flash", "gemini, gemini-2.5-flash-lite", "gemini, gemini-2.0-flash",
        "xai, grok-4.7", "xai, grok-4-fast-reasoning", "xai, grok-code-fast-1",
        "xai, grok-4", "xai, grok-3", "xai, grok-3-mini"})
    void bundledTablePricesEveryModelItPromisesWithCachedInputCheaperThanInput(String provider, String model) {
        Price p = PriceTableFiles.bundled().prices().get(provider).get(model);

        assertThat(p).isNotNull();
        assertThat(p.outputPerMillion()).isGreaterThan(p.inputPerMillion());
        assertThat(p.cachedInputPerMillion().getAsDouble()).isLessThan(p.inputPerMillion());
    }

    @Test
    void bundledTableIsReadOnceAndLeavesFreeProvidersOut() {
        PriceTable t = PriceTableFiles.bundled();

        assertThat(PriceTableFiles.bundled()).isSameAs(t);
        assertThat(t.asOf()).isEqualTo(LocalDate.of(2026, 11, 18));
        assertThat(t.prices()).containsOnlyKeys("openai", "anthropic", "gemini", "xai");
    }

    @Test
    void readsATableFileWithProviderNamesInAnyCase() {
        PriceTable t = PriceTableFiles.read(fixture("prices.json"));

        assertThat(t.asOf()).isEqualTo(LocalDate.of(2025, 6, 30));
        assertThat(t.prices()).isEqualTo(Map.of(
                "openai", Map.of("gpt-4o-mini", Price.perMillionTokens(0.15, 0.6).withCachedInput(0.075)),
                "acme", Map.of("rocket-1", Price.perMillionTokens(1, 2))));
    }

    @Test
    void refusesAnotherSchema() {
        Path file = write(dir, "prices.json", "{\"schema\": \"bench4j.prices/2\", \"as_of\": \"2025-06-30\", \"prices\": []}");

        assertThatThrownBy(() -> PriceTableFiles.read(file)).isInstanceOf(InvalidPlanException.class)
                .hasMessage(file + ": field 'schema' must be \"bench4j.prices/1\" but was \"bench4j.prices/2\"");
    }

    @Test
    void refusesADateNotWrittenAsYearMonthDay() {
        Path file = write(dir, "prices.json", "{\"schema\": \"bench4j.prices/1\", \"as_of\": \"30/06/2025\", \"prices\": []}");

        assertThatThrownBy(() -> PriceTableFiles.read(file))
                .hasMessage(file + ": field 'as_of' must be a date like \"2025-11-01\" but was \"30/06/2025\"");
    }

    @Test
    void refusesATableWithoutPrices() {
        Path file = write(dir, "prices.json", "{\"schema\": \"bench4j.prices/1\", \"as_of\": \"2025-06-30\"}");

        assertThatThrownBy(() -> PriceTableFiles.read(file)).hasMessage(file + ": missing field 'prices'");
    }

    @Test
    void refusesANegativePriceNamingTheEntry() {
        Path file = table("[{\"provider\": \"a\", \"model\": \"m\", \"input\": 1, \"output\": -0.5}]");

        assertThatThrownBy(() -> PriceTableFiles.read(file))
                .hasMessage(file + ": field 'prices[0].output' must be a number >= 0 but was -0.5");
    }

    @Test
    void refusesAnEntryWithoutModel() {
        Path file = table("[{\"provider\": \"a\", \"input\": 1, \"output\": 2}]");

        assertThatThrownBy(() -> PriceTableFiles.read(file)).hasMessage(file + ": missing field 'prices[0].model'");
    }

    @Test
    void refusesAnUnknownFieldInAnEntry() {
        Path file = table("[{\"provider\": \"a\", \"model\": \"m\", \"input\": 1, \"output\": 2, \"cache_read\": 0.1}]");

        assertThatThrownBy(() -> PriceTableFiles.read(file)).hasMessage(file
                + ": unknown field 'prices[0].cache_read'; allowed fields are provider, model, input, output, cached_input");
    }

    @Test
    void refusesAModelPricedTwiceNamingBothEntries() {
        Path file = table("[{\"provider\": \"OpenAI\", \"model\": \"m\", \"input\": 1, \"output\": 2},"
                + " {\"provider\": \"openai\", \"model\": \"m\", \"input\": 3, \"output\": 4}]");

        assertThatThrownBy(() -> PriceTableFiles.read(file))
                .hasMessage(file + ": prices[1] repeats provider 'openai' model 'm', already priced at prices[0]");
    }

    @Test
    void rejectsANullFile() {
        assertThatThrownBy(() -> PriceTableFiles.read(null)).isInstanceOf(NullPointerException.class).hasMessage("file");
    }
}
