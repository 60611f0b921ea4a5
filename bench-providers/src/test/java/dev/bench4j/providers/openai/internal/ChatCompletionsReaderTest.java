package dev.bench4j.providers.openai.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bench4j.core.Usage;
import dev.bench4j.core.spi.ModelResponse;
import dev.bench4j.providers.internal.http.Json;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * ChatCompletionsReader reads an answer exactly as the tree is read, or gives up: for every
 * fixture of every provider and for answers of every odd shape, it returns what
 * {@code ChatCompletionsApi.parse} returns from the tree, and nothing when the tree cannot be
 * read or parse refuses it (so that the provider parses the tree and fails with its message).
 */
class ChatCompletionsReaderTest {

    private static final List<Flavor> FLAVORS = List.of(Flavor.OPENAI, Flavor.XAI, Flavor.COMPATIBLE);

    /** What the tree gives: the response, or empty when the body is not an object or parse refuses it. */
    private static Optional<ModelResponse> tree(byte[] body, Flavor flavor) {
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(body);
        } catch (IOException e) {
            return Optional.empty();
        }
        if (node == null || !node.isObject()) {
            return Optional.empty();
        }
        try {
            return Optional.of(ChatCompletionsApi.parse(node, flavor));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Asserts that the reader agrees with the tree, and returns whether it read the body itself. */
    private static boolean agrees(byte[] body, String what) {
        boolean read = false;
        for (Flavor flavor : FLAVORS) {
            Optional<ModelResponse> fast = ChatCompletionsReader.read(body, flavor);
            Optional<ModelResponse> tree = tree(body, flavor);
            if (fast.isPresent()) {
                assertThat(tree).as("%s (%s): the tree refuses what the reader read", what, flavor.name()).isPresent();
                assertThat(fast.get()).as("%s (%s)", what, flavor.name()).isEqualTo(tree.get());
                read = true;
            }
        }
        return read;
    }

    private static boolean agrees(String body) {
        return agrees(body.getBytes(StandardCharsets.UTF_8), body);
    }

    private static List<Path> fixtures() throws IOException, URISyntaxException {
        URL root = ChatCompletionsReaderTest.class.getResource("/fixtures");
        List<Path> files = new ArrayList<>();
        try (Stream<Path> all = Files.walk(Path.of(root.toURI()))) {
            all.filter(Files::isRegularFile).sorted().forEach(files::add);
        }
        return files;
    }

    @Test
    void readsEveryFixtureAsTheTreeDoesAndTheUsualOnesItself() throws Exception {
        List<String> readItself = new ArrayList<>();
        for (Path file : fixtures()) {
            byte[] body;
            try (InputStream in = Files.newInputStream(file)) {
                body = in.readAllBytes();
            }
            if (agrees(body, file.toString())) {
                readItself.add(file.getParent().getFileName() + "/" + file.getFileName());
            }
        }
        assertThat(readItself).contains("openai/success.json", "openai/reasoning.json", "openai/multiple-choices.json",
                "openai/refusal.json", "openai/content-filter.json", "openai/length.json", "openai/length-empty.json",
                "openai/unicode.json", "xai/success.json", "xai/reasoning.json");
    }

    @Test
    void readsTheUsualShapesItself() {
        String usage = "\"usage\":{\"prompt_tokens\":18,\"completion_tokens\":36,\"total_tokens\":54,"
                + "\"prompt_tokens_details\":{\"cached_tokens\":4,\"audio_tokens\":0},"
                + "\"completion_tokens_details\":{\"reasoning_tokens\":7,\"accepted_prediction_tokens\":0}}";
        List<String> usual = List.of(
                "{\"id\":\"x\",\"object\":\"chat.completion\",\"created\":1796657443,\"model\":\"mock-a\",\"system_fingerprint\":\"fp\","
                        + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"{\\\"a\\\":[1,2]}\","
                        + "\"refusal\":null,\"annotations\":[]},\"logprobs\":null,\"finish_reason\":\"stop\"}]," + usage
                        + ",\"service_tier\":\"default\"}",
                "{" + usage + ",\"choices\":[{\"finish_reason\":\"length\",\"message\":{\"content\":\"\"},\"index\":0}],\"model\":\"m\"}",
                "{\"choices\":[{\"message\":{\"content\":null,\"refusal\":\"I can't help with that.\"},\"finish_reason\":\"stop\"}]}",
                "{\"choices\":[{\"message\":{\"content\":\"\",\"refusal\":\"no\"}},{\"message\":{\"content\":\"yes\"}}]}",
                "{\"choices\":[{\"index\":1,\"message\":{\"content\":\"second\"}},{\"index\":0,\"message\":{\"content\":\"first\"}}]}",
                "{\"choices\":[{\"index\":1,\"message\":{\"content\":\"b\"}},{\"message\":{\"content\":\"a\"}},{\"message\":{}}]}",
                "{\"choices\":[{\"index\":0,\"message\":{\"content\":\"a\"}},{\"index\":0,\"message\":{\"content\":\"again\"}}]}",
                "{\"choices\":[{\"index\":null,\"message\":{\"content\":\"a\"},\"finish_reason\":null}],\"model\":null,\"usage\":null}",
                "{\"choices\":[{\"message\":{\"content\":\"a\"},\"finish_reason\":7}],\"model\":{\"id\":1},\"usage\":[1,2]}",
                "{\"choices\":[{\"message\":{\"content\":\"a\",\"refusal\":false}}],\"usage\":\"none\"}",
                "{\"choices\":[{\"message\":{\"content\":\"a\"}}],\"usage\":{\"prompt_tokens\":\"18\",\"completion_tokens\":null,"
                        + "\"total_tokens\":true,\"completion_tokens_details\":null,\"prompt_tokens_details\":[{\"cached_tokens\":3}]}}",
                "{\"choices\":[{\"message\":{\"content\":\"a\"}}],\"usage\":{\"completion_tokens\":9007199254740993,"
                        + "\"prompt_tokens\":0,\"completion_tokens_details\":{\"reasoning_tokens\":2147483648}}}",
                "{\"choices\":[{\"message\":{\"content\":\"a\"}}],\"usage\":{\"completion_tokens\":10,"
                        + "\"completion_tokens_details\":{\"reasoning_tokens\":4}}}",
                "{\"choices\":[{\"message\":{\"content\":\"\\u00e9\\ud83d\\ude00 \\\"q\\\" \\\\ \\n\"}}],\"model\":\"\\u6a21\"}",
                "  \n{\"choices\":[{\"message\":{\"content\":\"a\"}}]} trailing [ garbage",
                "{\"choices\":[{\"message\":{\"content\":\"a\"}}],\"choices_extra\":{\"choices\":[],\"usage\":{\"x\":[{},[]]}},"
                        + "\"a\":[[[{\"b\":\"c\"}]]],\"model\":\"m\"}",
                "{\"id\":\"a\",\"id\":\"b\",\"choices\":[{\"logprobs\":{\"content\":[{\"token\":\"a\",\"logprob\":-0.1,\"bytes\":[97]}]},"
                        + "\"message\":{\"role\":\"assistant\",\"role\":\"x\",\"content\":\"a\"}}]}");
        for (String body : usual) {
            assertThat(agrees(body)).as("read by the reader: %s", body).isTrue();
        }
    }

    @Test
    void leavesEveryOtherShapeToTheTree() {
        List<String> others = List.of(
                "", " ", "null", "[]", "[{\"choices\":[]}]", "\"text\"", "42",
                "{}", "{\"choices\":null}", "{\"choices\":[]}", "{\"choices\":{}}", "{\"choices\":\"a\"}",
                "{\"choices\":[1]}", "{\"choices\":[null]}", "{\"choices\":[{}]}", "{\"choices\":[{\"message\":null}]}",
                "{\"choices\":[{\"message\":\"hi\"}]}", "{\"choices\":[{\"message\":[]}]}",
                "{\"choices\":[{\"message\":{\"content\":[{\"type\":\"text\",\"text\":\"a\"},{\"type\":\"image\"}]}}]}",
                "{\"choices\":[{\"message\":{\"content\":42}}]}", "{\"choices\":[{\"message\":{\"content\":{\"text\":\"a\"}}}]}",
                "{\"choices\":[{\"index\":\"1\",\"message\":{\"content\":\"a\"}}]}",
                "{\"choices\":[{\"index\":1.5,\"message\":{\"content\":\"a\"}}]}",
                "{\"choices\":[{\"index\":4294967297,\"message\":{\"content\":\"a\"}}]}",
                "{\"choices\":[{\"index\":true,\"message\":{\"content\":\"a\"}}]}",
                "{\"choices\":[{\"message\":{\"content\":\"a\"}}],\"choices\":[{\"message\":{\"content\":\"b\"}}]}",
                "{\"choices\":[{\"message\":{\"content\":\"a\"}}],\"model\":\"a\",\"model\":\"b\"}",
                "{\"choices\":[{\"message\":{\"content\":\"a\"}}],\"usage\":{},\"usage\":{\"prompt_tokens\":1}}",
                "{\"choices\":[{\"message\":{\"content\":\"a\",\"content\":\"b\"}}]}",
                "{\"choices\":[{\"message\":{\"content\":\"a\"},\"message\":{\"content\":\"b\"}}]}",
                "{\"choices\":[{\"message\":{\"content\":\"a\"},\"finish_reason\":\"stop\",\"finish_reason\":\"length\"}]}",
                "{\"choices\":[{\"message\":{\"content\":\"a\"}}],\"usage\":{\"prompt_tokens\":1,\"prompt_tokens\":2}}",
                "{\"choices\":[{\"message\":{\"content\":\"a\"}}],\"usage\":{\"prompt_tokens\":1.0}}",
                "{\"choices\":[{\"message\":{\"content\":\"a\"}}],\"usage\":{\"prompt_tokens\":1e3}}",
                "{\"choices\":[{\"message\":{\"content\":\"a\"}}],\"usage\":{\"prompt_tokens\":99999999999999999999}}",
                "{\"choices\":[{\"message\":{\"content\":\"a\"}}],\"usage\":{\"completion_tokens_details\":{\"reasoning_tokens\":1,"
                        + "\"reasoning_tokens\":2}}}",
                "{\"choices\":[{\"message\":{\"content\":\"a\"}}],\"usage\":{\"prompt_tokens_details\":{\"cached_tokens\":0.5}}}",
                "{\"choices\":[{\"message\":{\"content\":\"a\"}}]",
                "{\"choices\":[{\"message\":{\"content\":\"a\"}}],\"id\":\"chatcmpl-",
                "{\"choices\":[{\"message\":{\"content\":\"a\"}}],\"x\":[1,2,}",
                "{\"choices\":[{\"message\":{\"content\":\"a\"}}],\"id\":\"bad escape \\q\"}",
                "{\"choices\":[{\"message\":{\"content\":\"a\"}}],\"id\":\"raw\tcontrol\"}",
                "{\"choices\":[{\"message\":{\"content\":\"a\"}}],\"x\":[{\"y\":\"bad \\u12\"}]}",
                "{\"choices\":[{\"message\":{\"content\":\"a\"}}],\"x\":NaN}",
                "{\"choices\":[{\"message\":{\"content\":\"a\"}}],\"x\":01}",
                "{\"choices\":[{\"message\":{\"content\":\"a\"}}],'x':1}",
                "{\"choices\":[{\"message\":{\"content\":\"a\"}}],\"x\":1,}",
                "{\"choices\":[{\"message\":{\"content\":\"a\"}}],\"usage\":{\"prompt_tokens\":-1}}",
                "<html><body>Bad gateway</body></html>");
        for (String body : others) {
            for (Flavor flavor : FLAVORS) {
                assertThat(ChatCompletionsReader.read(body.getBytes(StandardCharsets.UTF_8), flavor)).as("%s", body).isEmpty();
            }
            agrees(body);
        }
    }

    /** The choices as parse used to join them: a TreeMap by index, a choice without one taking the map's size. */
    private static String joinedAsBefore(List<Object[]> choices) {
        Map<Integer, String> texts = new TreeMap<>();
        for (Object[] c : choices) {
            String content = (String) c[1];
            String refusal = (String) c[2];
            if ((content == null || content.isEmpty()) && refusal != null) {
                content = refusal;
            }
            texts.put(c[0] == null ? texts.size() : (Integer) c[0], content == null ? "" : content);
        }
        return String.join("\n\n", texts.values());
    }

    @Test
    void choicesAreJoinedByIndexAsBeforeWhateverTheirOrderAndCollisions() {
        List<List<Object[]>> cases = List.of(
                List.<Object[]>of(new Object[] {0, "a", null}),
                List.<Object[]>of(new Object[] {null, null, null}),
                List.<Object[]>of(new Object[] {3, "", "no"}),
                List.<Object[]>of(new Object[] {1, "b", null}, new Object[] {0, "a", null}),
                List.<Object[]>of(new Object[] {0, "a", null}, new Object[] {0, "again", null}),
                List.<Object[]>of(new Object[] {0, "a", null}, new Object[] {0, "again", null}, new Object[] {null, "c", null}),
                List.<Object[]>of(new Object[] {1, "b", null}, new Object[] {null, "a", null}, new Object[] {null, null, null}),
                List.<Object[]>of(new Object[] {null, "a", null}, new Object[] {null, "b", null}, new Object[] {5, "f", null},
                        new Object[] {-1, "z", null}, new Object[] {null, "d", null}),
                List.<Object[]>of(new Object[] {2, "c", null}, new Object[] {2, null, "r"}, new Object[] {2, "", null}));
        for (List<Object[]> choices : cases) {
            ChatCompletionsApi.Choices all = new ChatCompletionsApi.Choices();
            for (Object[] c : choices) {
                all.add(c[0] == null ? all.size() : (Integer) c[0], (String) c[1], (String) c[2], null);
            }
            assertThat(all.response(Usage.unknown(), null).text()).isEqualTo(joinedAsBefore(choices));
        }
    }

    @Test
    void invalidUtf8AnywhereIsLeftToTheTree() {
        byte[][] bad = {{(byte) 0xC3, 0x28}, {(byte) 0xE2, (byte) 0x82}, {(byte) 0xF0, (byte) 0x9F, (byte) 0x98}, {(byte) 0xFF},
            {(byte) 0x80}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}};
        for (byte[] b : bad) {
            for (String where : List.of("{\"id\":\"%s\",\"choices\":[{\"message\":{\"content\":\"a\"}}]}",
                    "{\"choices\":[{\"message\":{\"content\":\"a%s\"}}]}", "{\"choices\":[{\"message\":{\"content\":\"a\"},\"x\":[\"%s\"]}]}")) {
                String[] parts = where.split("%s");
                byte[] head = parts[0].getBytes(StandardCharsets.UTF_8);
                byte[] tail = parts[1].getBytes(StandardCharsets.UTF_8);
                byte[] body = new byte[head.length + b.length + tail.length];
                System.arraycopy(head, 0, body, 0, head.length);
                System.arraycopy(b, 0, body, head.length, b.length);
                System.arraycopy(tail, 0, body, head.length + b.length, tail.length);
                agrees(body, where + " with bytes " + Arrays.toString(b));
            }
        }
    }
}
