package dev.bench4j.core.internal.run;

import dev.bench4j.core.RunListener;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers listener events in order on one thread of their own, so listeners never block the
 * pipeline; a listener that throws is logged and skipped. With no listeners nothing is started.
 */
final class ListenerDispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(ListenerDispatcher.class);

    private final List<RunListener> listeners;
    private final ExecutorService thread;

    ListenerDispatcher(List<RunListener> listeners, String runId) {
        this.listeners = listeners;
        this.thread = listeners.isEmpty() ? null : new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
                new LinkedBlockingQueue<>(), r -> {
                    Thread t = new Thread(RunExecution.withRunId(runId, r), "bench4j-listeners-" + runId);
                    t.setDaemon(true);
                    return t;
                });
    }

    /** @return whether any listener is registered */
    boolean active() {
        return thread != null;
    }

    /**
     * Delivers an event to every listener, later, on the listener thread.
     *
     * @param event calls one listener method
     */
    void emit(Consumer<RunListener> event) {
        if (thread == null) {
            return;
        }
        thread.execute(() -> {
            for (RunListener l : listeners) {
                try {
                    event.accept(l);
                } catch (RuntimeException | LinkageError e) {
                    LOG.warn("Run listener {} threw; ignoring it: {}", l.getClass().getName(), e.toString());
                }
            }
        });
    }

    /**
     * Delivers the queued events, waiting up to 10 seconds for slow listeners, then stops the
     * thread; so a run's listeners have seen its end before the run is returned.
     */
    void close() {
        if (thread == null) {
            return;
        }
        thread.shutdown();
        try {
            if (!thread.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warn("Run listeners are still busy after 10 s; not waiting for them any longer");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
