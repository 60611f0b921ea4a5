package dev.bench4j.core.internal.io;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.core.ObjectCodec;
import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactoryBuilder;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import dev.bench4j.core.InvalidPlanException;
import dev.bench4j.core.json.JsonFields;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.NodeEvent;

/**
 * Reads YAML files into JSON trees, resolving anchors ({@code &name}), aliases ({@code *name})
 * and merge keys ({@code <<: *name}) the way YAML defines them: Jackson's YAML parser reports an
 * alias as a string holding the anchor's name, so this class builds the tree itself.
 *
 * <p>Limits (an "alias bomb" such as the billion laughs is refused, not expanded): at most
 * {@value #MAX_ALIAS_VALUES} values added by aliases (each alias adds a copy of its anchor's value), at most
 * {@value #MAX_DEPTH} levels of nesting, at most {@value #MAX_CODE_POINTS} characters in the file.
 * A key repeated in one mapping, an alias to an anchor not defined before it, an alias inside its
 * own anchor and a second document are refused too; every message names the file, line and column.
 */
final class YamlFiles {

    /** Values (objects, arrays and scalars) that aliases may add to a document, all aliases together. */
    static final int MAX_ALIAS_VALUES = 100_000;
    /** Levels of nesting. */
    static final int MAX_DEPTH = 200;
    /** Characters in one YAML file. */
    static final int MAX_CODE_POINTS = 64 * 1024 * 1024;

    private static final String MERGE = "<<";

    /** The factory, made on first use: most plans are JSON, and it costs a cold start ~0.1 s. */
    private static final class Factory {
        static final YAMLFactory YAML = yamlFactory();

        private static YAMLFactory yamlFactory() {
            LoaderOptions options = new LoaderOptions();
            options.setCodePointLimit(MAX_CODE_POINTS);
            options.setNestingDepthLimit(MAX_DEPTH);
            options.setAllowDuplicateKeys(false);
            return new AnchorFactory(YAMLFactory.builder().loaderOptions(options)
                    .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build()));
        }
    }

    /** Makes {@link AnchorParser}s. */
    private static final class AnchorFactory extends YAMLFactory {
        private static final long serialVersionUID = 1L;

        AnchorFactory(YAMLFactoryBuilder b) {
            super(b);
        }

        @Override
        protected YAMLParser _createParser(Reader r, IOContext ctxt) throws IOException {
            return new AnchorParser(ctxt, _parserFeatures, _yamlParserFeatures, _loaderOptions, _objectCodec, r);
        }
    }

    /**
     * Jackson's YAML parser, telling the anchor of every value: its {@code getObjectId()} tells only
     * a mapping's or a sequence's, never a scalar's.
     */
    private static final class AnchorParser extends YAMLParser {
        AnchorParser(IOContext ctxt, int parserFeatures, int formatFeatures, LoaderOptions options, ObjectCodec codec,
                Reader reader) {
            super(ctxt, parserFeatures, formatFeatures, options, codec, reader);
        }

        /** The anchor ({@code &name}) of the value at the current token, or {@code null}. */
        String anchor() {
            return _lastEvent instanceof NodeEvent e && !(e instanceof AliasEvent) ? e.getAnchor() : null;
        }
    }

    private YamlFiles() {
    }

    /**
     * Reads a YAML file holding one document.
     *
     * @param file the file
     * @return the document's value, never a missing node ({@code null} node for an empty document)
     * @throws InvalidPlanException naming the file, line and column if it cannot be read, is empty,
     *     is not valid YAML or breaks one of the limits
     */
    static JsonNode readTree(Path file) {
        String text = JsonFiles.readText(file);
        if (text.isBlank()) {
            throw new InvalidPlanException(file + ": the file is empty");
        }
        return parse(text, file.toString());
    }

    /**
     * Parses YAML text holding one document.
     *
     * @param text the text
     * @param where the file, for messages
     * @return the value ({@code null} node for a document with no value)
     * @throws InvalidPlanException naming the file, line and column if the text is not valid YAML
     *     or breaks one of the limits
     */
    static JsonNode parse(String text, String where) {
        try (AnchorParser p = (AnchorParser) Factory.YAML.createParser(new StringReader(text))) {
            Builder b = new Builder(p, where);
            if (p.nextToken() == null) {
                return JsonNodeFactory.instance.nullNode();
            }
            JsonNode root = b.value(0);
            JsonToken after = p.nextToken();
            if (after != null) {
                throw b.problem(p.currentTokenLocation(), "a second YAML document (after \"---\"); a plan file holds one");
            }
            return root;
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String place = at == null || at.getLineNr() < 1 ? "" : "line " + at.getLineNr() + ", column " + at.getColumnNr() + ": ";
            throw new InvalidPlanException(where + ": " + place + "invalid YAML: " + oneLine(e.getOriginalMessage()), e);
        } catch (IOException e) {
            throw new InvalidPlanException(where + ": cannot be read: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            if (e instanceof InvalidPlanException) {
                throw e;
            }
            // SnakeYAML's own limits (code points, nesting) and scanner errors surface unwrapped
            throw new InvalidPlanException(where + ": invalid YAML: " + oneLine(String.valueOf(e.getMessage())), e);
        }
    }

    private static String oneLine(String message) {
        String m = message == null ? "" : message.strip();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl).strip();
    }

    /** Builds one document's tree from the parser's tokens. */
    private static final class Builder {
        private final AnchorParser p;
        private final String where;
        private final Map<String, Anchored> anchors = new HashMap<>();
        private final Set<String> open = new HashSet<>();
        private long nodes;
        private long copied;

        private record Anchored(JsonNode node, long size) {
        }

        Builder(AnchorParser p, String where) {
            this.p = p;
            this.where = where;
        }

        InvalidPlanException problem(JsonLocation at, String text) {
            return new InvalidPlanException(where + ": line " + at.getLineNr() + ", column " + at.getColumnNr() + ": " + text);
        }

        /** Reads the value at the current token; returns with the parser on its last token. */
        JsonNode value(int depth) throws IOException {
            if (depth > MAX_DEPTH) {
                throw problem(p.currentTokenLocation(), "nested more than " + MAX_DEPTH + " levels deep");
            }
            JsonLocation at = p.currentTokenLocation();
            if (p.isCurrentAlias()) {
                return alias(p.getText(), at);
            }
            String anchor = p.anchor();
            long before = nodes;
            if (anchor != null) {
                open.add(anchor);
            }
            JsonNode node = switch (p.currentToken()) {
                case START_OBJECT -> object(depth, at);
                case START_ARRAY -> array(depth);
                default -> scalar(at);
            };
            nodes++;
            if (anchor != null) {
                open.remove(anchor);
                anchors.put(anchor, new Anchored(node, nodes - before));
            }
            return node;
        }

        private JsonNode alias(String name, JsonLocation at) {
            if (open.contains(name)) {
                throw problem(at, "the alias *" + name + " is inside its own anchor &" + name + "; a value cannot contain itself");
            }
            Anchored a = anchors.get(name);
            if (a == null) {
                throw problem(at, "the alias *" + name + " names no anchor defined before it (write &" + name
                        + " on an earlier value)");
            }
            copied += a.size();
            if (copied > MAX_ALIAS_VALUES) {
                throw problem(at, "the aliases expand to more than " + MAX_ALIAS_VALUES
                        + " values; refused as an alias bomb (use fewer or smaller aliases)");
            }
            nodes += a.size();
            return a.node().deepCopy();
        }

        private ObjectNode object(int depth, JsonLocation start) throws IOException {
            ObjectNode o = JsonNodeFactory.instance.objectNode();
            Set<String> explicit = new HashSet<>();
            List<JsonNode> merges = new ArrayList<>();
            JsonToken t;
            while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                JsonLocation keyAt = p.currentTokenLocation();
                p.nextToken();
                JsonLocation valueAt = p.currentTokenLocation();
                JsonNode v = value(depth + 1);
                if (MERGE.equals(key)) {
                    if (!merges.isEmpty()) {
                        throw problem(keyAt, "a second merge key \"<<\" in one mapping; list the aliases in one: <<: [*a, *b]");
                    }
                    mergeSources(v, valueAt, merges);
                    continue;
                }
                if (!explicit.add(key)) {
                    throw problem(keyAt, "the key '" + key + "' appears twice in one mapping");
                }
                o.set(key, v);
            }
            if (t != JsonToken.END_OBJECT) {
                throw problem(start, "unterminated mapping");
            }
            for (JsonNode m : merges) {
                for (Map.Entry<String, JsonNode> e : m.properties()) {
                    if (!o.has(e.getKey())) {
                        o.set(e.getKey(), e.getValue());
                    }
                }
            }
            return o;
        }

        private void mergeSources(JsonNode v, JsonLocation at, List<JsonNode> merges) {
            if (v.isObject()) {
                merges.add(v);
                return;
            }
            if (v.isArray() && !v.isEmpty()) {
                for (JsonNode item : v) {
                    if (!item.isObject()) {
                        throw problem(at, "the merge key \"<<\" takes a mapping or a list of mappings, not a list holding "
                                + JsonFields.describe(item));
                    }
                    merges.add(item);
                }
                return;
            }
            throw problem(at, "the merge key \"<<\" takes a mapping (e.g. <<: *defaults) or a list of mappings, not "
                    + JsonFields.describe(v));
        }

        private ArrayNode array(int depth) throws IOException {
            ArrayNode a = JsonNodeFactory.instance.arrayNode();
            while (p.nextToken() != JsonToken.END_ARRAY) {
                a.add(value(depth + 1));
            }
            return a;
        }

        private JsonNode scalar(JsonLocation at) throws IOException {
            JsonNodeFactory f = JsonNodeFactory.instance;
            return switch (p.currentToken()) {
                case VALUE_STRING -> f.textNode(p.getText());
                case VALUE_TRUE -> f.booleanNode(true);
                case VALUE_FALSE -> f.booleanNode(false);
                case VALUE_NULL -> f.nullNode();
                case VALUE_NUMBER_INT -> switch (p.getNumberType()) {
                    case INT -> f.numberNode(p.getIntValue());
                    case LONG -> f.numberNode(p.getLongValue());
                    default -> f.numberNode(p.getBigIntegerValue());
                };
                case VALUE_NUMBER_FLOAT -> f.numberNode(p.getDoubleValue());
                case VALUE_EMBEDDED_OBJECT -> p.getEmbeddedObject() instanceof byte[] bytes ? f.binaryNode(bytes)
                        : f.textNode(p.getText());
                default -> throw problem(at, "unexpected " + p.currentToken());
            };
        }
    }

}
