package dev.bench4j.core.internal.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bench4j.core.FinishReason;
import dev.bench4j.core.Usage;
import dev.bench4j.core.internal.Jackson;
import dev.bench4j.core.json.AtomicFiles;
import dev.bench4j.core.json.JsonFields;
import dev.bench4j.core.json.UsageJson;
import dev.bench4j.core.spi.ModelResponse;
import dev.bench4j.core.spi.ResponseCache;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A response cache on disk behind an in-memory one: a lookup the memory tier misses reads
 * {@code <folder>/<first 2 key characters>/<key>.json}, and a response the provider gives is written
 * there (atomically for readers, unforced, by {@link AtomicFiles}; usage in {@link UsageJson}'s format) as well as kept in
 * memory. Entries older than the time to live count as absent and are deleted when found; an
 * unreadable entry is deleted with a warning. So a second process running the same plan calls
 * nothing until the entries expire. Failures are never stored.
 */
public final class DiskResponseCache implements ResponseCache {
    private static final Logger LOG = LoggerFactory.getLogger(DiskResponseCache.class);
    private static final String SCHEMA = "bench4j.cached-response/1";
    /** The name of an entry file: the key in lower-case hex, then {@code .json}; nothing else is ever deleted. */
    private static final Pattern ENTRY = Pattern.compile("[0-9a-f]{16,128}\\.json");

    private final InMemoryResponseCache memory;
    private final Path folder;
    private final Duration ttl;
    private final Clock clock;

    /**
     * Creates the cache, making the folder if it does not exist.
     *
     * @param folder where entries are kept
     * @param ttl how long an entry stays valid
     * @param maxInMemory the most responses the memory tier holds
     * @param clock the clock entries are dated by
     * @throws UncheckedIOException if the folder cannot be created
     */
    public DiskResponseCache(Path folder, Duration ttl, long maxInMemory, Clock clock) {
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("ttl must be > 0 but was " + ttl);
        }
        this.memory = new InMemoryResponseCache(maxInMemory);
        this.folder = folder.toAbsolutePath().normalize();
        this.ttl = ttl;
        this.clock = clock;
        try {
            Files.createDirectories(this.folder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the response cache folder " + this.folder, e);
        }
    }

    @Override
    public Lookup lookup(String key, Supplier<CompletableFuture<ModelResponse>> loader) {
        boolean[] fromDisk = {false};
        Lookup inMemory = memory.lookup(key, () -> {
            Optional<ModelResponse> stored = read(key);
            if (stored.isPresent()) {
                fromDisk[0] = true;
                return CompletableFuture.completedFuture(stored.get());
            }
            return loader.get().thenApply(r -> {
                write(key, r);
                return r;
            });
        });
        return fromDisk[0] ? new Lookup(inMemory.response(), true) : inMemory;
    }

    private Path file(String key) {
        if (!isKey(key)) {
            throw new IllegalArgumentException("a cache key must be lower-case hex but was '" + key + "'");
        }
        return folder.resolve(key.substring(0, 2)).resolve(key + ".json");
    }

    private Optional<ModelResponse> read(String key) {
        Path f = file(key);
        if (!Files.isRegularFile(f)) {
            return Optional.empty();
        }
        try {
            JsonNode node = Jackson.MAPPER.readTree(f.toFile());
            if (node == null || !SCHEMA.equals(node.path("schema").asText())) {
                throw new IOException("not a " + SCHEMA + " file");
            }
            Instant stored = Instant.parse(node.path("stored_at").asText());
            if (Duration.between(stored, clock.instant()).compareTo(ttl) > 0) {
                Files.deleteIfExists(f);
                return Optional.empty();
            }
            return Optional.of(fromJson(node.path("response")));
        } catch (IOException | RuntimeException e) {
            LOG.warn("Dropping unreadable cached response {}: {}", f, e.getMessage());
            try {
                Files.deleteIfExists(f);
            } catch (IOException ignored) {
                // another process may have removed it; the entry is gone either way
            }
            return Optional.empty();
        }
    }

    private void write(String key, ModelResponse r) {
        Path f = file(key);
        try {
            Files.createDirectories(f.getParent());
            ObjectNode node = Jackson.MAPPER.createObjectNode();
            node.put("schema", SCHEMA);
            node.put("stored_at", clock.instant().toString());
            node.set("response", toJson(r));
            AtomicFiles.writeUnforced(f, Jackson.MAPPER.writeValueAsBytes(node));
        } catch (IOException e) {
            LOG.warn("Could not store a response in the cache at {}: {}", f, e.getMessage());
        }
    }

    static ObjectNode toJson(ModelResponse r) {
        ObjectNode n = Jackson.MAPPER.createObjectNode();
        n.put("text", r.text());
        n.put("finish_reason", r.finishReason().wireName());
        r.rawFinishReason().ifPresent(v -> n.put("raw_finish_reason", v));
        n.set("usage", UsageJson.toNode(r.usage()));
        r.modelVersion().ifPresent(v -> n.put("model_version", v));
        r.timeToFirstToken().ifPresent(d -> n.put("time_to_first_token_nanos", d.toNanos()));
        ObjectNode m = n.putObject("metrics");
        r.metrics().forEach(m::put);
        return n;
    }

    static ModelResponse fromJson(JsonNode n) {
        Usage usage = JsonFields.of(n, "cached response", IllegalArgumentException::new).optObject("usage")
                .map(UsageJson::read).orElse(Usage.unknown());
        ModelResponse r = ModelResponse.of(n.path("text").asText(), FinishReason.fromWireName(n.path("finish_reason").asText()),
                usage);
        if (n.path("raw_finish_reason").isTextual()) {
            r = r.withRawFinishReason(n.path("raw_finish_reason").asText());
        }
        if (n.path("model_version").isTextual()) {
            r = r.withModelVersion(n.path("model_version").asText());
        }
        if (n.path("time_to_first_token_nanos").isNumber()) {
            r = r.withTimeToFirstToken(Duration.ofNanos(n.path("time_to_first_token_nanos").asLong()));
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = n.path("metrics").fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            r = r.withMetric(e.getKey(), e.getValue().asDouble());
        }
        return r;
    }

    @Override
    public void invalidateAll() {
        memory.invalidateAll();
        try (Stream<Path> files = Files.walk(folder)) {
            files.filter(p -> ENTRY.matcher(p.getFileName().toString()).matches()
                    && p.getParent().getFileName().toString().matches("[0-9a-f]{2}")).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear the response cache at " + folder, e);
        }
    }

    @Override
    public long estimatedSize() {
        long n = 0;
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(folder)) {
            for (Path d : dirs) {
                if (Files.isDirectory(d)) {
                    try (Stream<Path> files = Files.list(d)) {
                        n += files.filter(p -> p.toString().endsWith(".json")).count();
                    }
                }
            }
        } catch (IOException e) {
            return memory.estimatedSize();
        }
        return n;
    }

    @Override
    public String toString() {
        return "ResponseCache[on disk at " + folder + ", ttl " + ttl + ", in memory " + memory + "]";
    }

    /** Whether a key is 16 to 128 lowercase hex digits (what {@code [0-9a-f]{16,128}} matches), without a regex per lookup. */
    static boolean isKey(String key) {
        int n = key.length();
        if (n < 16 || n > 128) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char c = key.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }
}
