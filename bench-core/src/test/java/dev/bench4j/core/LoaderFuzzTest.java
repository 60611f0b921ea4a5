package dev.bench4j.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Feeds mutated plan (JSON and YAML), trial (JSONL, CSV, JSON), prompt, model config and price
 * table files to the loaders: each either loads (and a plan builds) or is refused with an
 * {@link InvalidPlanException} naming the file; never another exception. Seeded, so a failure
 * repeats; the failing input is in the message.
 */
class LoaderFuzzTest {

    private static final long SEED = 20261207L;
    private static final int CASES_PER_SEED = 200;

    @TempDir
    Path dir;

    private static final String PROMPT = """
            {"name": "v1", "metadata": {"author": "a"}, "messages": [
              {"role": "system", "content": "You are a nurse."},
              {"role": "user", "content": "Classify: {{text}} ({{age}})"}]}
            """;
    private static final String MODEL = """
            {"id": "e1", "provider": "echo", "model": "echo-1", "temperature": 0.5, "max_output_tokens": 100,
             "params": {"latency_ms": 0}}
            """;
    private static final String JSONL = """
            {"id": "t1", "vars": {"text": "chest pain", "age": 54}, "expected": "urgent"}
            {"id": "t2", "vars": {"text": "a cold", "age": 3}, "expected": "routine", "metadata": {"k": [1, 2]}}
            """;
    private static final String CSV = """
            id,text,age,expected
            t1,"chest pain, left",54,urgent
            t2,a cold,3,routine
            """;
    private static final String JSON_TRIALS = """
            [{"id": "t1", "vars": {"text": "chest pain", "age": 54}},
             {"id": "t2", "vars": {"text": "a cold", "age": 3}, "expected": {"label": "routine"}}]
            """;
    private static final String PRICES = """
            {"schema": "bench4j.prices/1", "as_of": "2026-11-18", "source": "test",
             "prices": [{"provider": "echo", "model": "echo-1", "input": 1.5, "output": 2.0, "cached_input": 0.1}]}
            """;
    private static final String PLAN_JSON = """
            {"name": "fuzz", "description": "d",
             "prompts": ["prompts/v1.json", {"name": "v2", "messages": [{"role": "user", "content": "T: {{text}} {{age}}"}]}],
             "models": ["models/e.json", {"provider": "echo", "model": "echo-2", "params": {"latency_ms": 0}}],
             "trials": "data/trials.jsonl", "repetitions": 2, "concurrency": 3, "provider_concurrency": {"echo": 2},
             "scorers": [{"type": "length", "plus": 1}], "retry": {"max_attempts": 2, "initial_backoff_ms": 10,
             "max_backoff_ms": 100, "multiplier": 2, "jitter": 0.1}, "attempt_timeout_seconds": 5,
             "cell_deadline_seconds": 30, "run_deadline_seconds": 60, "cache": {"max_entries": 10}, "store": "runs"}
            """;
    private static final String PLAN_YAML = """
            name: fuzz
            prompts:
              - prompts/v1.json
              - name: v2
                messages:
                  - {role: system, content: &sys "Be brief."}
                  - role: user
                    content: |
                      T: {{text}} {{age}}
              - name: v3
                messages: [{role: system, content: *sys}, {role: user, content: "{{text}}"}]
            models:
              - &m {provider: echo, model: echo-2, params: {latency_ms: 0}}
              - {<<: *m, model: echo-3}
            trials: data/trials.csv
            repetitions: 1
            retry: {max_backoff_ms: 200, initial_backoff_ms: 50}
            cache: false
            """;

    /** Tokens that matter to JSON, YAML, CSV and templates, inserted at random places. */
    private static final String[] TOKENS = {"{", "}", "[", "]", "\"", "'", ":", ",", "\n", " ", "-", "- ", "&a ", "*a",
        "<<: ", "1e100", "-1", "0", "1.5", "2147483648", "99999999999999999999", "null", "true", "\"x\"", "\u0000",
        "\t", "\u0007", "{{", "}}", "{x}", "#", "!!binary ", "!!str ", "%YAML 1.1\n", "---\n", "|", ">", "?", "\\", "\\u",
        "\ud800", "é", "\r\n", ",,", "\"\"", "id", "vars", "name", "messages", "role", "content", "trials", "prompts",
        "models", "provider", "model", "repetitions", "concurrency", "retry", "cache", "{}", "[]", "NaN", "Infinity",
        ".5", "0x10", "~", "=", "\ufeff"};

    private interface Loader {
        void load(Path file) throws Exception;
    }

    @Test
    void mutatedPlanPromptConfigTrialAndPriceFilesLoadOrAreRefusedNamingTheFile() throws IOException {
        Files.createDirectories(dir.resolve("prompts"));
        Files.createDirectories(dir.resolve("models"));
        Files.createDirectories(dir.resolve("data"));
        List<String> failures = new ArrayList<>();
        int cases = 0;

        cases += fuzz("prompts/v1.json", PROMPT, f -> Prompt.fromJson(f), failures);
        cases += fuzz("models/e.json", MODEL, f -> ModelConfig.fromJson(f), failures);
        cases += fuzz("data/trials.jsonl", JSONL, f -> Trials.fromFile(f), failures);
        cases += fuzz("data/trials.csv", CSV, f -> Trials.fromFile(f), failures);
        cases += fuzz("data/trials.json", JSON_TRIALS, f -> Trials.fromFile(f), failures);
        cases += fuzz("prices.json", PRICES, f -> PriceTable.fromJson(f), failures);
        restoreInputs();
        cases += fuzz("plan.json", PLAN_JSON, f -> PlanFile.load(f).build(), failures);
        cases += fuzz("plan.yaml", PLAN_YAML, f -> PlanFile.load(f).build(), failures);
        // a plan whose inputs are mutated: messages may name the input file inside the plan's
        cases += fuzzInputsOfPlan(failures);

        cases += adversarial(failures);

        assertThat(failures).as("inputs that raised something other than a clear refusal").isEmpty();
        assertThat(cases).isGreaterThanOrEqualTo(2_000);
        assertThat(loaded).as("mutated inputs that still load").isGreaterThan(cases / 10);
        assertThat(refused).as("mutated inputs refused").isGreaterThan(cases / 3);
    }

    private void restoreInputs() throws IOException {
        write("prompts/v1.json", PROMPT);
        write("models/e.json", MODEL);
        write("data/trials.jsonl", JSONL);
        write("data/trials.csv", CSV);
        write("data/trials.json", JSON_TRIALS);
    }

    private void write(String name, String text) throws IOException {
        Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    private int fuzz(String name, String seedText, Loader loader, List<String> failures) throws IOException {
        Random random = new Random(SEED ^ name.hashCode());
        Path file = dir.resolve(name);
        for (int i = 0; i < CASES_PER_SEED; i++) {
            String text = mutate(seedText, random);
            writeRaw(file, text, random);
            check(file, text, loader, failures);
        }
        return CASES_PER_SEED;
    }

    private int fuzzInputsOfPlan(List<String> failures) throws IOException {
        write("plan.json", PLAN_JSON);
        String[][] inputs = {{"prompts/v1.json", PROMPT}, {"models/e.json", MODEL}, {"data/trials.jsonl", JSONL}};
        Random random = new Random(SEED);
        int n = 0;
        for (String[] input : inputs) {
            for (int i = 0; i < CASES_PER_SEED / 2; i++) {
                String text = mutate(input[1], random);
                writeRaw(dir.resolve(input[0]), text, random);
                check(dir.resolve("plan.json"), input[0] + ":\n" + text, f -> PlanFile.load(f).build(), failures);
                n++;
            }
            write(input[0], input[1]);
        }
        return n;
    }

    /** Hand-made hostile inputs for every loader: bombs, deep nesting, empty, binary, a folder. */
    private int adversarial(List<String> failures) throws IOException {
        StringBuilder bomb = new StringBuilder("name: x\na0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (int i = 1; i <= 9; i++) {
            bomb.append("a").append(i).append(": &a").append(i).append(" [").append(("*a" + (i - 1) + ", ").repeat(8))
                    .append("*a").append(i - 1).append("]\n");
        }
        String deepJson = "[".repeat(100_000) + "]".repeat(100_000);
        String[] texts = {"", "\ufeff", "\u0000\u0000", bomb.toString(), deepJson, "{\"a\":" + deepJson + "}",
            "x: " + "[".repeat(100_000), "- ".repeat(5_000) + "x", "&a [*a]", "{\"name\": \"x\"}{}", "\"just a string\"",
            "[1, 2]", "name: x\n---\nname: y\n", "!!binary aGVsbG8=", "? [a, b]\n: c\n", "{\"a\": 1e999999}",
            "id\n" + "\"".repeat(3), "id,id\n1,2\n", "\"id\",\"x\"\n\"unterminated\n"};
        String[] names = {"plan.json", "plan.yaml", "prompts/v1.json", "models/e.json", "data/trials.jsonl",
            "data/trials.csv", "data/trials.json", "prices.json"};
        int n = 0;
        for (String name : names) {
            Loader loader = loaderFor(name);
            for (String text : texts) {
                write(name, text);
                check(dir.resolve(name), text.length() > 200 ? text.substring(0, 200) + "..." : text, loader, failures);
                n++;
            }
            Files.delete(dir.resolve(name));
            Files.createDirectories(dir.resolve(name));
            check(dir.resolve(name), "(a folder)", loader, failures);
            check(dir.resolve(name + ".missing"), "(missing)", loader, failures);
            Files.delete(dir.resolve(name));
            n += 2;
        }
        return n;
    }

    private static Loader loaderFor(String name) {
        if (name.startsWith("plan")) {
            return f -> PlanFile.load(f).build();
        }
        if (name.startsWith("prompts")) {
            return Prompt::fromJson;
        }
        if (name.startsWith("models")) {
            return ModelConfig::fromJson;
        }
        return name.startsWith("data") ? Trials::fromFile : PriceTable::fromJson;
    }

    /** Writes the text as UTF-8, or now and then as bytes that are not UTF-8. */
    private static void writeRaw(Path file, String text, Random random) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (random.nextInt(40) == 0 && bytes.length > 0) {
            bytes[random.nextInt(bytes.length)] = (byte) 0xC3;
            bytes[bytes.length - 1] = (byte) 0xFF;
        }
        Files.write(file, bytes);
    }

    private int loaded;
    private int refused;

    private void check(Path file, String text, Loader loader, List<String> failures) {
        try {
            loader.load(file);
            loaded++;
        } catch (InvalidPlanException e) {
            refused++;
            if (e.getMessage() == null || e.getMessage().isBlank()) {
                failures.add("blank message for:\n" + text);
            } else if (!mentionsAFile(e) && !isPlanLevel(e)) {
                failures.add("message names no file: " + e.getMessage() + "\nfor:\n" + text);
            }
        } catch (Throwable e) {
            failures.add(e + (e.getStackTrace().length > 0 ? " at " + e.getStackTrace()[0] : "") + "\nfor " + file.getFileName()
                    + ":\n" + text);
        }
    }

    private static boolean mentionsAFile(InvalidPlanException e) {
        String m = e.getMessage();
        return m.contains(".json") || m.contains(".jsonl") || m.contains(".csv") || m.contains(".yaml");
    }

    /** A problem of the plan as a whole, found by {@code build()}: it names the prompt, model or trial instead. */
    private static boolean isPlanLevel(InvalidPlanException e) {
        String m = e.getMessage();
        return m.startsWith("Prompt '") || m.startsWith("Plan '") || m.startsWith("The ") || m.startsWith("Model '")
                || m.startsWith("Duplicate ") || m.startsWith("No provider '") || m.matches("(?s)\\d+ problems:.*");
    }

    private static String mutate(String seed, Random random) {
        StringBuilder s = new StringBuilder(seed);
        int edits = random.nextInt(4) == 0 ? 2 + random.nextInt(3) : 1;
        for (int k = 0; k < edits; k++) {
            int at = s.length() == 0 ? 0 : random.nextInt(s.length() + 1);
            switch (random.nextInt(8)) {
                case 0 -> s.insert(at, TOKENS[random.nextInt(TOKENS.length)]);
                case 1 -> {
                    int end = Math.min(s.length(), at + 1 + random.nextInt(12));
                    s.delete(at, end);
                }
                case 2 -> {
                    int end = Math.min(s.length(), at + 1 + random.nextInt(40));
                    s.insert(end, s.substring(at, end));
                }
                case 3 -> s.setLength(Math.min(s.length(), at));
                case 4 -> replaceNumber(s, random);
                case 7 -> replaceValue(s, random);
                case 5 -> {
                    if (at < s.length()) {
                        s.setCharAt(at, (char) random.nextInt(0x80));
                    }
                }
                default -> {
                    int end = Math.min(s.length(), at + random.nextInt(6));
                    s.replace(at, end, TOKENS[random.nextInt(TOKENS.length)]);
                }
            }
        }
        return s.toString();
    }

    private static final String[] NUMBERS = {"0", "-1", "1e100", "-1e100", "1.5", "2147483647", "2147483648",
        "9223372036854775808", "1e-400", "\"10\"", "null", "[]", "{}", "true"};

    private static final String[] VALUES = {"null", "{}", "[]", "\"x\"", "0", "true", "[null]", "{\"a\": null}"};

    /** Replaces the value after a random {@code ": "} with a value of another type. */
    private static void replaceValue(StringBuilder s, Random random) {
        int at = s.indexOf(": ", random.nextInt(Math.max(1, s.length())));
        if (at < 0) {
            return;
        }
        int start = at + 2;
        int end = start;
        int depth = 0;
        while (end < s.length()) {
            char c = s.charAt(end);
            if (c == '{' || c == '[') {
                depth++;
            } else if (c == '}' || c == ']') {
                if (depth == 0) {
                    break;
                }
                depth--;
            } else if ((c == ',' || c == '\n') && depth == 0) {
                break;
            }
            end++;
        }
        s.replace(start, end, VALUES[random.nextInt(VALUES.length)]);
    }

    private static void replaceNumber(StringBuilder s, Random random) {
        List<int[]> spans = new ArrayList<>();
        for (int k = 0; k < s.length(); k++) {
            if (Character.isDigit(s.charAt(k)) && (k == 0 || !Character.isLetterOrDigit(s.charAt(k - 1)))) {
                int end = k;
                while (end < s.length() && (Character.isDigit(s.charAt(end)) || s.charAt(end) == '.')) {
                    end++;
                }
                spans.add(new int[] {k, end});
                k = end;
            }
        }
        if (!spans.isEmpty()) {
            int[] span = spans.get(random.nextInt(spans.size()));
            s.replace(span[0], span[1], NUMBERS[random.nextInt(NUMBERS.length)]);
        }
    }
}
