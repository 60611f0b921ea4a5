package dev.bench4j.examples.cli;

import dev.bench4j.store.json.JsonRunStore;
import dev.bench4j.web.BenchServer;
import java.awt.Desktop;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code bench serve --store DIR [--port 8080] [--host 127.0.0.1] [--token T] [--open]}: the results
 * viewer and human review as a local web app over a store, until Ctrl-C. On an address that is not
 * loopback it warns, and every request needs the token (generated and printed once unless given).
 */
@Command(name = "serve", description = "Serve the results viewer and human review over a store.", mixinStandardHelpOptions = true)
final class ServeCommand implements Callable<Integer> {

    @Mixin
    StoreOption store;

    @Option(names = "--port", paramLabel = "N", defaultValue = "8080", description = "the port (default 8080; 0: any free port)")
    int port;

    @Option(names = "--host", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "the address to listen on (default 127.0.0.1; any other needs the token)")
    String host;

    @Option(names = "--token", paramLabel = "T", description = "the token (default: a random one)")
    String token;

    @Option(names = "--open", description = "open the app in the default browser")
    boolean open;

    private final Bench.Io io;

    ServeCommand(Bench.Io io) {
        this.io = io;
    }

    @Override
    public Integer call() throws InterruptedException {
        JsonRunStore runs = store.existing();
        BenchServer.Builder b;
        try {
            b = BenchServer.builder(runs).host(host).port(port);
            if (token != null) {
                b.token(token);
            }
        } catch (IllegalArgumentException e) {
            throw new Bench.UsageException(e.getMessage());
        }
        BenchServer server;
        try {
            server = b.start();
        } catch (IllegalArgumentException | UncheckedIOException e) {
            throw new Bench.UsageException("--host/--port: " + e.getMessage());
        }
        Thread onCtrlC = new Thread(io.stop()::countDown, "bench-serve-stop");
        Runtime.getRuntime().addShutdownHook(onCtrlC);
        try (server) {
            URI link = server.isLoopback() ? server.uri() : server.loginUri();
            if (!server.isLoopback()) {
                io.err().println("bench: warning: serving on " + host + ", which other machines can reach; every request needs"
                        + " the token. Open this link once in your browser (it sets a cookie):");
            }
            io.out().println("Serving " + runs.folder() + " at " + link + " (Ctrl-C to stop)");
            io.out().flush();
            if (open) {
                browse(link);
            }
            io.stop().await();
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(onCtrlC);
            } catch (IllegalStateException e) {
                // the JVM is shutting down (Ctrl-C): the hook is running
            }
        }
        return 0;
    }

    private void browse(URI link) {
        try {
            if (Desktop.isDesktopSupported() && Desktop.getDesktop().isSupported(Desktop.Action.BROWSE)) {
                Desktop.getDesktop().browse(link);
                return;
            }
            String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
            new ProcessBuilder(os.contains("mac") ? "open" : "xdg-open", link.toString()).inheritIO().start();
        } catch (IOException | RuntimeException e) {
            io.err().println("bench: could not open a browser (" + e.getMessage() + "); open " + link + " yourself");
        }
    }
}
