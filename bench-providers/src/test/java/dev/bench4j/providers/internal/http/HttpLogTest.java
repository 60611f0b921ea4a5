package dev.bench4j.providers.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.hc.core5.http.message.BasicHeader;
import org.junit.jupiter.api.Test;

/** HttpLog: which headers are secret, and how a header is written to the debug log. */
class HttpLogTest {

    @Test
    void theKeyHeadersOfEveryProviderAreRedactedKeepingTheSchemeWord() {
        assertThat(HttpLog.format(new BasicHeader("Authorization", "Bearer sk-abc"))).isEqualTo("Authorization: Bearer ***");
        assertThat(HttpLog.format(new BasicHeader("x-api-key", "sk-ant-abc"))).isEqualTo("x-api-key: ***");
        assertThat(HttpLog.format(new BasicHeader("x-goog-api-key", "AIzaabc"))).isEqualTo("x-goog-api-key: ***");
        assertThat(HttpLog.format(new BasicHeader("api-key", "abc"))).isEqualTo("api-key: ***");
        assertThat(HttpLog.format(new BasicHeader("Set-Cookie", "session=abc; Path=/"))).isEqualTo("Set-Cookie: ***");
        assertThat(HttpLog.format(new BasicHeader("X-Custom-Token", "abc"))).isEqualTo("X-Custom-Token: ***");
        assertThat(HttpLog.format(new BasicHeader("Cookie", "a=sk-abc def"))).isEqualTo("Cookie: ***");
        assertThat(HttpLog.format(new BasicHeader("Authorization", "sk-abc def"))).isEqualTo("Authorization: ***");
    }

    @Test
    void aHeaderMarkedSensitiveIsRedactedWhateverItsName() {
        assertThat(HttpLog.format(new BasicHeader("X-Whatever", "Basic dXNlcjpwYXNz", true))).isEqualTo("X-Whatever: Basic ***");
    }

    @Test
    void otherHeadersAreLoggedAsTheyAre() {
        assertThat(HttpLog.format(new BasicHeader("Content-Type", "application/json"))).isEqualTo("Content-Type: application/json");
        assertThat(HttpLog.format(new BasicHeader("anthropic-ratelimit-tokens-remaining", "8000")))
                .isEqualTo("anthropic-ratelimit-tokens-remaining: 8000");
        assertThat(HttpLog.format(new BasicHeader("Retry-After", "18"))).isEqualTo("Retry-After: 18");
    }
}
