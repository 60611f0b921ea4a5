package dev.bench4j.store.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bench4j.core.Result;
import dev.bench4j.core.Run;
import dev.bench4j.core.testing.ScriptedProvider;
import dev.bench4j.store.json.internal.Jackson;
import dev.bench4j.store.json.testing.StorePlans;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Feeds mutated run exports (flipped bytes, truncations, duplicated, deleted and swapped lines, values
 * of the wrong type, junk) to the import: each is either refused with an {@link InvalidRunFileException}
 * naming the file, leaving the store as it was, or imported as a run that reads back whole. Never
 * another exception.
 */
class ExportImportFuzzTest {

    private static final int CASES = 240;
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    @TempDir
    Path dir;

    private byte[] export;
    private JsonRunStore target;

    @BeforeEach
    void exportARun() throws Exception {
        JsonRunStore source = JsonRunStore.at(dir.resolve("source"));
        Run run = StorePlans.rich(ScriptedProvider.echoing("echoing")).store(source).build().run();
        Path file = dir.resolve("export.json");
        source.exportRun(run.id(), file);
        export = Files.readAllBytes(file);
        target = JsonRunStore.at(dir.resolve("target"));
    }

    @Test
    void aMutatedExportIsRefusedClearlyOrImportedWhole() throws Exception {
        Random random = new Random(13);
        int refused = 0;
        int imported = 0;
        for (int i = 0; i < CASES; i++) {
            int kind = i % 8;
            byte[] mutated = mutate(kind, random);
            Path file = dir.resolve("case-" + i + ".json");
            Files.write(file, mutated);
            String what = "case " + i + " (" + KINDS[kind] + "): " + preview(mutated);
            String id;
            try {
                id = target.importRun(file, true);
            } catch (InvalidRunFileException e) {
                assertThat(e.getMessage()).as(what).startsWith(file.toString());
                assertThat(e.getMessage()).as(what).doesNotContain("\tat ");
                refused++;
                continue;
            } catch (RuntimeException e) {
                fail(what + " threw " + e, e);
                return;
            }
            List<Result> results = new ArrayList<>();
            try {
                target.forEachResult(id, results::add);
                target.summarize(id);
                target.load(id).orElseThrow();
                target.trials(id);
            } catch (RuntimeException e) {
                fail(what + " was imported but cannot be read back: " + e, e);
            }
            assertThat(results).as(what).extracting(Result::cell).doesNotHaveDuplicates();
            imported++;
        }
        try (Stream<Path> left = Files.list(target.folder())) {
            assertThat(left.map(p -> p.getFileName().toString())).as("no staging folder left behind")
                    .noneMatch(name -> name.startsWith("."));
        }
        assertThat(refused).as("most mutations break the file").isGreaterThan(CASES / 2);
        assertThat(imported).as("some mutations leave a valid export").isPositive();
    }

    private static final String[] KINDS = {"flipped bytes", "truncated", "duplicated line", "deleted line",
        "swapped lines", "value of another type", "junk inserted", "field removed"};

    private byte[] mutate(int kind, Random random) throws Exception {
        return switch (kind) {
            case 0 -> {
                byte[] b = export.clone();
                for (int n = 1 + random.nextInt(4); n > 0; n--) {
                    b[random.nextInt(b.length)] ^= (byte) (1 << random.nextInt(8));
                }
                yield b;
            }
            case 1 -> Arrays.copyOf(export, random.nextInt(export.length));
            case 2, 3, 4 -> {
                List<String> lines = new ArrayList<>(Arrays.asList(new String(export, StandardCharsets.UTF_8).split("\n", -1)));
                int a = random.nextInt(lines.size());
                int b = random.nextInt(lines.size());
                if (kind == 2) {
                    lines.add(a, lines.get(a));
                } else if (kind == 3) {
                    lines.remove(a);
                } else {
                    String t = lines.get(a);
                    lines.set(a, lines.get(b));
                    lines.set(b, t);
                }
                yield String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
            }
            case 5 -> {
                JsonNode root = Jackson.MAPPER.readTree(export);
                replaceRandomValue(root, random);
                yield Jackson.MAPPER.writeValueAsBytes(root);
            }
            case 6 -> {
                int at = random.nextInt(export.length);
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                out.write(export, 0, at);
                byte[] junk = new byte[1 + random.nextInt(6)];
                random.nextBytes(junk);
                out.write(junk);
                out.write(export, at, export.length - at);
                yield out.toByteArray();
            }
            default -> {
                JsonNode root = Jackson.MAPPER.readTree(export);
                removeRandomField(root, random);
                yield Jackson.MAPPER.writeValueAsBytes(root);
            }
        };
    }

    /** Every container node of a tree, depth first. */
    private static List<JsonNode> containers(JsonNode root) {
        List<JsonNode> out = new ArrayList<>();
        if (root.isContainerNode()) {
            out.add(root);
            root.elements().forEachRemaining(c -> out.addAll(containers(c)));
        }
        return out;
    }

    private static void replaceRandomValue(JsonNode root, Random random) {
        List<JsonNode> all = containers(root);
        JsonNode parent = all.get(random.nextInt(all.size()));
        if (parent.size() == 0) {
            return;
        }
        JsonNode value = switch (random.nextInt(7)) {
            case 0 -> F.textNode("x");
            case 1 -> F.numberNode(-1);
            case 2 -> F.numberNode(1e300);
            case 3 -> F.nullNode();
            case 4 -> F.booleanNode(true);
            case 5 -> F.arrayNode().add(1);
            default -> F.objectNode().put("k", "v");
        };
        if (parent instanceof ObjectNode o) {
            List<String> names = new ArrayList<>();
            o.fieldNames().forEachRemaining(names::add);
            o.set(names.get(random.nextInt(names.size())), value);
        } else {
            ((ArrayNode) parent).set(random.nextInt(parent.size()), value);
        }
    }

    private static void removeRandomField(JsonNode root, Random random) {
        List<JsonNode> objects = containers(root).stream().filter(JsonNode::isObject).filter(n -> n.size() > 0).toList();
        ObjectNode o = (ObjectNode) objects.get(random.nextInt(objects.size()));
        List<String> names = new ArrayList<>();
        o.fieldNames().forEachRemaining(names::add);
        o.remove(names.get(random.nextInt(names.size())));
    }

    private static String preview(byte[] b) {
        String s = new String(b, 0, Math.min(b.length, 120), StandardCharsets.UTF_8);
        return s.replace('\n', ' ');
    }
}
