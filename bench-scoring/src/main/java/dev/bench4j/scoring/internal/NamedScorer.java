package dev.bench4j.scoring.internal;

import dev.bench4j.core.ModelConfig;
import dev.bench4j.core.Score;
import dev.bench4j.core.spi.ScoreRequest;
import dev.bench4j.core.spi.Scorer;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletionStage;

/** Scores as its delegate under another name. */
record NamedScorer(String name, Scorer delegate) implements Scorer {

    NamedScorer {
        Names.check(name);
        Objects.requireNonNull(delegate, "delegate");
    }

    @Override
    public CompletionStage<Score> score(ScoreRequest request) {
        return delegate.score(request);
    }

    @Override
    public List<ModelConfig> models() {
        return delegate.models();
    }

    @Override
    public Map<String, Object> settings() {
        return delegate.settings();
    }
}
