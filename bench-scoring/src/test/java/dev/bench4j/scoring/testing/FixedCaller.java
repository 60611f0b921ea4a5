package dev.bench4j.scoring.testing;

import dev.bench4j.core.Message;
import dev.bench4j.core.ModelConfig;
import dev.bench4j.core.Result;
import dev.bench4j.core.spi.ModelCaller;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** A judge caller for tests: answers every call with one result and keeps the messages it was sent. */
public final class FixedCaller implements ModelCaller {

    /** The messages of each call, in order. */
    public final List<List<Message>> sent = new ArrayList<>();
    private final Result answer;

    /**
     * Creates a caller answering with {@code answer}.
     *
     * @param answer the result of every call
     */
    public FixedCaller(Result answer) {
        this.answer = answer;
    }

    @Override
    public CompletableFuture<Result> call(ModelConfig config, List<Message> messages) {
        sent.add(messages);
        return CompletableFuture.completedFuture(answer);
    }
}
