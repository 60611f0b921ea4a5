package dev.bench4j.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bench4j.core.Review;
import dev.bench4j.core.Run;
import dev.bench4j.store.json.JsonRunStore;
import dev.bench4j.store.json.ReviewFormat;
import dev.bench4j.web.testing.ForkedServer;
import dev.bench4j.web.testing.RawHttp;
import dev.bench4j.web.testing.WebFixtures;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A server killed with SIGKILL while reviewers save keeps every review it acknowledged, and leaves no torn line. */
class ReviewsSurviveKillTest {

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void reviewsSurviveAKillOfTheServerMidWrite() throws Exception {
        Path storeDir = dir.resolve("runs");
        Run run = WebFixtures.quickstart(JsonRunStore.at(storeDir));
        Path log = dir.resolve("server.log");
        Process server = ForkedServer.fork(storeDir, log);
        String[] hello = waitForHello(server, log);
        RawHttp http = new RawHttp(Integer.parseInt(hello[1]));
        Map<String, String> headers = Map.of("Content-Type", "application/json", "X-Bench4j-Token", hello[3]);
        List<String> acknowledged = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean stop = new AtomicBoolean();
        List<Thread> reviewers = new ArrayList<>();
        for (String who : List.of("ana", "bo", "cy")) {
            Thread t = new Thread(() -> {
                for (int i = 0; !stop.get(); i++) {
                    String comment = who + " " + i + " " + "x".repeat(200 + i % 700);
                    String body = "{\"kind\":\"comment\",\"reviewer\":\"" + who + "\",\"prompt\":\"extract-v1\",\"model\":\"careful\","
                            + "\"trial\":\"t" + String.format("%02d", i % 20 + 1) + "\",\"repetition\":0,\"text\":\"" + comment + "\"}";
                    try {
                        if (http.send("POST", "/api/runs/" + run.id() + "/reviews", headers, body).status() == 201) {
                            acknowledged.add(comment);
                        }
                    } catch (RuntimeException e) {
                        return;   // the server is gone
                    }
                }
            });
            t.start();
            reviewers.add(t);
        }
        while (acknowledged.size() < 150) {
            Thread.sleep(5);
        }
        server.destroyForcibly();   // SIGKILL, while the reviewers are still saving
        assertThat(server.waitFor(30, TimeUnit.SECONDS)).isTrue();
        stop.set(true);
        for (Thread t : reviewers) {
            t.join();
        }

        JsonRunStore store = JsonRunStore.at(storeDir);
        List<Review> kept = store.reviews(run.id());
        List<String> texts = kept.stream().map(r -> ((Review.Comment) r).text()).toList();
        assertThat(texts).as("every acknowledged review is on disk").containsAll(List.copyOf(acknowledged));
        Path file = storeDir.resolve(run.id()).resolve("reviews.jsonl");
        byte[] bytes = Files.readAllBytes(file);
        assertThat(bytes[bytes.length - 1]).as("no torn last line").isEqualTo((byte) '\n');
        for (String line : new String(bytes, StandardCharsets.UTF_8).split("\n")) {
            assertThat(ReviewFormat.fromJson(line, "line")).isInstanceOf(Review.Comment.class);
        }
        assertThat(Files.exists(file.resolveSibling("reviews.jsonl.torn"))).isFalse();
        // the store goes on: a new review is appended after the killed server's
        store.appendReview(run.id(), Review.comment("dee", Instant.now(), run.results().get(0).cell(), "after"));
        assertThat(store.reviews(run.id())).hasSize(kept.size() + 1);
    }

    private static String[] waitForHello(Process p, Path log) throws Exception {
        for (int i = 0; i < 600; i++) {
            if (Files.exists(log)) {
                for (String line : Files.readAllLines(log)) {
                    if (line.startsWith("PORT ")) {
                        return line.split(" ");
                    }
                }
            }
            if (!p.isAlive()) {
                throw new AssertionError("the server died: " + Files.readString(log));
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the server did not start: " + Files.readString(log));
    }
}
