package example.consumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.bench4j.core.PlanFile;
import dev.bench4j.core.Result;
import dev.bench4j.core.Run;
import dev.bench4j.core.Summary;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Runs a two-trial benchmark from a plan file against an OpenAI-compatible server on the loopback
 * interface, with the {@code exact} and {@code contains} scorers. The plan names the
 * {@code openai-compatible} provider (module {@code dev.bench4j.providers}) and the scorer types
 * (module {@code dev.bench4j.scoring}); this module requires neither, so the run only works if
 * both were resolved by service binding. Exits with status 1 and a reason if anything is missing.
 */
public final class Main {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Main() {
    }

    /**
     * Runs the benchmark and checks it.
     *
     * @param args not used
     * @throws Exception if the stub server or the plan file cannot be set up
     */
    public static void main(String[] args) throws Exception {
        check(Main.class.getModule().isNamed(), "Main runs in the unnamed module: put it on the module path");
        for (String module : List.of("dev.bench4j.core", "dev.bench4j.providers", "dev.bench4j.scoring")) {
            check(ModuleLayer.boot().findModule(module).isPresent(), module + " was not resolved");
        }

        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/v1/chat/completions", Main::chatCompletion);
        server.start();
        Path dir = Files.createTempDirectory("module-path-consumer");
        try {
            Path plan = Files.writeString(dir.resolve("plan.json"), plan(server.getAddress().getPort()));
            Run run = PlanFile.load(plan).build().run();
            for (Result r : run.results()) {
                System.out.printf("%s %s %s%n", r.cell(), r.succeeded() ? "ok" : r.error().orElseThrow().kind(), r.output());
            }
            Summary.Group all = run.summary().overall();
            check(all.cells() == 2 && all.succeeded() == 2, "expected 2 successful cells, got " + all);
            check(all.scores().get("exact").mean().orElse(-1) == 1.0, "exact: " + all.scores().get("exact"));
            check(all.scores().get("contains").mean().orElse(-1) == 1.0, "contains: " + all.scores().get("contains"));
            System.out.println("module-path-consumer: OK, openai-compatible and exact/contains found by service binding");
        } finally {
            server.stop(0);
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static String plan(int port) {
        return """
                {
                  "name": "module-path-consumer",
                  "prompts": [{"name": "triage", "messages": [{"role": "user", "content": "Classify: {{text}}"}]}],
                  "models": [{"id": "stub", "provider": "openai-compatible", "model": "stub-triage",
                              "base_url": "http://127.0.0.1:%d/v1"}],
                  "trials": [{"id": "t1", "vars": {"text": "crushing chest pain"}, "expected": "cardiac"},
                             {"id": "t2", "vars": {"text": "wheezing after a cold"}, "expected": "respiratory"}],
                  "scorers": [{"type": "exact"}, {"type": "contains"}]
                }
                """.formatted(port);
    }

    /** Answers like an OpenAI-compatible server: one choice, usage, {@code finish_reason: stop}. */
    private static void chatCompletion(HttpExchange exchange) throws IOException {
        try (exchange) {
            JsonNode request = JSON.readTree(exchange.getRequestBody());
            String user = request.path("messages").path(0).path("content").asText();
            String answer = user.contains("chest") ? "cardiac" : "respiratory";
            byte[] body = """
                    {"id": "chatcmpl-7", "object": "chat.completion", "created": 1765152000, "model": "%s",
                     "choices": [{"index": 0, "message": {"role": "assistant", "content": "%s", "refusal": null},
                                  "logprobs": null, "finish_reason": "stop"}],
                     "usage": {"prompt_tokens": 9, "completion_tokens": 1, "total_tokens": 10}}
                    """.formatted(request.path("model").asText(), answer).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static void check(boolean condition, String failure) {
        if (!condition) {
            System.err.println("module-path-consumer: FAILED: " + failure);
            System.exit(1);
        }
    }
}
