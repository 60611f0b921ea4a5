package dev.bench4j.core.internal.replay;

import dev.bench4j.core.ErrorKind;
import dev.bench4j.core.spi.CallException;
import dev.bench4j.core.spi.ModelProvider;
import dev.bench4j.core.spi.ModelRequest;
import dev.bench4j.core.spi.ModelResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

/** Answers from recordings; see {@link ReplayProviderFactory}. */
final class ReplayProvider implements ModelProvider {

    private final Path baseDirectory;
    private final Map<Path, Recordings> files = new ConcurrentHashMap<>();
    private final Map<String, Path> fileByConfig = new ConcurrentHashMap<>();

    ReplayProvider(Path baseDirectory) {
        this.baseDirectory = baseDirectory;
    }

    @Override
    public CompletionStage<ModelResponse> call(ModelRequest request) {
        Path file = fileByConfig.computeIfAbsent(request.config().id(),
                id -> ReplayProviderFactory.recordingsFile(request.config(), baseDirectory));
        Recordings recordings = files.computeIfAbsent(file, Recordings::read);
        Optional<Recording> found = recordings.find(request.config(), request.cell(), request.grades());
        if (found.isEmpty()) {
            var cell = request.grades().orElse(request.cell());
            return CompletableFuture.failedFuture(new CallException(ErrorKind.NO_RECORDING, "no recording in "
                    + file.getFileName() + " for model '" + request.config().id() + "'"
                    + (request.config().id().equals(request.config().model()) ? "" : " (or '" + request.config().model() + "')")
                    + request.grades().map(g -> " grading model '" + g.model() + "'").orElse("")
                    + ", trial '" + cell.trial() + "', prompt '" + cell.prompt() + "', repetition " + cell.repetition()));
        }
        Recording r = found.get();
        ModelResponse response = ModelResponse.of(r.output(), r.finishReason(), r.usage());
        if (r.rawFinishReason().isPresent()) {
            response = response.withRawFinishReason(r.rawFinishReason().get());
        }
        if (r.modelVersion().isPresent()) {
            response = response.withModelVersion(r.modelVersion().get());
        }
        return CompletableFuture.completedFuture(response);
    }
}
