package dev.bench4j.providers.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.message.BasicHeader;
import org.junit.jupiter.api.Test;

/** HttpReply over a response's own headers reads them as the map of lower-cased names to first values. */
class HttpReplyTest {

    private static final Header[] RECEIVED = {
        new BasicHeader("Content-Type", "application/json"),
        new BasicHeader("Retry-After", "1"),
        new BasicHeader("retry-after", "2"),
        new BasicHeader("X-RateLimit-Reset-Requests", "6m0s"),
        new BasicHeader("X-Ünïcode", "ü"),
        new BasicHeader("X-\u0130d", "dotted"),
        new BasicHeader("x-empty", ""),
    };

    /** The map the transport used to build: every name lower-cased, the first value kept. */
    private static Map<String, String> lowerCased(Header[] headers) {
        Map<String, String> map = new HashMap<>();
        for (Header h : headers) {
            map.putIfAbsent(h.getName().toLowerCase(Locale.ROOT), h.getValue());
        }
        return Map.copyOf(map);
    }

    @Test
    void readsLikeTheLowerCasedMapOfFirstValues() {
        HttpReply reply = HttpReply.of(429, RECEIVED, new byte[0]);
        Map<String, String> expected = lowerCased(RECEIVED);

        assertThat(reply.headers()).isEqualTo(expected).hasSameHashCodeAs(expected).hasSize(expected.size());
        for (Header h : RECEIVED) {
            String lower = h.getName().toLowerCase(Locale.ROOT);
            assertThat(reply.headers().get(lower)).as(lower).isEqualTo(expected.get(lower));
            assertThat(reply.header(h.getName())).as(h.getName()).contains(expected.get(lower));
            String upper = h.getName().toUpperCase(Locale.ROOT);
            assertThat(reply.header(upper)).as(upper).isEqualTo(Optional.ofNullable(expected.get(upper.toLowerCase(Locale.ROOT))));
            if (!lower.equals(h.getName())) {
                assertThat(reply.headers().get(h.getName())).as("not lower-case: %s", h.getName())
                        .isEqualTo(expected.get(h.getName()));
            }
        }
        assertThat(reply.header("retry-after")).contains("1");
        assertThat(reply.header("x-empty")).contains("");
        assertThat(reply.header("x-missing")).isEmpty();
        assertThat(reply.headers().get(42)).isNull();
        assertThat(reply.headers().containsKey("x-ünïcode")).isTrue();
    }

    @Test
    void aReplyMadeFromAMapStillCopiesIt() {
        Map<String, String> headers = new HashMap<>(Map.of("retry-after", "3"));
        HttpReply reply = new HttpReply(503, headers, new byte[0]);
        headers.put("retry-after", "9");

        assertThat(reply.header("Retry-After")).contains("3");
        assertThat(reply).isEqualTo(new HttpReply(503, Map.of("retry-after", "3"), reply.body()));
    }
}
