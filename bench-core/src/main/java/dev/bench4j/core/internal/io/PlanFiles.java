package dev.bench4j.core.internal.io;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bench4j.core.BenchmarkPlan;
import dev.bench4j.core.Budget;
import dev.bench4j.core.InvalidPlanException;
import dev.bench4j.core.ModelConfig;
import dev.bench4j.core.Prompt;
import dev.bench4j.core.Provenance;
import dev.bench4j.core.RetryPolicy;
import dev.bench4j.core.Trial;
import dev.bench4j.core.internal.PlanValidator;
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
import java.math.BigDecimal;
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
            "attempt_timeout_seconds", "cell_deadline_seconds", "run_deadline_seconds", "cache", "budget", "tags",
            "adaptive_concurrency");
    private static final List<String> RETRY_FIELDS = List.of("max_attempts", "initial_backoff_ms", "max_backoff_ms",
            "multiplier", "jitter");
    private static final List<String> CACHE_FIELDS = List.of("max_entries", "dir", "ttl_days");
    private static final List<String> BUDGET_FIELDS = List.of("max_cost_usd", "max_tokens", "max_calls");

    /**
     * What a plan file declares.
     *
     * @param file the plan file
     * @param baseDirectory the folder its paths resolve against
     * @param builder applies everything the file declares to a fresh builder
     * @param store the store folder the file names, resolved
     * @param name the plan's name
     * @param provenance the plan's description and tags, and the files it was read from with their git state
     * @param warnings text in the prompts that looks like a placeholder but is sent as written, one line per prompt
     */
    public record Parsed(Path file, Path baseDirectory, Function<BenchmarkPlan.Builder, BenchmarkPlan.Builder> builder,
            Optional<Path> store, String name, Provenance provenance, List<String> warnings, boolean declaresCache) {

        /** Copies the warnings. */
        public Parsed {
            warnings = List.copyOf(warnings);
        }
    }

    /** The longest retry backoff a plan file may set: one day. */
    static final long MAX_BACKOFF_MS = 86_400_000L;
    /** The longest timeout or deadline a plan file may set, in seconds (about 31 years). */
    static final double MAX_SECONDS = 1e9;
    /** The longest time to live of the disk cache, in days (about 100 years). */
    static final double MAX_TTL_DAYS = 36_500;

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
            root = YamlFiles.readTree(file);
        } else if (name.endsWith(".json")) {
            root = JsonFiles.readTree(file);
        } else {
            throw new InvalidPlanException(file + ": a plan file must end in .json, .yaml or .yml");
        }
        Path base = file.toAbsolutePath().normalize().getParent();
        return parse(root, file.toString(), base, file);
    }

    private static Parsed parse(JsonNode root, String where, Path base, Path file) {
        JsonFields f = JsonFields.of(root, where, InvalidPlanException::new).allowOnly(FIELDS);
        String planName = f.nonBlankString("name");
        List<Prompt> prompts = listOf(f, "prompts", base, Prompt::fromJson, PromptJson::read);
        List<ModelConfig> models = listOf(f, "models", base, ModelConfig::fromJson, ModelConfigJson::read);
        List<Trial> trials = trials(f, base);
        Provenance provenance = provenance(f, base, file, trials);
        List<Scorer> scorers = scorers(f, base);
        Map<String, Integer> providerConcurrency = providerConcurrency(f);
        Optional<RetryPolicy> retry = retry(f);
        Optional<Integer> repetitions = boundedInt(f, "repetitions", 1, Integer.MAX_VALUE);
        Optional<Integer> concurrency = boundedInt(f, "concurrency", 1, Integer.MAX_VALUE);
        Optional<Duration> attemptTimeout = seconds(f, "attempt_timeout_seconds");
        Optional<Duration> cellDeadline = seconds(f, "cell_deadline_seconds");
        Optional<Duration> runDeadline = seconds(f, "run_deadline_seconds");
        Optional<Optional<CacheSpec>> cache = cache(f, base);
        Optional<Path> store = f.optString("store").map(s -> base.resolve(s).normalize());
        Optional<Budget> budget = budget(f);
        PlanValidator.cellProblem(planName, prompts.size(), models.size(), trials.size(), repetitions.orElse(1))
                .ifPresent(p -> {
                    throw f.problem("repetitions", "makes too many cells: " + p);
                });
        List<String> broken = PlanValidator.placeholderProblems(prompts);
        if (!broken.isEmpty()) {
            throw new InvalidPlanException(broken.stream().map(p -> where + ": " + p).toList());
        }
        List<String> warnings = PlanValidator.warnings(prompts, trials);
        Optional<Boolean> adaptiveConcurrency = f.optBoolean("adaptive_concurrency");

        Function<BenchmarkPlan.Builder, BenchmarkPlan.Builder> apply = b -> {
            b.name(planName).baseDirectory(base).prompts(prompts).models(models).trials(trials).provenance(provenance);
            scorers.forEach(b::scorer);
            applying(f, "repetitions", repetitions, b::repetitions);
            applying(f, "concurrency", concurrency, b::concurrency);
            providerConcurrency.forEach((p, n) -> applying(f, "provider_concurrency." + p, Optional.of(n),
                    limit -> b.providerConcurrency(p, limit)));
            retry.ifPresent(b::retry);
            applying(f, "attempt_timeout_seconds", attemptTimeout, b::attemptTimeout);
            applying(f, "cell_deadline_seconds", cellDeadline, b::cellDeadline);
            applying(f, "run_deadline_seconds", runDeadline, b::runDeadline);
            budget.ifPresent(b::budget);
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
        return new Parsed(file, base, apply, store, planName, provenance, warnings, cache.isPresent());
    }

    private static Provenance provenance(JsonFields f, Path base, Path file, List<Trial> trials) {
        List<String> tags = new ArrayList<>();
        f.optArray("tags").ifPresent(array -> {
            for (int i = 0; i < array.size(); i++) {
                JsonNode t = array.get(i);
                if (!t.isTextual() || t.textValue().isBlank() || t.textValue().chars().anyMatch(Character::isISOControl)) {
                    throw f.problem("tags[" + i + "]", "must be non-blank text without control characters but was "
                            + JsonFields.describe(t));
                }
                tags.add(t.textValue());
            }
        });
        List<String> ids = trials.stream().map(Trial::id).toList();
        Optional<Path> trialsFile = f.get("trials").filter(JsonNode::isTextual)
                .map(v -> base.resolve(v.textValue()).normalize());
        Provenance.SourceFile planFile = SourceFiles.of(file, List.of());
        List<Provenance.SourceFile> trialFiles = List.of(trialsFile.map(t -> SourceFiles.of(t, ids))
                .orElseGet(() -> new Provenance.SourceFile(planFile.path(), planFile.sha256(), ids)));   // inline trials
        return Provenance.none().withDescription(f.optString("description").orElse("")).withTags(tags)
                .withFiles(Optional.of(planFile), trialFiles).withGit(GitStates.of(base));
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

    private static List<Scorer> scorers(JsonFields f, Path base) {
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
                out.add(scorer(f, at, item.textValue(), Map.of(), registry, base));
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
                out.add(scorer(f, at, type.textValue(), options, registry, base));
            } else {
                throw f.problem(at, "must be a scorer type or an object with a \"type\" but was " + JsonFields.describe(item));
            }
        }
        return out;
    }

    private static Scorer scorer(JsonFields f, String at, String type, Map<String, Object> options, ScorerRegistry registry,
            Path base) {
        ScorerFactory factory = registry.find(type).orElseThrow(() -> f.problem(at + ".type", "names no installed scorer type '"
                + type + "'; installed: " + installed(registry)
                + Names.closest(type, registry.types()).map(s -> ". Did you mean '" + s + "'?").orElse("")));
        try {
            return factory.create(options, base);
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
        Optional<JsonNode> v = f.get("provider_concurrency");
        if (v.isEmpty()) {
            return out;
        }
        JsonFields p = f.nested(v.get(), "provider_concurrency");
        for (Map.Entry<String, JsonNode> e : v.get().properties()) {
            out.put(e.getKey(), boundedInt(p, e.getKey(), 1, Integer.MAX_VALUE).orElseThrow(() -> p.problem(e.getKey(),
                    "must be a whole number >= 1 and at most " + Integer.MAX_VALUE + " but was null")));
        }
        return out;
    }

    private static Optional<RetryPolicy> retry(JsonFields f) {
        return f.get("retry").map(v -> {
            JsonFields r = f.nested(v, "retry").allowOnly(RETRY_FIELDS);
            RetryPolicy d = RetryPolicy.defaults();
            // every field is read first and the policy made from the final values, so the order of
            // the keys never matters (a maximum is never checked against the default first backoff)
            int attempts = boundedInt(r, "max_attempts", 1, Integer.MAX_VALUE).orElse(d.maxAttempts());
            long initial = boundedLong(r, "initial_backoff_ms", 0, MAX_BACKOFF_MS).orElse(d.initialBackoff().toMillis());
            long max = boundedLong(r, "max_backoff_ms", 0, MAX_BACKOFF_MS).orElse(d.maxBackoff().toMillis());
            if (max < initial) {
                String which = r.has("max_backoff_ms") ? "max_backoff_ms" : "initial_backoff_ms";
                throw r.problem(which, "needs max_backoff_ms >= initial_backoff_ms but max_backoff_ms is " + max
                        + (r.has("max_backoff_ms") ? "" : " (the default)") + " and initial_backoff_ms is " + initial
                        + (r.has("initial_backoff_ms") ? "" : " (the default)"));
            }
            double multiplier = r.optNumber("multiplier").orElse(d.multiplier());
            double jitter = r.optNumber("jitter").orElse(d.jitter());
            try {
                return new RetryPolicy(attempts, Duration.ofMillis(initial), multiplier, Duration.ofMillis(max), jitter);
            } catch (IllegalArgumentException e) {
                throw f.refused("retry", e);
            }
        });
    }

    /** The plan's {@code budget} object: {@code max_cost_usd}, {@code max_tokens} and {@code max_calls}, each optional. */
    private static Optional<Budget> budget(JsonFields f) {
        return f.get("budget").map(v -> {
            JsonFields c = f.nested(v, "budget").allowOnly(BUDGET_FIELDS);
            Budget b = Budget.none();
            try {
                Optional<Double> cost = c.optNumber("max_cost_usd");
                if (cost.isPresent()) {
                    b = b.withMaxCostUsd(cost.get());
                }
                Optional<Long> tokens = c.optLong("max_tokens");
                if (tokens.isPresent()) {
                    b = b.withMaxTokens(tokens.get());
                }
                Optional<Long> calls = c.optLong("max_calls");
                if (calls.isPresent()) {
                    b = b.withMaxCalls(calls.get());
                }
            } catch (IllegalArgumentException e) {
                throw f.refused("budget", e);
            }
            return b;
        });
    }

    private static Optional<Duration> seconds(JsonFields f, String field) {
        return f.optNumber(field).map(s -> {
            if (!(s > 0) || s > MAX_SECONDS) {
                throw f.problem(field, "must be a number of seconds above 0 and at most " + (long) MAX_SECONDS + " but was "
                        + JsonFields.describe(f.get(field).orElseThrow()));
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
            long n = boundedLong(c, "max_entries", 1, Long.MAX_VALUE).orElse(10_000L);
            Optional<Path> dir = c.optString("dir").map(d -> base.resolve(d).normalize());
            double days = c.optNumber("ttl_days").orElse(7.0);
            if (!(days > 0 && days <= MAX_TTL_DAYS)) {
                throw c.problem("ttl_days", "must be a number of days above 0 and at most " + (long) MAX_TTL_DAYS
                        + " but was " + JsonFields.describe(c.get("ttl_days").orElseThrow()));
            }
            if (c.get("ttl_days").isPresent() && dir.isEmpty()) {
                throw c.problem("ttl_days", "needs \"dir\": the time to live applies to the cache on disk");
            }
            return Optional.of(new CacheSpec(n, dir, Duration.ofSeconds(Math.round(days * 86_400))));
        });
    }

    /**
     * Reads a whole-number field within bounds; {@code 1.5}, {@code 1e100}, {@code "10"}, a negative
     * number or one past the bound all get one message stating both bounds.
     */
    static Optional<Integer> boundedInt(JsonFields f, String field, int min, int max) {
        return boundedLong(f, field, min, max).map(Long::intValue);
    }

    /** Reads a whole-number field within bounds (see {@link #boundedInt}). */
    static Optional<Long> boundedLong(JsonFields f, String field, long min, long max) {
        return f.get(field).map(v -> {
            if (v.isNumber() && v.canConvertToExactIntegral()) {
                BigDecimal d = v.decimalValue();
                if (d.compareTo(BigDecimal.valueOf(min)) >= 0 && d.compareTo(BigDecimal.valueOf(max)) <= 0) {
                    return d.longValueExact();
                }
            }
            String range = max == Integer.MAX_VALUE || max == Long.MAX_VALUE ? ">= " + min + " and at most " + max
                    : "from " + min + " to " + max;
            throw f.problem(field, "must be a whole number " + range + " but was " + JsonFields.describe(v));
        });
    }
}
