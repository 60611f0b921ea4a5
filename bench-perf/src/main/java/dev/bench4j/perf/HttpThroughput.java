package dev.bench4j.perf;

import dev.bench4j.core.BenchmarkPlan;
import dev.bench4j.core.ModelConfig;
import dev.bench4j.core.Prompt;
import dev.bench4j.core.Run;
import dev.bench4j.core.RunStatus;
import dev.bench4j.core.Trial;
import dev.bench4j.core.json.JsonValues;
import dev.bench4j.core.spi.ResultSink;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.hc.client5.http.async.methods.SimpleHttpResponse;
import org.apache.hc.client5.http.async.methods.SimpleRequestBuilder;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.config.Http1Config;
import org.apache.hc.core5.http2.config.H2Config;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.reactor.IOReactorConfig;

/**
 * The HTTP scenarios: bench4j's {@code openai-compatible} provider against an in-process loopback
 * server ({@link LoopbackServer}), and the same calls made with a bare client, printing one JSON
 * line each:
 *
 * <pre>
 * java -cp bench-perf.jar dev.bench4j.perf.HttpThroughput throughput [cells] [C]      # instant server
 * java -cp bench-perf.jar dev.bench4j.perf.HttpThroughput overhead [calls] [C] [rounds] # vs bare clients
 * java -cp bench-perf.jar dev.bench4j.perf.HttpThroughput latency [cells] [ms] [C]     # server waits ms
 * </pre>
 *
 * The server runs in the same JVM on one I/O thread, so every figure includes its cost.
 */
public final class HttpThroughput {

    private static final String PROMPT = "Extract the named entities from the text below. Answer only with JSON of "
            + "the form {\"entities\":[{\"text\":...,\"type\":...}]}.\n\nText: ";

    /** Rounds of the overhead scenario run before measuring: the JIT needs about three to settle. */
    private static final int WARM_UP_ROUNDS = 4;

    private HttpThroughput() {
    }

    /**
     * Runs one scenario.
     *
     * @param args the scenario and its numbers
     * @throws Exception if the server cannot start
     */
    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.println("usage: HttpThroughput throughput|overhead|latency [cells] [ms|C] [C|rounds]");
            System.exit(2);
        }
        long[] n = Arrays.stream(args).skip(1).mapToLong(s -> Long.parseLong(s.replace("_", ""))).toArray();
        switch (args[0]) {
            case "throughput" -> throughput(get(n, 0, 50_000), (int) get(n, 1, 64));
            case "overhead" -> overhead((int) get(n, 0, 20_000), (int) get(n, 1, 64), (int) get(n, 2, 5));
            case "latency" -> latency(get(n, 0, 10_000), get(n, 1, 20), (int) get(n, 2, 64));
            default -> {
                System.err.println("unknown scenario " + args[0]);
                System.exit(2);
            }
        }
    }

    private static long get(long[] n, int i, long fallback) {
        return n.length > i ? n[i] : fallback;
    }

    static List<Trial> trials(long n) {
        List<Trial> list = new ArrayList<>((int) n);
        for (int i = 0; i < n; i++) {
            list.add(Trial.of("t" + i, Map.of("text", "On day " + (i % 365) + ", Alice Moreau met Acme in Lisbon about "
                    + "the audit (ticket " + (1000 + i) + ").")).withExpected("Acme"));
        }
        return list;
    }

    /** Keeps the first failure so a broken setup says why. */
    static final AtomicReference<String> FIRST_ERROR = new AtomicReference<>();

    static BenchmarkPlan plan(String baseUrl, List<Trial> trials, int concurrency) {
        return BenchmarkPlan.named("http-perf")
                .sink(ResultSink.of(r -> r.error().ifPresent(e -> FIRST_ERROR.compareAndSet(null, e.kind().wireName() + ": " + e.message()))))
                .prompt(Prompt.named("extract").user(PROMPT + "{{text}}"))
                .model(ModelConfig.of("openai-compatible", "mock-a").withBaseUrl(baseUrl).withMaxOutputTokens(128))
                .trials(trials).concurrency(concurrency).noCache().retainResults(false).build();
    }

    private static void throughput(long cells, int concurrency) throws Exception {
        try (LoopbackServer server = new LoopbackServer(0)) {
            plan(server.baseUrl(), trials(Math.min(cells, 10_000)), concurrency).run();
            BenchmarkPlan plan = plan(server.baseUrl(), trials(cells), concurrency);
            long t0 = System.nanoTime();
            Run run = plan.run();
            double wall = (System.nanoTime() - t0) / 1e9;
            print("http-throughput", run, wall, Map.of("concurrency", concurrency, "server_requests", server.requests()));
        }
    }

    private static void latency(long cells, long ms, int concurrency) throws Exception {
        try (LoopbackServer server = new LoopbackServer(ms)) {
            plan(server.baseUrl(), trials(Math.min(cells, 2_000)), concurrency).run();
            BenchmarkPlan plan = plan(server.baseUrl(), trials(cells), concurrency);
            long t0 = System.nanoTime();
            Run run = plan.run();
            double wall = (System.nanoTime() - t0) / 1e9;
            double ideal = cells * ms / 1000.0 / concurrency;
            List<String> bodies = bodies(trials(cells));
            URI uri = URI.create(server.baseUrl() + "/chat/completions");
            double bare = time(() -> bareApache(uri, bodies, concurrency));
            print("http-latency", run, wall, Map.of("latency_ms", ms, "concurrency", concurrency,
                    "ideal_s", Report.round(ideal), "wall_over_ideal", Report.round(wall / ideal),
                    "bare_apache_s", Report.round(bare), "bare_apache_over_ideal", Report.round(bare / ideal)));
        }
    }

    /**
     * The same calls made by bench4j, a bare Apache HttpClient 5 async client and a bare JDK
     * {@code java.net.http.HttpClient} (one for all rounds), in an order that rotates each round, for
     * {@code rounds} rounds after {@value #WARM_UP_ROUNDS} warm-up rounds; the medians are compared.
     */
    private static void overhead(int calls, int concurrency, int rounds) throws Exception {
        try (LoopbackServer server = new LoopbackServer(0)) {
            List<Trial> trials = trials(calls);
            List<String> bodies = bodies(trials);
            URI uri = URI.create(server.baseUrl() + "/chat/completions");
            BenchmarkPlan plan = plan(server.baseUrl(), trials, concurrency);
            HttpClient jdkClient = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            Map<String, Work> runners = new LinkedHashMap<>();
            runners.put("bench4j", () -> {
                if (plan.run().status() != RunStatus.COMPLETED) {
                    throw new IllegalStateException("bench4j run failed");
                }
            });
            runners.put("bare_apache", () -> bareApache(uri, bodies, concurrency));
            runners.put("bare_jdk", () -> bareJdk(jdkClient, uri, bodies, concurrency));
            List<String> order = new ArrayList<>(runners.keySet());
            Map<String, List<Double>> walls = new LinkedHashMap<>();
            for (int r = -WARM_UP_ROUNDS; r < rounds; r++) {
                for (String name : order) {
                    double wall = time(runners.get(name));
                    if (r >= 0) {
                        walls.computeIfAbsent(name, k -> new ArrayList<>()).add(wall);
                    }
                }
                Collections.rotate(order, 1);
            }
            double bench = median(walls.get("bench4j"));
            double apache = median(walls.get("bare_apache"));
            double jdk = median(walls.get("bare_jdk"));
            System.out.println("{\"scenario\":\"http-overhead\",\"calls\":" + calls + ",\"concurrency\":" + concurrency
                    + ",\"rounds\":" + rounds
                    + ",\"bench4j_s\":" + Report.round(bench) + ",\"bare_apache_s\":" + Report.round(apache) + ",\"bare_jdk_s\":" + Report.round(jdk)
                    + ",\"bench4j_us_per_call\":" + Report.round(bench * 1e6 / calls)
                    + ",\"bare_apache_us_per_call\":" + Report.round(apache * 1e6 / calls)
                    + ",\"bare_jdk_us_per_call\":" + Report.round(jdk * 1e6 / calls)
                    + ",\"overhead_vs_apache\":" + Report.round(bench / apache - 1) + ",\"overhead_vs_jdk\":" + Report.round(bench / jdk - 1)
                    + ",\"rounds_s\":\"" + walls + "\""
                    + ",\"java\":\"" + System.getProperty("java.version") + "\"}");
        }
    }

    private static List<String> bodies(List<Trial> trials) {
        List<String> bodies = new ArrayList<>(trials.size());
        for (Trial t : trials) {
            bodies.add("{\"model\":\"mock-a\",\"messages\":[{\"role\":\"user\",\"content\":"
                    + JsonValues.toJson(PROMPT + t.vars().get("text")) + "}],\"max_tokens\":128}");
        }
        return bodies;
    }

    private interface Work {
        void run() throws Exception;
    }

    private static double time(Work w) throws Exception {
        long t0 = System.nanoTime();
        w.run();
        return (System.nanoTime() - t0) / 1e9;
    }

    private static double median(List<Double> xs) {
        List<Double> s = new ArrayList<>(xs);
        s.sort(null);
        int m = s.size() / 2;
        return s.size() % 2 == 1 ? s.get(m) : (s.get(m - 1) + s.get(m)) / 2;
    }

    private static void bareApache(URI uri, List<String> bodies, int concurrency) throws InterruptedException {
        CloseableHttpAsyncClient client = HttpAsyncClients.createMinimal(H2Config.DEFAULT, Http1Config.DEFAULT,
                IOReactorConfig.DEFAULT, PoolingAsyncClientConnectionManagerBuilder.create()
                        .setMaxConnTotal(concurrency).setMaxConnPerRoute(concurrency).build());
        client.start();
        Semaphore permits = new Semaphore(concurrency);
        CountDownLatch done = new CountDownLatch(bodies.size());
        AtomicLong failed = new AtomicLong();
        for (String body : bodies) {
            permits.acquire();
            client.execute(SimpleRequestBuilder.post(uri).setHeader("authorization", "Bearer x")
                    .setBody(body, ContentType.APPLICATION_JSON).build(), new FutureCallback<SimpleHttpResponse>() {
                        @Override
                        public void completed(SimpleHttpResponse r) {
                            r.getBodyText();
                            finish(r.getCode() != 200);
                        }

                        @Override
                        public void failed(Exception e) {
                            finish(true);
                        }

                        @Override
                        public void cancelled() {
                            finish(true);
                        }

                        private void finish(boolean bad) {
                            if (bad) {
                                failed.incrementAndGet();
                            }
                            permits.release();
                            done.countDown();
                        }
                    });
        }
        done.await();
        client.close(CloseMode.GRACEFUL);
        if (failed.get() > 0) {
            throw new IllegalStateException(failed.get() + " bare Apache calls failed");
        }
    }

    private static void bareJdk(HttpClient client, URI uri, List<String> bodies, int concurrency) throws InterruptedException {
        Semaphore permits = new Semaphore(concurrency);
        CountDownLatch done = new CountDownLatch(bodies.size());
        AtomicLong failed = new AtomicLong();
        for (String body : bodies) {
            permits.acquire();
            client.sendAsync(HttpRequest.newBuilder(uri).header("authorization", "Bearer x")
                    .header("content-type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString()).whenComplete((r, e) -> {
                        if (e != null || r.statusCode() != 200) {
                            failed.incrementAndGet();
                        }
                        permits.release();
                        done.countDown();
                    });
        }
        done.await();
        if (failed.get() > 0) {
            throw new IllegalStateException(failed.get() + " bare JDK calls failed");
        }
    }

    private static void print(String scenario, Run run, double wall, Map<String, Object> extra) {
        System.out.println(Report.line(scenario, run, wall, extra));
        if (run.status() != RunStatus.COMPLETED || run.summary().overall().succeeded() != run.summary().overall().cells()) {
            System.err.println("first failure: " + FIRST_ERROR.get());
            System.exit(1);
        }
    }
}
