package dev.bench4j.core.internal.replay;

import dev.bench4j.core.ModelConfig;
import dev.bench4j.core.spi.ModelProvider;
import dev.bench4j.core.spi.ModelProviderFactory;
import dev.bench4j.core.spi.ProviderContext;
import java.nio.file.Path;

/**
 * The {@code replay} provider: answers each cell from a JSON Lines file of recorded responses
 * (param {@code recordings}, a path resolved against the plan's folder). A cell with no recording
 * fails with {@code no_recording}. Its answers depend on the cell, not the request, so it is never
 * cached; it has no price of its own (set one on the config to cost the recorded usage).
 */
public final class ReplayProviderFactory implements ModelProviderFactory {

    static final String RECORDINGS = "recordings";

    @Override
    public String name() {
        return "replay";
    }

    @Override
    public ModelProvider create(ProviderContext context) {
        return new ReplayProvider(context.baseDirectory());
    }

    @Override
    public void validate(ModelConfig config, Path baseDirectory) {
        Recordings.read(recordingsFile(config, baseDirectory));
    }

    @Override
    public boolean cacheable() {
        return false;
    }

    /** A local provider never sheds load: its calls keep the configured concurrency. */
    @Override
    public boolean shedsLoad() {
        return false;
    }

    static Path recordingsFile(ModelConfig config, Path baseDirectory) {
        for (String key : config.extras().keySet()) {
            if (!key.equals(RECORDINGS)) {
                throw new IllegalArgumentException("the replay provider has no param '" + key + "'; it takes recordings");
            }
        }
        Object path = config.extras().get(RECORDINGS);
        if (path == null) {
            throw new IllegalArgumentException("the replay provider needs the param 'recordings': the path of a JSON Lines "
                    + "file of {model, trial, prompt?, output, usage?} records");
        }
        if (!(path instanceof String s) || s.isBlank()) {
            throw new IllegalArgumentException("the replay param 'recordings' must be a file path but was " + path);
        }
        return baseDirectory.resolve(s).normalize();
    }
}
