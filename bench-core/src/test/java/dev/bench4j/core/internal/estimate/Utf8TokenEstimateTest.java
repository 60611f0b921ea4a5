package dev.bench4j.core.internal.estimate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bench4j.core.Message;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The fallback estimate: a share of a token per character by its UTF-8 length, plus the chat format's framing. */
class Utf8TokenEstimateTest {

    @Test
    void asciiTextCountsAQuarterTokenPerCharacterRoundedUp() {
        assertThat(Utf8TokenEstimate.text("")).isZero();
        assertThat(Utf8TokenEstimate.text("abcd")).isEqualTo(1);
        assertThat(Utf8TokenEstimate.text("abcde")).isEqualTo(2);
        assertThat(Utf8TokenEstimate.text("tiktoken is great!")).isEqualTo(5);   // 18 bytes; o200k_base: 6
    }

    @Test
    void nonAsciiTextCountsByEachCharactersEncodedLength() {
        String japanese = "お誕生日おめでとう";   // 9 characters of 3 bytes; o200k_base: 8 tokens, cl100k_base: 9
        String cyrillic = "Привет";   // 6 characters of 2 bytes
        String emoji = "😀";   // a surrogate pair, 4 bytes

        assertThat(japanese.getBytes(StandardCharsets.UTF_8)).hasSize(27);
        assertThat(Utf8TokenEstimate.text(japanese)).isEqualTo(7);   // 9 × 3/4 = 6.75
        assertThat(Utf8TokenEstimate.text(cyrillic)).isEqualTo(2);   // 6 × 1/3
        assertThat(Utf8TokenEstimate.text(cyrillic + "!")).isEqualTo(3);   // 2 + 1/4, rounded up
        assertThat(Utf8TokenEstimate.text(emoji + emoji)).isEqualTo(2);
        assertThat(Utf8TokenEstimate.text("\uD800abc")).isEqualTo(2);   // an unpaired surrogate counts 3/4, "abc" 3/4
    }

    @Test
    void aRequestAddsFourTokensPerMessageAndThreeForTheReply() {
        List<Message> messages = List.of(Message.system("You are terse."), Message.user("Hello there!"));

        // 14 bytes -> 4, 12 bytes -> 3; 3 + (4 + 4) + (4 + 3)
        assertThat(Utf8TokenEstimate.INSTANCE.count(messages)).isEqualTo(18);
        assertThat(Utf8TokenEstimate.INSTANCE.exact()).isFalse();
        assertThat(Utf8TokenEstimate.INSTANCE.name()).isEqualTo("utf8-estimate");
    }
}
