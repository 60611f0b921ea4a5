package dev.bench4j.web.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.bench4j.store.json.InvalidRunFileException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The web app's HTTP side: the JDK's built-in server, a handful of routes (the page, its assets, and
 * a JSON API over a {@link Viewer}), the checks of {@link Security} on every request, and errors
 * as JSON {@code {"error": "..."}} with a status that says whose fault it was.
 *
 * <pre>
 * GET  /                                   the app (one page; views are chosen by the URL's #fragment)
 * GET  /assets/app.js, app.css, vendor/*   its script, style and libraries
 * GET  /api/runs?name&amp;model&amp;prompt&amp;status&amp;since&amp;until
 * GET  /api/runs/ID                        metadata, plan, summary, leaderboards
 * GET  /api/runs/ID/cells?configs&amp;failed&amp;disagree&amp;score&amp;below&amp;above&amp;q&amp;sort&amp;dir&amp;page&amp;size
 * GET  /api/runs/ID/cell?prompt&amp;model&amp;trial&amp;repetition
 * GET  /api/runs/ID/reviews                POST the same path adds one (token header)
 * GET  /api/runs/ID/agreement?score&amp;human_weight&amp;ai_weight
 * GET  /api/compare?item=RUN|CONFIG&amp;...&amp;trial&amp;repetition&amp;disagree
 * GET  /api/compare-runs?a=RUN&amp;b=RUN
 * GET  /api/trends/options, /api/trends?metric&amp;model..., /api/leaderboard?metric
 * </pre>
 */
public final class WebApp implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WebApp.class);
    private static final int MAX_BODY = 64 * 1024;

    private final HttpServer server;
    private final ExecutorService executor;
    private final Viewer viewer;
    private final Security security;
    private final Assets assets = Assets.get();
    private final byte[] page;

    private WebApp(HttpServer server, ExecutorService executor, Viewer viewer, Security security) {
        this.server = server;
        this.executor = executor;
        this.viewer = viewer;
        this.security = security;
        this.page = Page.server(assets, security.token()).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Starts serving.
     *
     * @param viewer what to show
     * @param address where to listen (port 0: any free port)
     * @param token the token state-changing requests (and, off loopback, all requests) need
     * @param threads how many requests are handled at once
     * @return the running app
     * @throws UncheckedIOException if the address cannot be bound
     */
    public static WebApp start(Viewer viewer, InetSocketAddress address, String token, int threads) {
        HttpServer server;
        try {
            server = HttpServer.create(address, 64);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + address.getHostString() + ":" + address.getPort() + ": "
                    + e.getMessage(), e);
        }
        AtomicInteger n = new AtomicInteger();
        ThreadFactory named = r -> {
            Thread t = new Thread(r, "bench4j-web-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        ExecutorService executor = Executors.newFixedThreadPool(threads, named);
        boolean loopback = address.getAddress() != null && address.getAddress().isLoopbackAddress();
        Security security = new Security(token, loopback, server.getAddress().getPort(),
                List.of(address.getHostString(), address.getAddress() == null ? "" : address.getAddress().getHostAddress()));
        WebApp app = new WebApp(server, executor, viewer, security);
        server.createContext("/", app::handle);
        server.setExecutor(executor);
        server.start();
        return app;
    }

    /**
     * Returns the port the app listens on.
     *
     * @return the port
     */
    public int port() {
        return server.getAddress().getPort();
    }

    private void handle(HttpExchange ex) {
        try (ex) {
            Security.headers(ex.getResponseHeaders());
            try {
                route(ex);
            } catch (HttpError e) {
                error(ex, e.status, e.getMessage());
            } catch (InvalidRunFileException e) {
                LOG.warn("{} {}: {}", ex.getRequestMethod(), ex.getRequestURI().getRawPath(), e.getMessage());
                error(ex, 500, "a file of this run is damaged: " + e.getMessage());
            } catch (IllegalArgumentException e) {
                error(ex, 400, e.getMessage());
            } catch (RuntimeException e) {
                LOG.error("{} {} failed", ex.getRequestMethod(), ex.getRequestURI().getRawPath(), e);
                error(ex, 500, "internal error: " + e);
            }
        } catch (IOException e) {
            LOG.debug("{} {}: the response could not be sent: {}", ex.getRequestMethod(), ex.getRequestURI().getRawPath(),
                    e.toString());
        }
    }

    private void route(HttpExchange ex) throws IOException {
        URI uri = ex.getRequestURI();
        String path = uri.getRawPath();
        String method = ex.getRequestMethod();
        String query = uri.getRawQuery();
        if (method.equals("GET") && query != null && Params.parse(query).containsKey("token")) {
            tokenLink(ex, path, Params.parse(query).get("token"));
            return;
        }
        if (method.equals("POST")) {
            security.checkWrite(ex);
            String[] parts = path.split("/", -1);
            if (parts.length == 5 && parts[1].equals("api") && parts[2].equals("runs") && parts[4].equals("reviews")) {
                json(ex, 201, viewer.addReview(Params.decode(parts[3]), body(ex)));
                return;
            }
            throw new HttpError(405, "POST is allowed only on /api/runs/ID/reviews");
        }
        if (!method.equals("GET") && !method.equals("HEAD")) {
            throw new HttpError(405, "method " + method + " is not allowed");
        }
        security.checkRead(ex);
        if (path.startsWith("/api/")) {
            security.checkSameSite(ex);
        }
        switch (path) {
            case "/", "/index.html" -> send(ex, 200, "text/html; charset=utf-8", page, true);   // it holds the token
            case "/assets/app.js" -> asset(ex, "text/javascript; charset=utf-8", assets.appJs);
            case "/assets/app.css" -> asset(ex, "text/css; charset=utf-8", assets.appCss);
            case "/assets/vendor/chart.js" -> asset(ex, "text/javascript; charset=utf-8", assets.chartJs);
            case "/assets/vendor/sortable.js" -> asset(ex, "text/javascript; charset=utf-8", assets.sortableJs);
            case "/assets/vendor/diff.js" -> asset(ex, "text/javascript; charset=utf-8", assets.diffJs);
            case "/assets/licences.txt" -> asset(ex, "text/plain; charset=utf-8", assets.licences);
            case "/api/runs" -> json(ex, 200, viewer.runs(Params.parse(query)));
            case "/api/compare" -> json(ex, 200, viewer.compare(query));
            case "/api/compare-runs" -> {
                Map<String, String> p = Params.parse(query);
                json(ex, 200, viewer.compareRuns(Params.required(p, "a"), Params.required(p, "b")));
            }
            case "/api/trends/options" -> json(ex, 200, viewer.trendOptions());
            case "/api/trends" -> json(ex, 200, viewer.trends(query));
            case "/api/leaderboard" -> json(ex, 200, viewer.leaderboardAcrossRuns(Params.required(Params.parse(query), "metric")));
            default -> runRoute(ex, path, query);
        }
    }

    /** {@code /api/runs/ID[/cells|/cell|/reviews|/agreement]}. */
    private void runRoute(HttpExchange ex, String path, String query) throws IOException {
        String[] parts = path.split("/", -1);
        if (parts.length < 4 || parts.length > 5 || !parts[1].equals("api") || !parts[2].equals("runs")) {
            throw HttpError.notFound("no such page: " + RunIndex.cut(path, 120));
        }
        String id = Params.decode(parts[3]);
        Map<String, String> p = Params.parse(query);
        if (parts.length == 4) {
            json(ex, 200, viewer.run(id));
            return;
        }
        switch (parts[4]) {
            case "cells" -> json(ex, 200, viewer.cells(id, p));
            case "cell" -> json(ex, 200, viewer.cell(id, p));
            case "reviews" -> json(ex, 200, viewer.reviews(id));
            case "agreement" -> json(ex, 200, viewer.agreement(id, p));
            default -> throw HttpError.notFound("no such page: " + RunIndex.cut(path, 120));
        }
    }

    /** A link with {@code ?token=}: sets the cookie and sends the browser on without the token in the URL. */
    private void tokenLink(HttpExchange ex, String path, String token) throws IOException {
        if (!security.isTokenLink(token)) {
            throw new HttpError(401, "wrong token");
        }
        ex.getResponseHeaders().add("Set-Cookie", Security.COOKIE + "=" + security.token()
                + "; HttpOnly; SameSite=Strict; Path=/");
        ex.getResponseHeaders().set("Location", path.startsWith("/") && !path.startsWith("//") ? path : "/");
        send(ex, 303, "text/plain; charset=utf-8", new byte[0], false);
    }

    private static JsonNode body(HttpExchange ex) throws IOException {
        try (InputStream in = ex.getRequestBody()) {
            byte[] bytes = in.readNBytes(MAX_BODY + 1);
            if (bytes.length > MAX_BODY) {
                throw new HttpError(413, "the body is larger than " + MAX_BODY / 1024 + " KiB");
            }
            try {
                return Json.parse(bytes);
            } catch (JsonProcessingException e) {
                throw HttpError.badRequest("the body is not JSON: " + e.getOriginalMessage());
            }
        }
    }

    private static void asset(HttpExchange ex, String type, String content) throws IOException {
        ex.getResponseHeaders().set("Cache-Control", "no-cache");
        send(ex, 200, type, content.getBytes(StandardCharsets.UTF_8), false);
    }

    private static void json(HttpExchange ex, int status, Object value) throws IOException {
        send(ex, status, "application/json; charset=utf-8", Json.bytes(value), true);
    }

    private static void error(HttpExchange ex, int status, String message) throws IOException {
        send(ex, status, "application/json; charset=utf-8", Json.bytes(Map.of("error", message)), true);
    }

    private static void send(HttpExchange ex, int status, String type, byte[] body, boolean noStore) throws IOException {
        ex.getResponseHeaders().set("Content-Type", type);
        if (noStore) {
            ex.getResponseHeaders().set("Cache-Control", "no-store");
        }
        boolean head = ex.getRequestMethod().equals("HEAD");
        ex.sendResponseHeaders(status, head || body.length == 0 ? -1 : body.length);
        if (!head && body.length > 0) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        }
    }

    /** Stops serving, letting requests in progress finish for up to a second. */
    @Override
    public void close() {
        server.stop(1);
        viewer.close();
        executor.shutdown();
        try {
            executor.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
