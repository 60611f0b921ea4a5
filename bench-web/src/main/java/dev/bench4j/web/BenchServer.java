package dev.bench4j.web;

import dev.bench4j.store.json.JsonRunStore;
import dev.bench4j.web.internal.Viewer;
import dev.bench4j.web.internal.WebApp;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A local web app over a {@link JsonRunStore}: the store's runs, each run's summary, charts and
 * scoring criteria, its cells (filtered, sorted and paged on the server), answers side by side,
 * trends across runs, and human review (ratings, verdicts, comments, drag-and-drop rankings) with
 * the agreement between reviewers and an AI judge. Reviews are written to the run's
 * {@code reviews.jsonl} through the store.
 *
 * <pre>{@code
 * try (BenchServer server = BenchServer.builder(JsonRunStore.at(Path.of("runs"))).port(8080).start()) {
 *     System.out.println("open " + server.uri());
 *     Thread.currentThread().join();
 * }
 * }</pre>
 *
 * <p>It listens on 127.0.0.1 by default and then answers only requests addressed to that host (a
 * guard against DNS rebinding). On any other address every request needs the server's token
 * ({@link #loginUri()} carries it once and sets a cookie). Requests that change something need the
 * token in a header that only the app's own pages have, and are refused from other origins. Every
 * response carries a Content-Security-Policy. The token never appears in {@link #toString()} or logs.
 *
 * <p>It runs on the JDK's built-in HTTP server; unless the application set it, starting a server
 * sets the system property {@code sun.net.httpserver.nodelay} to {@code true}, without which every
 * small response waits 40 ms for the client's delayed acknowledgement.
 */
public final class BenchServer implements AutoCloseable {

    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{16,256}");
    private static final String NODELAY = "sun.net.httpserver.nodelay";

    private final WebApp app;
    private final String host;
    private final boolean loopback;
    private final String token;

    private BenchServer(WebApp app, String host, boolean loopback, String token) {
        this.app = app;
        this.host = host;
        this.loopback = loopback;
        this.token = token;
    }

    /**
     * Starts configuring a server over a store.
     *
     * @param store the store to show
     * @return a builder
     * @throws NullPointerException if {@code store} is {@code null}
     */
    public static Builder builder(JsonRunStore store) {
        return new Builder(Objects.requireNonNull(store, "store"));
    }

    /** Configures a {@link BenchServer}. */
    public static final class Builder {
        private final JsonRunStore store;
        private String host = "127.0.0.1";
        private int port = 8080;
        private String token;
        private int threads = 4;
        private long indexMemory = 160L << 20;
        private Clock clock = Clock.systemUTC();

        private Builder(JsonRunStore store) {
            this.store = store;
        }

        /**
         * Sets the address to listen on. Default {@code 127.0.0.1}; any address that is not
         * loopback makes every request need the token.
         *
         * @param address a host name or IP address
         * @return this builder
         * @throws NullPointerException if {@code address} is {@code null}
         * @throws IllegalArgumentException if it is blank
         */
        public Builder host(String address) {
            Objects.requireNonNull(address, "address");
            if (address.isBlank()) {
                throw new IllegalArgumentException("host must not be blank");
            }
            this.host = address.strip();
            return this;
        }

        /**
         * Sets the port. Default 8080; 0 picks a free port ({@link BenchServer#port()} tells which).
         *
         * @param number the port, 0 to 65535
         * @return this builder
         * @throws IllegalArgumentException if it is out of range
         */
        public Builder port(int number) {
            if (number < 0 || number > 65535) {
                throw new IllegalArgumentException("port must be from 0 to 65535 but was " + number);
            }
            this.port = number;
            return this;
        }

        /**
         * Sets the token instead of a random one (e.g. to keep links valid across restarts).
         *
         * @param secret 16 to 256 letters, digits, {@code -} or {@code _}
         * @return this builder
         * @throws NullPointerException if {@code secret} is {@code null}
         * @throws IllegalArgumentException if it is too short or has other characters (the message never shows it)
         */
        public Builder token(String secret) {
            Objects.requireNonNull(secret, "secret");
            if (!TOKEN.matcher(secret).matches()) {
                throw new IllegalArgumentException("token must be 16 to 256 letters, digits, '-' or '_' (it had "
                        + secret.length() + " characters)");
            }
            this.token = secret;
            return this;
        }

        /**
         * Sets how many requests are handled at once. Default 4.
         *
         * @param count at least 1
         * @return this builder
         * @throws IllegalArgumentException if it is below 1
         */
        public Builder threads(int count) {
            if (count < 1) {
                throw new IllegalArgumentException("threads must be >= 1 but was " + count);
            }
            this.threads = count;
            return this;
        }

        /**
         * Sets roughly how much memory the cell indexes of open runs may use; runs opened beyond it
         * push out the least recently used. Default 160 MiB.
         *
         * @param bytes at least 1 MiB
         * @return this builder
         * @throws IllegalArgumentException if it is below 1 MiB
         */
        public Builder indexMemory(long bytes) {
            if (bytes < (1L << 20)) {
                throw new IllegalArgumentException("indexMemory must be >= 1 MiB but was " + bytes + " bytes");
            }
            this.indexMemory = bytes;
            return this;
        }

        /**
         * Sets the clock that stamps reviews. Default the system's, in UTC.
         *
         * @param reviewClock the clock
         * @return this builder
         * @throws NullPointerException if {@code reviewClock} is {@code null}
         */
        public Builder clock(Clock reviewClock) {
            this.clock = Objects.requireNonNull(reviewClock, "reviewClock");
            return this;
        }

        /**
         * Starts the server.
         *
         * @return the running server
         * @throws IllegalArgumentException if the host is unknown
         * @throws UncheckedIOException if the address cannot be bound (e.g. the port is taken)
         */
        public BenchServer start() {
            InetAddress address;
            try {
                address = InetAddress.getByName(host);
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException("host '" + host + "' is unknown: " + e.getMessage(), e);
            }
            String secret = token != null ? token : randomToken();
            if (System.getProperty(NODELAY) == null) {
                // the JDK's server writes a response's headers and body apart; without TCP_NODELAY a small
                // response waits for the browser's delayed ACK (40 ms a request)
                System.setProperty(NODELAY, "true");
            }
            WebApp app = WebApp.start(new Viewer(store, indexMemory, clock), new InetSocketAddress(address, port), secret,
                    threads);
            return new BenchServer(app, host, address.isLoopbackAddress(), secret);
        }

        private static String randomToken() {
            byte[] bytes = new byte[24];
            new SecureRandom().nextBytes(bytes);
            return HexFormat.of().formatHex(bytes);
        }
    }

    /**
     * Returns the port the server listens on.
     *
     * @return the port
     */
    public int port() {
        return app.port();
    }

    /**
     * Returns the app's address.
     *
     * @return e.g. {@code http://127.0.0.1:8080/}
     */
    public URI uri() {
        String h = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        return URI.create("http://" + h + ":" + port() + "/");
    }

    /**
     * Returns a link that signs a browser in: {@link #uri()} with {@code ?token=}. Needed only
     * when the server is not on a loopback address; print it once, never log it.
     *
     * @return the link
     */
    public URI loginUri() {
        return URI.create(uri() + "?token=" + token);
    }

    /**
     * Returns the token that changes (and, off loopback, all requests) need.
     *
     * @return the token
     */
    public String token() {
        return token;
    }

    /**
     * Tells whether the server listens on a loopback address only.
     *
     * @return true for 127.0.0.1, ::1 or localhost
     */
    public boolean isLoopback() {
        return loopback;
    }

    /** Stops the server, letting requests in progress finish for up to a second. */
    @Override
    public void close() {
        app.close();
    }

    /**
     * Describes the server without its token.
     *
     * @return e.g. {@code BenchServer[http://127.0.0.1:8080/]}
     */
    @Override
    public String toString() {
        return "BenchServer[" + uri() + "]";
    }
}
