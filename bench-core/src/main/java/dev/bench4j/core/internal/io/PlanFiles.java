package dev.bench4j.core.internal.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.bench4j.core.BenchmarkPlan;
import dev.bench4j.core.InvalidPlanException;
import dev.bench4j.core.ModelConfig;
import dev.bench4j.core.Prompt;
import dev.bench4j.core.RetryPolicy;
import dev.bench4j.core.Trial;
import dev.bench4j.core.internal.ScorerRegistry;
import dev.bench4j.core.internal.pipeline.DiskResponseCache;
import dev.bench4j.core.json.JsonFields;
import dev.bench4j.core.json.JsonValues;
import dev.bench4j.core.json.ModelConfigJson;
import dev.bench4j.core.json.PromptJson;
import dev.bench4j.core.spi.Names;
import dev.bench4j.core.spi.ResponseCache;
import dev.bench4j.core.spi.Scorer;
import dev.bench4j.core.spi.ScorerFactory;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Reads plan files (JSON, or YAML by extension) into the parts of a {@link BenchmarkPlan}. Paths in
 * a plan resolve against the plan file's folder; every message names the plan file and the field,
 * and a message from a file the plan points to names that file too.
 */
public final class PlanFiles {

    private static final List<String> FIELDS = List.of("name", "description", "prompts", "models", "trials",
            "repetitions", "concurrency", "provider_concurrency", "scorers", "store", "retry",
            "attempt_timeout_seconds", "cell_deadline_seconds", "run_deadline_seconds", "cache",
            "adaptive_concurrency");
    private static final List<String> RETRY_FIELDS = List.of("max_attempts", "initial_backoff_ms", "max_backoff_ms",
            "multiplier", "jitter");
    private static final List<String> CACHE_FIELDS = List.of("max_entries", "dir", "ttl_days");

    /** The YAML mapper, made on first use: most plans are JSON, and it costs a cold start ~0.1 s. */
    private static final class Yaml {
        static final YAMLMapper MAPPER = new YAMLMapper();
    }

    /**
     * What a plan file declares.
     *
     * @param file the plan file
     * @param baseDirectory the folder its paths resolve against
     * @param builder applies everything the file declares to a fresh builder
     * @param store the store folder the file names, resolved
     */
    public record Parsed(Path file, Path baseDirectory, Function<BenchmarkPlan.Builder, BenchmarkPlan.Builder> builder,
            Optional<Path> store, String name) {
    }

    private PlanFiles() {
    }

    /**
     * Reads a plan file.
     *
     * @param file a {@code .json}, {@code .yaml} or {@code .yml} file
     * @return what it declares
     * @throws InvalidPlanException naming the file and field if anything in it, or in a file it points to, is invalid
     */
    public static Parsed read(Path file) {
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString().toLowerCase(Locale.ROOT);
        JsonNode root;
        if (name.endsWith(".yaml") || name.endsWith(".yml")) {
            root = yaml(file);
        } else if (name.endsWith(".json")) {
            root = JsonFiles.readTree(file);
        } else {
            throw new InvalidPlanException(file + ": a plan file must end in .json, .yaml or .yml");
        }
        Path base = file.toAbsolutePath().normalize().getParent();
        return parse(root, file.toString(), base, file);
    }

    private static JsonNode yaml(Path file) {
        String text = JsonFiles.readText(file);
        if (text.isBlank()) {
            throw new InvalidPlanException(file + ": the file is empty");
        }
        try {
            return Yaml.MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            var at = e.getLocation();
            String place = at == null ? "" : "line " + at.getLineNr() + ", column " + at.getColumnNr() + ": ";
            throw new InvalidPlanException(file + ": " + place + "invalid YAML: " + e.getOriginalMessage(), e);
        }
    }

    private static Parsed parse(JsonNode root, String where, Path base, Path file) {
        JsonFields f = JsonFields.of(root, where, InvalidPlanException::new).allowOnly(FIELDS);
        String planName = f.nonBlankString("name");
        List<Prompt> prompts = listOf(f, "prompts", base, Prompt::fromJson, PromptJson::read);
        List<ModelConfig> models = listOf(f, "models", base, ModelConfig::fromJson, ModelConfigJson::read);
        List<Trial> trials = trials(f, base);
        List<Scorer> scorers = scorers(f);
        Map<String, Integer> providerConcurrency = providerConcurrency(f);
        Optional<RetryPolicy> retry = retry(f);
        Optional<Integer> repetitions = f.optInt("repetitions");
        Optional<Integer> concurrency = f.optInt("concurrency");
        Optional<Duration> attemptTimeout = seconds(f, "attempt_timeout_seconds");
        Optional<Duration> cellDeadline = seconds(f, "cell_deadline_seconds");
        Optional<Duration> runDeadline = seconds(f, "run_deadline_seconds");
        Optional<Optional<CacheSpec>> cache = cache(f, base);
        Optional<Path> store = f.optString("store").map(s -> base.resolve(s).normalize());
        Optional<Boolean> adaptiveConcurrency = f.optBoolean("adaptive_concurrency");

        Function<BenchmarkPlan.Builder, BenchmarkPlan.Builder> apply = b -> {
            b.name(planName).baseDirectory(base).prompts(prompts).models(models).trials(trials);
            scorers.forEach(b::scorer);
            applying(f, "repetitions", repetitions, b::repetitions);
            applying(f, "concurrency", concurrency, b::concurrency);
            providerConcurrency.forEach((p, n) -> applying(f, "provider_concurrency." + p, Optional.of(n),
                    limit -> b.providerConcurrency(p, limit)));
            retry.ifPresent(b::retry);
            applying(f, "attempt_timeout_seconds", attemptTimeout, b::attemptTimeout);
            applying(f, "cell_deadline_seconds", cellDeadline, b::cellDeadline);
            applying(f, "run_deadline_seconds", runDeadline, b::runDeadline);
            adaptiveConcurrency.ifPresent(b::adaptiveConcurrency);
            cache.ifPresent(c -> {
                if (c.isEmpty()) {
                    b.noCache();
                } else {
                    b.cache(c.get().dir().<ResponseCache>map(d -> new DiskResponseCache(
                            d, c.get().ttl(), c.get().maxEntries(), Clock.systemUTC()))
                            .orElseGet(() -> ResponseCache.inMemory(c.get().maxEntries())));
                }
            });
            return b;
        };
        apply.apply(BenchmarkPlan.named(planName));   // surfaces every setter's refusal now, with the field named
        return new Parsed(file, base, apply, store, planName);
    }

    private static <T> void applying(JsonFields f, String field, Optional<T> value, Consumer<T> setter) {
        if (value.isEmpty()) {
            return;
        }
        try {
            setter.accept(value.get());
        } catch (IllegalArgumentException e) {
            throw f.refused(field, e);
        }
    }

    private static <T> List<T> listOf(JsonFields f, String field, Path base, Function<Path, T> fromFile,
            Function<JsonFields, T> fromFields) {
        JsonNode array = f.array(field);
        List<T> out = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            JsonNode item = array.get(i);
            String at = field + "[" + i + "]";
            if (item.isTextual()) {
                try {
                    out.add(fromFile.apply(base.resolve(item.textValue()).normalize()));
                } catch (InvalidPlanException e) {
                    throw new InvalidPlanException(f.where() + ": field '" + at + "': " + e.getMessage(), e);
                }
            } else if (item.isObject()) {
                out.add(fromFields.apply(JsonFields.of(item, f.where() + ": " + at, InvalidPlanException::new)));
            } else {
                throw f.problem(at, "must be a file path or an object but was " + JsonFields.describe(item));
            }
        }
        return out;
    }

    private static List<Trial> trials(JsonFields f, Path base) {
        JsonNode v = f.get("trials").orElseThrow(() -> f.missing("trials", " (a file path or a list of trials)"));
        if (v.isTextual()) {
            try {
                return TrialFiles.read(base.resolve(v.textValue()).normalize());
            } catch (InvalidPlanException e) {
                throw new InvalidPlanException(f.where() + ": field 'trials': " + e.getMessage(), e);
            }
        }
        if (v.isArray()) {
            return TrialFiles.fromNode(v, f.where() + ": trials");
        }
        throw f.problem("trials", "must be a file path or a list of trials but was " + JsonFields.describe(v));
    }

    private static List<Scorer> scorers(JsonFields f) {
        Optional<JsonNode> array = f.optArray("scorers");
        if (array.isEmpty()) {
            return List.of();
        }
        ScorerRegistry registry = ScorerRegistry.discover();
        List<Scorer> out = new ArrayList<>();
        for (int i = 0; i < array.get().size(); i++) {
            String at = "scorers[" + i + "]";
            JsonNode item = array.get().get(i);
            if (item.isTextual()) {
                out.add(scorer(f, at, item.textValue(), Map.of(), registry));
            } else if (item.isObject()) {
                JsonNode type = item.get("type");
                if (type == null || !type.isTextual()) {
                    throw f.problem(at + ".type", "is missing; name a scorer type, one of: " + installed(registry));
                }
                Map<String, Object> options = new LinkedHashMap<>();
                for (Map.Entry<String, JsonNode> e : item.properties()) {
                    if (!e.getKey().equals("type")) {
                        options.put(e.getKey(), JsonValues.fromNode(e.getValue()));
                    }
                }
                out.add(scorer(f, at, type.textValue(), options, registry));
            } else {
                throw f.problem(at, "must be a scorer type or an object with a \"type\" but was " + JsonFields.describe(item));
            }
        }
        return out;
    }

    private static Scorer scorer(JsonFields f, String at, String type, Map<String, Object> options, ScorerRegistry registry) {
        ScorerFactory factory = registry.find(type).orElseThrow(() -> f.problem(at + ".type", "names no installed scorer type '"
                + type + "'; installed: " + installed(registry)
                + Names.closest(type, registry.types()).map(s -> ". Did you mean '" + s + "'?").orElse("")));
        try {
            return factory.create(options);
        } catch (IllegalArgumentException e) {
            throw new InvalidPlanException(f.where() + ": field '" + at + "' (" + type + "): " + e.getMessage(), e);
        }
    }

    private static String installed(ScorerRegistry registry) {
        return registry.types().isEmpty() ? "none (add the bench-scoring module to the class path)"
                : String.join(", ", registry.types());
    }

    private static Map<String, Integer> providerConcurrency(JsonFields f) {
        Map<String, Integer> out = new LinkedHashMap<>();
        f.map("provider_concurrency").forEach((provider, v) -> {
            if (!(v instanceof Long n) || n < 1 || n > Integer.MAX_VALUE) {
                throw f.problem("provider_concurrency." + provider, "must be an integer >= 1 but was " + v);
            }
            out.put(provider, n.intValue());
        });
        return out;
    }

    private static Optional<RetryPolicy> retry(JsonFields f) {
        return f.get("retry").map(v -> {
            JsonFields r = f.nested(v, "retry").allowOnly(RETRY_FIELDS);
            RetryPolicy p = RetryPolicy.defaults();
            try {
                if (r.has("max_backoff_ms")) {
                    p = p.withMaxBackoff(Duration.ofMillis(r.optLong("max_backoff_ms").orElseThrow()));
                }
                if (r.has("initial_backoff_ms")) {
                    p = p.withInitialBackoff(Duration.ofMillis(r.optLong("initial_backoff_ms").orElseThrow()));
                }
                if (r.has("max_attempts")) {
                    p = p.withMaxAttempts(r.optInt("max_attempts").orElseThrow());
                }
                if (r.has("multiplier")) {
                    p = p.withMultiplier(r.optNumber("multiplier").orElseThrow());
                }
                if (r.has("jitter")) {
                    p = p.withJitter(r.optNumber("jitter").orElseThrow());
                }
            } catch (IllegalArgumentException e) {
                throw f.refused("retry", e);
            }
            return p;
        });
    }

    private static Optional<Duration> seconds(JsonFields f, String field) {
        return f.optNumber(field).map(s -> {
            if (!(s > 0) || s > 1e9) {
                throw f.problem(field, "must be a number of seconds > 0 but was " + JsonFields.describe(f.get(field).orElseThrow()));
            }
            return Duration.ofNanos(Math.round(s * 1e9));
        });
    }

    /** The plan's {@code cache} object: memory size, and optionally a folder for the disk tier and its time to live. */
    private record CacheSpec(long maxEntries, Optional<Path> dir, Duration ttl) {
    }

    /** Empty: not set; Optional.empty inside: caching off; a value: the cache to use. */
    private static Optional<Optional<CacheSpec>> cache(JsonFields f, Path base) {
        return f.get("cache").map(v -> {
            if (v.isBoolean()) {
                return v.booleanValue() ? Optional.of(new CacheSpec(10_000L, Optional.empty(), Duration.ZERO))
                        : Optional.empty();
            }
            JsonFields c = f.nested(v, "cache").allowOnly(CACHE_FIELDS);
            long n = c.optLong("max_entries").orElse(10_000L);
            if (n < 1) {
                throw c.problem("max_entries", "must be >= 1 but was " + n);
            }
            Optional<Path> dir = c.optString("dir").map(d -> base.resolve(d).normalize());
            double days = c.optNumber("ttl_days").orElse(7.0);
            if (!(days > 0 && days < 36_500)) {
                throw c.problem("ttl_days", "must be a number of days > 0 but was " + days);
            }
            if (c.get("ttl_days").isPresent() && dir.isEmpty()) {
                throw c.problem("ttl_days", "needs \"dir\": the time to live applies to the cache on disk");
            }
            return Optional.of(new CacheSpec(n, dir, Duration.ofSeconds(Math.round(days * 86_400))));
        });
    }
}
