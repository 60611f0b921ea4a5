package dev.bench4j.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bench4j.core.ModelCatalog;
import dev.bench4j.core.Review;
import dev.bench4j.store.json.JsonRunStore;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bench serve}, {@code bench report} and {@code bench review} over a store holding the quickstart run. */
class WebCommandsTest {

    private static final Path PLAN = Path.of("..", "examples", "quickstart", "plan.json");

    @TempDir
    Path dir;

    private final Cli cli = new Cli();
    private Path store;
    private String id;

    @BeforeEach
    void runTheQuickstart() {
        store = dir.resolve("runs");
        assertThat(cli.run("run", PLAN.toString(), "--store", store.toString(), "--no-progress")).isZero();
        Matcher m = Pattern.compile("run (bench_[0-9a-f]{8}_\\d{8}_\\d{6}) in").matcher(cli.err());
        assertThat(m.find()).as(cli.err()).isTrue();
        id = m.group(1);
    }

    /** Runs {@code bench serve} in a thread until the test stops it; returns what it printed and its exit code. */
    private record Served(ByteArrayOutputStream out, ByteArrayOutputStream err, CountDownLatch stop, CompletableFuture<Integer> code) {
        String printed() {
            return out.toString(StandardCharsets.UTF_8);
        }
    }

    private Served serve(String... extra) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CountDownLatch stop = new CountDownLatch(1);
        List<String> args = new ArrayList<>(List.of("serve", "--store", store.toString(), "--port", "0"));
        args.addAll(List.of(extra));
        Bench.Io io = new Bench.Io(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                Terminal.plain(), ModelCatalog::create, stop);
        CompletableFuture<Integer> code = CompletableFuture.supplyAsync(() -> Bench.execute(args.toArray(String[]::new), io));
        return new Served(out, err, stop, code);
    }

    private static String await(Served s, String pattern) throws InterruptedException {
        Pattern p = Pattern.compile(pattern);
        for (int i = 0; i < 400; i++) {
            Matcher m = p.matcher(s.printed());
            if (m.find()) {
                return m.group(1);
            }
            if (s.code().isDone()) {
                throw new AssertionError("bench serve ended: " + s.err().toString(StandardCharsets.UTF_8));
            }
            Thread.sleep(25);
        }
        throw new AssertionError("bench serve printed no address: " + s.printed());
    }

    @Test
    void serveShowsTheStoreUntilStopped() throws Exception {
        Served s = serve();
        String url = await(s, "at (http://127\\.0\\.0\\.1:\\d+/) \\(Ctrl-C to stop\\)");
        HttpResponse<String> runs = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url + "api/runs")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(runs.statusCode()).isEqualTo(200);
        assertThat(runs.body()).contains(id);
        assertThat(s.printed()).doesNotContain("token=");
        s.stop().countDown();
        assertThat(s.code().get(10, TimeUnit.SECONDS)).isZero();
    }

    @Test
    void serveOnAnAddressOthersReachWarnsAndPrintsTheTokenLinkOnce() throws Exception {
        Served s = serve("--host", "0.0.0.0", "--token", "a-long-enough-token-42");
        String url = await(s, "at (http://0\\.0\\.0\\.0:\\d+/\\?token=a-long-enough-token-42) ");
        assertThat(s.err().toString(StandardCharsets.UTF_8)).contains("bench: warning: serving on 0.0.0.0, which other machines can"
                + " reach; every request needs the token");
        int port = URI.create(url).getPort();
        HttpResponse<String> anonymous = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/api/runs")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(401);
        s.stop().countDown();
        assertThat(s.code().get(10, TimeUnit.SECONDS)).isZero();
    }

    @Test
    void serveRefusesBadFlagsInOneLine() {
        assertThat(cli.run("serve", "--store", store.toString(), "--port", "99999")).isEqualTo(2);
        assertThat(cli.err()).isEqualTo("bench: port must be from 0 to 65535 but was 99999\n");
        assertThat(cli.run("serve", "--store", dir.resolve("nothing").toString())).isEqualTo(2);
        assertThat(cli.err()).startsWith("bench: --store: no store at ");
        assertThat(cli.run("serve", "--store", store.toString(), "--token", "short")).isEqualTo(2);
        assertThat(cli.err()).isEqualTo("bench: token must be 16 to 256 letters, digits, '-' or '_' (it had 5 characters)\n");
    }

    @Test
    void reportWritesOneSelfContainedFile() throws Exception {
        Path out = dir.resolve("report.html");
        assertThat(cli.run("report", id, "--store", store.toString(), "--out", out.toString())).isZero();
        assertThat(cli.err()).startsWith("Wrote " + out + " (").contains(" KiB, 1 run) in ");
        String html = Files.readString(out);
        assertThat(html).startsWith("<!doctype html>").contains("id=\"bench4j-data\"").contains(id).doesNotContain("<script src=");

        assertThat(cli.run("report", "bench_00000000_20260101_000000", "--store", store.toString(), "--out", out.toString()))
                .isEqualTo(2);
        assertThat(cli.err()).isEqualTo("bench: no run 'bench_00000000_20260101_000000' in " + store + "\n");
        assertThat(cli.run("report", id, "--store", store.toString(), "--out", dir.resolve("missing/r.html").toString()))
                .isEqualTo(2);
        assertThat(cli.err()).startsWith("bench: report file ").contains("does not exist");
        assertThat(cli.run("report", "../x", "--store", store.toString(), "--out", out.toString())).isEqualTo(2);
        assertThat(cli.err()).contains("run id '../x' is not allowed");
    }

    @Test
    void aSheetIsExportedFilledInImportedAndItsAgreementShown() throws Exception {
        Path sheet = dir.resolve("sheet.csv");
        assertThat(cli.run("review", id, "--store", store.toString(), "--export", sheet.toString())).isZero();
        List<String> rows = Files.readAllLines(sheet);
        assertThat(rows.get(0)).isEqualTo("prompt,model,trial,repetition,ok,output,expected,reviewer,rating,scale_min,scale_max,"
                + "acceptable,comment,rank");
        assertThat(rows).hasSize(81);
        assertThat(rows.get(1)).startsWith("extract-v1,careful,t01,0,true,");
        // a reviewer fills in the four answers to t01 and t02: a rating, a verdict and a rank each
        List<String> filled = new ArrayList<>(List.of(rows.get(0)));
        int[] ranks = {1, 3, 2, 4};   // rows per trial: v1/careful, v1/hasty, v2/careful, v2/hasty
        for (int i = 1; i <= 8; i++) {
            String row = rows.get(i);
            boolean hasty = row.contains(",hasty,");
            filled.add(row.substring(0, row.length() - ",,,,,,,".length()) + ",," + (hasty ? 2 : 5) + ",1,5," + (hasty ? "no" : "yes")
                    + ",," + ranks[(i - 1) % 4]);
        }
        Files.write(sheet, filled);
        assertThat(cli.run("review", id, "--store", store.toString(), "--import", sheet.toString(), "--reviewer", "ana"))
                .as(cli.err()).isZero();
        assertThat(cli.err()).isEqualTo("Added 18 reviews from " + sheet + " to run " + id + "\n");
        List<Review> reviews = JsonRunStore.at(store).reviews(id);
        assertThat(reviews).filteredOn(r -> r instanceof Review.Ranking).hasSize(2);
        assertThat(cli.out()).contains("Reviews: 2 rankings, 8 ratings, 8 verdicts, 0 comments by ana")
                .contains("Rankings against judge:").contains("ana vs AI: pooled Kendall tau-b ").contains("Recommendation by judge and the rankings: recommended: ")
                .contains("Unacceptable:").contains("extract-v1 / hasty: 2 of 2 judged answers unacceptable");

        assertThat(cli.run("show", id, "--store", store.toString())).isZero();
        assertThat(cli.out()).contains("Reviews: 2 rankings").contains("Rankings against judge:");

        Path twice = dir.resolve("twice.csv");
        Files.write(twice, List.of(rows.get(0), rows.get(1).replaceFirst(",,,,,,,$", ",ana,,,,,,1"),
                rows.get(2).replaceFirst(",,,,,,,$", ",ana,,,,,,1")));
        assertThat(cli.run("review", id, "--store", store.toString(), "--import", twice.toString())).isEqualTo(2);
        assertThat(cli.err()).isEqualTo("bench: " + twice + ": row 3: rank 1 is given twice by ana for trial t01 (also to extract-v1 /"
                + " careful); ranks must differ\n");
        assertThat(JsonRunStore.at(store).reviews(id)).as("nothing of a bad sheet is added").hasSize(18);
    }

    @Test
    void reviewLinesDownloadedFromAReportImport() throws Exception {
        Path lines = dir.resolve("r.jsonl");
        Files.writeString(lines, "{\"kind\":\"verdict\",\"reviewer\":\"bo\",\"at\":\"2026-12-07T10:00:00Z\",\"prompt\":\"extract-v2\","
                + "\"model\":\"hasty\",\"trial\":\"t03\",\"repetition\":0,\"acceptable\":false}\n");
        assertThat(cli.run("review", id, "--store", store.toString(), "--import", lines.toString())).isZero();
        assertThat(cli.out()).contains("extract-v2 / hasty: 1 of 1 judged answer unacceptable");
        Files.writeString(lines, "{\"kind\":\"verdict\",\"reviewer\":\"bo\"}\n");
        assertThat(cli.run("review", id, "--store", store.toString(), "--import", lines.toString())).isEqualTo(2);
        assertThat(cli.err()).isEqualTo("bench: " + lines + ": line 1: missing field 'at'\n");
        assertThat(cli.run("review", id, "--store", store.toString())).isZero();
        assertThat(cli.out()).contains("Reviews: 0 rankings, 0 ratings, 1 verdicts");
    }

    private static String line(String reviewer, String model, String trial, String rest) {
        return "{\"reviewer\":\"" + reviewer + "\",\"at\":\"2026-12-07T10:00:00Z\",\"prompt\":\"extract-v1\",\"model\":\""
                + model + "\",\"trial\":\"" + trial + "\",\"repetition\":0," + rest + "}";
    }

    @Test
    void reviewShowsTheReliabilityOfAllReviewersAndTheirVerdictsAgainstTheJudge() throws Exception {
        Path lines = dir.resolve("r.jsonl");
        String ok = "\"kind\":\"verdict\",\"acceptable\":true";
        String bad = "\"kind\":\"verdict\",\"acceptable\":false";
        Files.write(lines, List.of(
                line("ana", "careful", "t01", ok), line("ana", "hasty", "t01", bad), line("ana", "careful", "t02", ok),
                line("bo", "careful", "t01", ok), line("bo", "hasty", "t01", bad), line("bo", "careful", "t02", bad),
                line("cy", "careful", "t01", ok), line("cy", "hasty", "t01", ok),
                line("ana", "careful", "t01", "\"kind\":\"rating\",\"value\":4,\"scale\":[1,5]"),
                line("bo", "careful", "t01", "\"kind\":\"rating\",\"value\":5,\"scale\":[1,5]")));
        assertThat(cli.run("review", id, "--store", store.toString(), "--import", lines.toString())).as(cli.err()).isZero();

        // units {T,T,T}, {F,F,T}, {T,F}: n = 8, observed 0 + 2 + 2, expected 64 − 25 − 9 = 30, alpha 1 − 7 · 4 / 30;
        // Fleiss over the first two: observed 2/3, expected 5/9, kappa 1/4. Ratings 4 and 5: alpha 1 − 1 · 2 / 2 = 0
        assertThat(cli.out()).contains("Between reviewers:\n")
                .contains("  3 reviewers' verdicts on 3 answers: Krippendorff's alpha (nominal) 0.07 over 8 pairable verdicts;"
                        + " Fleiss' kappa 0.25 over the 2 answers all judged\n")
                .contains("  2 reviewers on [1, 5], 1 answer: Krippendorff's alpha ordinal 0.00, interval 0.00 over 2 pairable"
                        + " ratings\n")
                .contains("Verdicts against judge:\n  ana vs AI (pass at score >= 0.5): ")
                .contains("  cy vs AI (pass at score >= 0.5): ");
        assertThat(cli.run("review", id, "--store", store.toString(), "--pass-at", "2")).isZero();
        assertThat(cli.out()).contains("  bo vs AI (pass at score >= 2): ").contains(", n = 3\n");
        assertThat(cli.run("review", id, "--store", store.toString(), "--pass-at", "NaN")).isEqualTo(2);
        assertThat(cli.err()).isEqualTo("bench: --pass-at must be a finite number but was NaN\n");
    }
}
