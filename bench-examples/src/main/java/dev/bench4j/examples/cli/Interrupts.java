package dev.bench4j.examples.cli;

import dev.bench4j.core.RunHandle;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Turns Ctrl-C (SIGINT) and SIGTERM during {@code bench run} into a cancelled run: the first signal
 * cancels the run (calls in flight are abandoned, finished results kept, the store records it as
 * {@code cancelled}) and lets the command print its summary and the resume command; a second signal
 * ends the process at once, as the JVM would have. Where the JVM offers no signal handlers, a
 * shutdown hook cancels the run instead (no summary then, and the exit code is the JVM's).
 */
final class Interrupts implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Interrupts.class);
    private static final List<String> SIGNALS = List.of("INT", "TERM");

    private final RunHandle handle;
    private final Map<Signal, SignalHandler> previous = new HashMap<>();
    private final AtomicReference<String> received = new AtomicReference<>();
    private Thread hook;

    private Interrupts(RunHandle handle) {
        this.handle = handle;
    }

    /**
     * Starts catching the signals for a run.
     *
     * @param handle the run to cancel on the first signal
     * @return the catcher; close it when the run has ended
     */
    static Interrupts install(RunHandle handle) {
        Interrupts i = new Interrupts(handle);
        try {
            for (String name : SIGNALS) {
                Signal signal = new Signal(name);
                i.previous.put(signal, Signal.handle(signal, i::onSignal));
            }
        } catch (IllegalArgumentException | UnsupportedOperationException | LinkageError e) {
            LOG.debug("No signal handlers here ({}); a shutdown hook cancels the run instead", e.toString());
            i.restore();
            i.hook = new Thread(() -> {
                handle.cancel();
                handle.await(Duration.ofSeconds(10));
            }, "bench-cancel");
            Runtime.getRuntime().addShutdownHook(i.hook);
        }
        return i;
    }

    private void onSignal(Signal signal) {
        if (received.compareAndSet(null, signal.getName())) {
            restore();   // a second signal ends the process as usual
            handle.cancel("stopped by SIG" + signal.getName());
        }
    }

    /**
     * Returns the signal that cancelled the run.
     *
     * @return {@code INT} or {@code TERM}, or empty if none came
     */
    Optional<String> signal() {
        return Optional.ofNullable(received.get());
    }

    /**
     * Returns the exit code a shell expects after the signal: 128 + its number.
     *
     * @return 130 for SIGINT, 143 for SIGTERM, or empty if no signal came
     */
    Optional<Integer> exitCode() {
        return signal().map(s -> s.equals("INT") ? 130 : 143);
    }

    private synchronized void restore() {
        previous.forEach((signal, handler) -> {
            try {
                Signal.handle(signal, handler);
            } catch (IllegalArgumentException e) {
                LOG.debug("Could not restore the handler of SIG{}: {}", signal.getName(), e.toString());
            }
        });
        previous.clear();
    }

    /** Stops catching the signals. */
    @Override
    public void close() {
        restore();
        if (hook != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is cancelling the run
            }
        }
    }
}
