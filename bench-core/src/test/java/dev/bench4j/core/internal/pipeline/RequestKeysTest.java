package dev.bench4j.core.internal.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bench4j.core.CellId;
import dev.bench4j.core.Message;
import dev.bench4j.core.ModelConfig;
import dev.bench4j.core.Secret;
import dev.bench4j.core.spi.ModelRequest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The cache key covers everything that changes the answer and nothing that does not. */
class RequestKeysTest {

    private static final ModelConfig BASE = ModelConfig.of("openai", "gpt-4o-mini").withTemperature(0);

    private static String key(ModelConfig m, String text, String prompt, String trial, int rep) {
        return new RequestKeys(List.of(m)).key(new ModelRequest(new CellId(prompt, m.id(), trial, rep), m,
                List.of(Message.system("sys"), Message.user(text)), 1));
    }

    @Test
    void sameRequestSameKeyWhateverTheCellNames() {
        assertThat(key(BASE, "hi", "p1", "t1", 0)).isEqualTo(key(BASE, "hi", "p2", "t9", 0)).hasSize(64);
    }

    @Test
    void everyPartOfTheRequestChangesTheKey() {
        String k = key(BASE, "hi", "p", "t", 0);
        assertThat(key(BASE, "hi!", "p", "t", 0)).isNotEqualTo(k);
        assertThat(key(BASE, "hi", "p", "t", 1)).isNotEqualTo(k);
        assertThat(key(BASE.withTemperature(0.5), "hi", "p", "t", 0)).isNotEqualTo(k);
        assertThat(key(BASE.withParam("seed_extra", 1), "hi", "p", "t", 0)).isNotEqualTo(k);
        assertThat(key(BASE.withBaseUrl("http://localhost:8000/v1"), "hi", "p", "t", 0)).isNotEqualTo(k);
        assertThat(key(BASE.withModel("gpt-4o"), "hi", "p", "t", 0)).isNotEqualTo(k);
        assertThat(key(BASE.withStream(true), "hi", "p", "t", 0)).as("a streamed call records what a whole one cannot")
                .isNotEqualTo(k);
    }

    @Test
    void idAndApiKeyDoNotChangeTheKey() {
        String k = key(BASE, "hi", "p", "t", 0);
        assertThat(key(BASE.withId("mini"), "hi", "p", "t", 0)).isEqualTo(k);
        assertThat(key(BASE.withApiKey(Secret.of("sk-other")), "hi", "p", "t", 0)).isEqualTo(k);
    }

    @Test
    void extrasInAnotherOrderGiveTheSameKey() {
        ModelConfig a = BASE.withParam("a", 1).withParam("b", 2);
        ModelConfig b = BASE.withParam("b", 2).withParam("a", 1);
        assertThat(key(a, "hi", "p", "t", 0)).isEqualTo(key(b, "hi", "p", "t", 0));
    }
}
