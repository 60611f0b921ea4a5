package dev.bench4j.examples.cli;

import dev.bench4j.core.Progress;
import dev.bench4j.core.RunHandle;
import java.io.PrintStream;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * A live progress line on an interactive terminal, redrawn five times a second from the run's
 * progress snapshot; nothing at all when the output is not a terminal.
 */
final class ProgressLine implements AutoCloseable {

    private static final int BAR = 24;

    private final RunHandle handle;
    private final PrintStream out;
    private final Terminal terminal;
    private final ScheduledExecutorService ticker;

    ProgressLine(RunHandle handle, PrintStream out, Terminal terminal) {
        this.handle = handle;
        this.out = out;
        this.terminal = terminal;
        if (terminal.interactive()) {
            ticker = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "bench-progress");
                t.setDaemon(true);
                return t;
            });
            ticker.scheduleAtFixedRate(this::draw, 0, 200, TimeUnit.MILLISECONDS);
        } else {
            ticker = null;
        }
    }

    private void draw() {
        out.print("\r" + render(handle.progress(), terminal) + "\u001b[K");
        out.flush();
    }

    /**
     * Renders one progress line, e.g.
     * {@code [#########...............] 312/800 cells  ok 310  failed 2  cached 0  retries 3  41,230 tok  $0.0123  12.4 s  ETA 19.3 s},
     * followed by {@code concurrency 16} while adaptive concurrency holds an endpoint below its
     * configured limit (with each endpoint's name when several are).
     *
     * @param p the progress
     * @param t the terminal (for colours)
     * @return the line
     */
    static String render(Progress p, Terminal t) {
        int filled = (int) Math.round(p.fractionDone() * BAR);
        String bar = "#".repeat(filled) + ".".repeat(BAR - filled);
        StringBuilder sb = new StringBuilder()
                .append('[').append(bar).append("] ")
                .append(Format.count(p.done())).append('/').append(Format.count(p.totalCells())).append(" cells  ")
                .append(t.green("ok " + Format.count(p.succeeded()))).append("  ")
                .append(p.failed() > 0 ? t.red("failed " + Format.count(p.failed())) : "failed 0").append("  ")
                .append("cached ").append(Format.count(p.cached())).append("  ")
                .append("retries ").append(Format.count(p.retries())).append("  ")
                .append(Format.count(p.inputTokens() + p.outputTokens())).append(" tok  ")
                .append(Format.usd(p.costUsd())).append("  ")
                .append(Format.duration(p.elapsed()));
        p.eta().ifPresent(eta -> sb.append("  ETA ").append(Format.duration(eta)));
        if (!p.loweredConcurrency().isEmpty()) {
            sb.append("  ").append(t.yellow("concurrency " + p.loweredConcurrency().entrySet().stream()
                    .map(e -> (p.loweredConcurrency().size() == 1 ? "" : Terminal.clean(e.getKey()) + " ") + e.getValue())
                    .collect(Collectors.joining(", "))));
        }
        return sb.toString();
    }

    @Override
    public void close() {
        if (ticker != null) {
            ticker.shutdownNow();
            try {
                ticker.awaitTermination(1, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            draw();
            out.println();
        }
    }
}
