package dev.bench4j.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bench batch-export} writes a batch input file and {@code bench batch-import} runs the plan on its answers. */
class BatchCommandsTest {

    @TempDir
    Path dir;

    private final Cli cli = new Cli();

    private int bench(String... args) {
        return cli.run(args);
    }

    @Test
    void exportsTheCellsAndImportsTheAnswersAsARun() throws IOException {
        Files.writeString(dir.resolve("trials.jsonl"), "{\"id\": \"t1\", \"vars\": {\"text\": \"fever\"}, \"expected\": \"flu\"}\n"
                + "{\"id\": \"t2\", \"vars\": {\"text\": \"rash\"}, \"expected\": \"measles\"}\n");
        Path plan = dir.resolve("plan.json");
        Files.writeString(plan, "{\"name\": \"batch\", \"prompts\": [{\"name\": \"v1\", \"messages\": [{\"role\": \"user\","
                + " \"content\": \"Diagnose: {{text}}\"}]}], \"models\": [{\"id\": \"qwen\", \"provider\": \"openai-compatible\","
                + " \"model\": \"Qwen/Qwen3-8B\", \"base_url\": \"http://localhost:8000/v1\", \"max_output_tokens\": 64}],"
                + " \"trials\": \"trials.jsonl\", \"scorers\": [{\"type\": \"contains\"}]}");
        Path input = dir.resolve("batch-input.jsonl");

        assertThat(bench("batch-export", plan.toString(), "--out", input.toString())).isZero();
        List<String> lines = Files.readAllLines(input);
        assertThat(lines).hasSize(2);
        assertThat(cli.err()).contains("Wrote 2 requests");

        List<String> output = new ArrayList<>();
        String[] answers = {"flu", "chickenpox"};
        for (int i = 0; i < lines.size(); i++) {
            JsonNode line = new ObjectMapper().readTree(lines.get(i));
            output.add("{\"id\": \"batch_req_" + i + "\", \"custom_id\": " + line.get("custom_id") + ", \"response\":"
                    + " {\"status_code\": 200, \"request_id\": \"r" + i + "\", \"body\": {\"id\": \"chatcmpl-" + i + "\","
                    + " \"object\": \"chat.completion\", \"created\": 1755612192, \"model\": \"Qwen/Qwen3-8B\", \"choices\":"
                    + " [{\"index\": 0, \"message\": {\"role\": \"assistant\", \"content\": \"" + answers[i] + "\"},"
                    + " \"finish_reason\": \"stop\"}], \"usage\": {\"prompt_tokens\": 12, \"completion_tokens\": 2,"
                    + " \"total_tokens\": 14}}}, \"error\": null}");
        }
        Path result = dir.resolve("batch-output.jsonl");
        Files.write(result, output);

        int code = bench("batch-import", plan.toString(), result.toString(), "--store", dir.resolve("runs").toString());

        assertThat(code).isZero();
        assertThat(cli.err()).contains("Stored run bench_");
        assertThat(Files.list(dir.resolve("runs")).filter(Files::isDirectory).count()).isEqualTo(1);
        assertThat(cli.out()).contains("v1      qwen")
                .containsPattern("2 cells, 2 ok, 0 failed").contains("0.500");
    }

    @Test
    void aPlanWithAModelNoBatchCanRunIsBadInput() throws IOException {
        Files.writeString(dir.resolve("trials.jsonl"), "{\"id\": \"t1\", \"vars\": {\"text\": \"fever\"}}\n");
        Path plan = dir.resolve("plan.json");
        Files.writeString(plan, "{\"name\": \"batch\", \"prompts\": [{\"name\": \"v1\", \"messages\": [{\"role\": \"user\","
                + " \"content\": \"{{text}}\"}]}], \"models\": [{\"provider\": \"echo\", \"model\": \"e\"}],"
                + " \"trials\": \"trials.jsonl\"}");

        assertThat(bench("batch-export", plan.toString(), "--out", dir.resolve("x.jsonl").toString())).isEqualTo(2);
        assertThat(cli.err()).contains("echo");
        assertThat(Files.exists(dir.resolve("x.jsonl"))).isFalse();
    }
}
