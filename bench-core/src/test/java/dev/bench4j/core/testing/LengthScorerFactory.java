package dev.bench4j.core.testing;

import dev.bench4j.core.Score;
import dev.bench4j.core.spi.Scorer;
import dev.bench4j.core.spi.ScorerFactory;
import java.util.Map;

/** A scorer type {@code length} registered on the test class path: the output's length, or more with option {@code plus}. */
public final class LengthScorerFactory implements ScorerFactory {

    @Override
    public String type() {
        return "length";
    }

    @Override
    public Scorer create(Map<String, Object> options) {
        for (String key : options.keySet()) {
            if (!key.equals("plus")) {
                throw new IllegalArgumentException("unknown option '" + key + "'; length takes plus");
            }
        }
        long plus = options.get("plus") instanceof Long l ? l : 0;
        return Scorer.of("length", r -> Score.of(r.output().length() + plus));
    }
}
