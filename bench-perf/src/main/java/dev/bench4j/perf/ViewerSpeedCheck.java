package dev.bench4j.perf;

import dev.bench4j.core.BenchmarkPlan;
import dev.bench4j.core.ModelConfig;
import dev.bench4j.core.Prompt;
import dev.bench4j.core.Run;
import dev.bench4j.core.Score;
import dev.bench4j.core.Trial;
import dev.bench4j.core.spi.Scorer;
import dev.bench4j.store.json.JsonRunStore;
import dev.bench4j.web.BenchReport;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * How fast the results viewer is, over stores made to measure:
 *
 * <pre>
 * java -cp bench-perf.jar dev.bench4j.perf.ViewerSpeedCheck cells DIR [cells]     # a store with one run of N cells (100,000)
 * java -cp bench-perf.jar dev.bench4j.perf.ViewerSpeedCheck runs DIR [runs]       # a store of N small runs (1,000)
 * java -cp bench-perf.jar dev.bench4j.perf.ViewerSpeedCheck serve DIR BENCH_JAR   # time bench serve over DIR (a separate process)
 * java -cp bench-perf.jar dev.bench4j.perf.ViewerSpeedCheck report DIR OUT.html   # time bench report of DIR's first run, and opening it
 * </pre>
 *
 * {@code serve} starts {@code java FLAGS -jar BENCH_JAR serve} (FLAGS: the system property
 * {@code serve.flags}, by default {@code -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xms32m}), times the first page of cells (cold: the run is indexed then;
 * and warm), filters over all cells, and the runs page, with Java's HTTP client, and reads the
 * server's resident memory from /proc. Each figure is printed as a JSON line.
 */
public final class ViewerSpeedCheck {

    private static final String[] WORDS = ("patients adults children with type diabetes hypertension asthma chronic kidney "
            + "disease phase study randomized trial of placebo controlled open label dose weekly daily oral inhaled therapy "
            + "heart failure obesity depression migraine stroke atrial fibrillation cancer breast lung").split(" ");

    private ViewerSpeedCheck() {
    }

    /**
     * Runs one step.
     *
     * @param args the step and its arguments
     * @throws Exception if it fails
     */
    public static void main(String[] args) throws Exception {
        switch (args.length == 0 ? "" : args[0]) {
            case "cells" -> cells(Path.of(args[1]), args.length > 2 ? Integer.parseInt(args[2]) : 100_000);
            case "runs" -> runs(Path.of(args[1]), args.length > 2 ? Integer.parseInt(args[2]) : 1_000);
            case "serve" -> serve(Path.of(args[1]), Path.of(args[2]));
            case "report" -> report(Path.of(args[1]), Path.of(args[2]));
            default -> {
                System.err.println("usage: ViewerSpeedCheck cells DIR [N] | runs DIR [N] | serve DIR BENCH_JAR | report DIR OUT");
                System.exit(2);
            }
        }
    }

    /** A plan of 2 prompts × 5 echo models over cells / 10 trials of about 300 characters, scored twice. */
    private static BenchmarkPlan.Builder plan(String name, int cells, long seed) {
        Random random = new Random(seed);
        List<Trial> trials = new ArrayList<>();
        for (int i = 0; i < cells / 10; i++) {
            StringBuilder text = new StringBuilder();
            while (text.length() < 300) {
                text.append(WORDS[random.nextInt(WORDS.length)]).append(' ');
            }
            trials.add(Trial.of("t" + i, Map.of("text", text.toString().strip())).withExpected(List.of("asthma")));
        }
        BenchmarkPlan.Builder b = BenchmarkPlan.named(name)
                .prompt(Prompt.named("terse").user("Conditions: {{text}}"))
                .prompt(Prompt.named("verbose").system("You extract medical conditions.").user("List the conditions in: {{text}}"))
                .trials(trials)
                .scorer(Scorer.of("quality", r -> Score.of(Math.floorMod(r.result().cell().hashCode(), 101) / 100.0)))
                .scorer(Scorer.of("mentions_asthma", r -> Score.pass(r.result().output().contains("asthma"))))
                .concurrency(64).noCache().retainResults(false);
        for (int m = 0; m < 5; m++) {
            b.model(ModelConfig.of("echo", "model-" + m));
        }
        return b;
    }

    private static void cells(Path dir, int cells) {
        long start = System.nanoTime();
        Run run = plan("viewer-" + cells, cells, 1).store(JsonRunStore.at(dir)).build().run();
        line("generated", Map.of("run", run.id(), "cells", run.summary().overall().cells(), "seconds", seconds(start)));
    }

    private static void runs(Path dir, int runs) {
        JsonRunStore store = JsonRunStore.at(dir);
        long start = System.nanoTime();
        for (int i = 0; i < runs; i++) {
            plan("small-" + (i % 7), 10, i).store(store).concurrency(4).build().run();
        }
        line("generated", Map.of("runs", runs, "seconds", seconds(start)));
    }

    private static void serve(Path dir, Path jar) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        // 1. a fresh server asked straight away for the first page of cells of its largest run
        try (Served a = Served.start(dir, jar)) {
            String id = largestRun(http, a.base);
            line("straight_to_cells", Map.of("cold_ms", time(http, a.base + "api/runs/" + id + "/cells")));
        }
        // 2. a fresh server used as a person uses it: the runs page, the run's page, a second to read it, the cells
        try (Served s = Served.start(dir, jar)) {
            time(http, s.base + "api/runs");
            String id = largestRun(http, s.base);
            time(http, s.base + "api/runs/" + id);
            Thread.sleep(1000);
            String cells = s.base + "api/runs/" + id + "/cells";
            double firstPage = time(http, cells);
            line("after_reading_the_run_page_1s", Map.of("first_page_of_cells_ms", firstPage,
                    "partial", get(http, cells).body().contains("\"partial\":true")));
        }
        // 3. a fresh server used as the app uses it without pause: runs page, the run's page, its cells, then filters
        try (Served s = Served.start(dir, jar)) {
            String base = s.base;
            double runsCold = time(http, base + "api/runs");
            String id = largestRun(http, base);
            long opened = System.nanoTime();
            double runPage = time(http, base + "api/runs/" + id);
            String cells = base + "api/runs/" + id + "/cells";
            double firstPage = time(http, cells);
            boolean partial = get(http, cells).body().contains("\"partial\":true");
            double whole = time(http, cells + "?disagree=1");
            line("app_path", Map.of("runs_page_ms", runsCold, "run_page_ms", runPage, "first_page_of_cells_ms", firstPage,
                    "first_page_was_partial", partial, "whole_index_ready_after_s", seconds(opened), "rss_mb", rss(s.pid())));
            line("first_page_of_cells_warm", Map.of("ms_median", median(http, cells, 9)));
            for (String filter : List.of("disagree=1", "failed=1", "score=quality&below=0.05", "q=fibrillation%20cancer",
                    "sort=3:quality&dir=desc", "disagree=1&q=asthma&page=3")) {
                line("filter", Map.of("filter", filter, "ms_median", median(http, cells + "?" + filter, 5)));
            }
            line("cell", Map.of("ms_median", median(http, base + "api/runs/" + id + "/cell?prompt=terse&model=echo:model-4&trial=t0",
                    9)));
            line("runs_page_warm", Map.of("ms_median", median(http, base + "api/runs", 9)));
            line("server_rss", Map.of("rss_mb", rss(s.pid())));
        }
    }

    /** The run with the most cells, from the runs list. */
    private static String largestRun(HttpClient http, String base) throws IOException, InterruptedException {
        String json = get(http, base + "api/runs").body();
        String best = null;
        long most = -1;
        for (int at = json.indexOf("\"id\":\""); at >= 0; at = json.indexOf("\"id\":\"", at + 1)) {
            String id = json.substring(at + 6, json.indexOf('"', at + 6));
            int c = json.indexOf("\"cells\":", at);
            long cells = Long.parseLong(json.substring(c + 8, json.indexOf(',', c)));
            if (cells > most) {
                most = cells;
                best = id;
            }
        }
        return best;
    }

    /** {@code bench serve} in a process of its own, stopped on close. */
    private record Served(Process process, String base) implements AutoCloseable {
        static Served start(Path dir, Path jar) throws IOException {
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
            command.addAll(List.of(System.getProperty("serve.flags", "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xms32m").split(" ")));
            command.addAll(List.of("-jar", jar.toString(), "serve", "--store", dir.toString(), "--port", "0"));
            long launched = System.nanoTime();
            Process server = new ProcessBuilder(command).redirectErrorStream(true).start();
            BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
            for (String l = out.readLine(); l != null; l = out.readLine()) {
                int at = l.indexOf(" at http://");
                if (at >= 0) {
                    line("started", Map.of("seconds", seconds(launched), "rss_mb", rss(server.pid())));
                    Thread drain = new Thread(() -> {
                        try {
                            out.transferTo(Writer.nullWriter());
                        } catch (IOException e) {
                            // the server stopped
                        }
                    });
                    drain.setDaemon(true);
                    drain.start();
                    return new Served(server, l.substring(at + 4, l.indexOf(' ', at + 4)));
                }
            }
            throw new IllegalStateException("bench serve printed no address");
        }

        long pid() {
            return process.pid();
        }

        @Override
        public void close() {
            process.destroy();
        }
    }

    private static void report(Path dir, Path out) throws Exception {
        JsonRunStore store = JsonRunStore.at(dir);
        String id = store.list().get(0).id();
        long start = System.nanoTime();
        BenchReport.write(store, List.of(id), out);
        line("report", Map.of("run", id, "cells", store.list().get(0).cells(), "seconds", seconds(start),
                "mb", Files.size(out) / 1e6));
        ChromeOptions options = new ChromeOptions();
        options.setBinary(new File("/usr/bin/chromium"));
        Path profile = Files.createTempDirectory("bench4j-chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--window-size=1400,1000",
                "--user-data-dir=" + profile);
        ChromeDriver driver = new ChromeDriver(new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build(), options);
        try {
            for (String view : List.of("#/run/" + id, "#/run/" + id + "/cells", "#/run/" + id + "/cells?disagree=1&q=asthma")) {
                double[] ms = new double[3];
                for (int i = 0; i < ms.length; i++) {
                    driver.get("about:blank");
                    long t0 = System.nanoTime();
                    driver.get(out.toUri() + view);
                    while (!Boolean.TRUE.equals(((JavascriptExecutor) driver).executeScript("return window.__rendered === true"))) {
                        if (System.nanoTime() - t0 > Duration.ofSeconds(60).toNanos()) {
                            throw new IllegalStateException("the report did not render " + view + " in 60 s");
                        }
                        Thread.sleep(5);
                    }
                    ms[i] = (System.nanoTime() - t0) / 1e6;
                }
                line("report_opens", Map.of("view", view.replace(id, "ID"), "ms", Arrays.toString(ms)));
            }
        } finally {
            driver.quit();
        }
    }

    private static HttpResponse<String> get(HttpClient http, String url) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(url + ": HTTP " + r.statusCode() + " " + r.body());
        }
        return r;
    }

    private static double time(HttpClient http, String url) throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        get(http, url);
        return round((System.nanoTime() - t0) / 1e6);
    }

    private static double median(HttpClient http, String url, int n) throws IOException, InterruptedException {
        double[] ms = new double[n];
        for (int i = 0; i < n; i++) {
            ms[i] = time(http, url);
        }
        Arrays.sort(ms);
        return ms[n / 2];
    }

    private static int count(String text, String what) {
        int n = 0;
        for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }

    /** The resident memory of a process in MB, from /proc (Linux); -1 elsewhere. */
    private static double rss(long pid) {
        try {
            for (String l : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (l.startsWith("VmRSS:")) {
                    return round(Long.parseLong(l.replaceAll("\\D", "")) / 1024.0);
                }
            }
        } catch (IOException e) {
            // not Linux
        }
        return -1;
    }

    private static double seconds(long start) {
        return round((System.nanoTime() - start) / 1e9);
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }

    private static void line(String what, Map<String, Object> values) {
        StringBuilder sb = new StringBuilder("{\"step\": \"" + what + "\"");
        values.forEach((k, v) -> sb.append(", \"").append(k).append("\": ")
                .append(v instanceof String s && !s.startsWith("[") ? "\"" + s + "\"" : String.valueOf(v)));
        System.out.println(sb.append('}'));
    }
}
