package dev.bench4j.core.internal;

import dev.bench4j.core.Check;
import dev.bench4j.core.InvalidPlanException;
import dev.bench4j.core.ModelConfig;
import dev.bench4j.core.Score;
import dev.bench4j.core.Trial;
import dev.bench4j.core.json.JsonValues;
import dev.bench4j.core.spi.Names;
import dev.bench4j.core.spi.ScoreRequest;
import dev.bench4j.core.spi.Scorer;
import dev.bench4j.core.spi.ScorerFactory;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The scorer named {@value #NAME} a plan gets when its trials carry {@link Check}s: for each result,
 * every check of the result's trial is scored with a scorer its type's {@link ScorerFactory} made at
 * {@code build()}, and the checks combine into one score: the weighted mean of the check scores
 * (a negated check counts {@code 1 - s}; a check that could not be scored counts 0 and fails), with
 * detail {@code passed} 1 when every check reached its threshold (1.0 unless set), and per check
 * {@code "<i>:<type>"} (its score) and {@code "<i>:<type>:pass"} (1 or 0). The reason names the
 * checks that failed with their own reasons. A trial without checks scores 1, passed.
 */
public final class ChecksScorer implements Scorer {

    /** The scorer's name in results and summaries. */
    public static final String NAME = "checks";

    /** One check ready to score: its scorer, the trial with the check's own expected value (or null), and its keys. */
    private record Built(Check check, Scorer scorer, Trial trial, String scoreKey, String passKey, String label,
            double threshold, String belowThreshold) {
    }

    private final Map<String, Built[]> byTrial;
    private final List<ModelConfig> models;
    private final Map<String, Object> settings;

    private ChecksScorer(Map<String, Built[]> byTrial, List<ModelConfig> models, Map<String, Object> settings) {
        this.byTrial = byTrial;
        this.models = models;
        this.settings = settings;
    }

    /**
     * Returns the scorers with this plan's checks scorer: any checks scorer from an earlier build is
     * dropped, and a new one added when a trial has checks.
     *
     * @param plan the plan's name, for messages
     * @param scorers the plan's scorers
     * @param trials the plan's trials (all of them, before a subset)
     * @param baseDirectory the plan's folder, against which a check's file options resolve
     * @return the scorers to run
     * @throws InvalidPlanException listing every check whose type is not installed (with a
     *     suggestion) or whose options its factory refused, naming the trial, the check's index and type
     */
    public static List<Scorer> withChecks(String plan, List<Scorer> scorers, List<Trial> trials, Path baseDirectory) {
        List<Scorer> out = new ArrayList<>();
        for (Scorer s : scorers) {
            if (!(s instanceof ChecksScorer)) {
                out.add(s);
            }
        }
        if (trials.stream().anyMatch(t -> !t.checks().isEmpty())) {
            out.add(build(plan, trials, ScorerRegistry.discover(), baseDirectory));
        }
        return List.copyOf(out);
    }

    private static ChecksScorer build(String plan, List<Trial> trials, ScorerRegistry registry, Path baseDirectory) {
        List<String> problems = new ArrayList<>();
        Map<String, Built[]> byTrial = new HashMap<>();
        Map<String, ModelConfig> models = new LinkedHashMap<>();
        Map<String, Object> described = new LinkedHashMap<>();
        for (Trial t : trials) {
            if (t.checks().isEmpty()) {
                continue;
            }
            Built[] built = new Built[t.checks().size()];
            List<Object> json = new ArrayList<>();
            for (int i = 0; i < built.length; i++) {
                Check c = t.checks().get(i);
                json.add(c.toJson());
                String at = "Plan '" + plan + "': trial '" + t.id() + "': checks[" + i + "] (" + c.type() + ")";
                Optional<ScorerFactory> factory = registry.find(c.type());
                if (factory.isEmpty()) {
                    problems.add(at + ": field 'type' names no installed scorer type '" + c.type() + "'"
                            + Names.closest(c.type(), registry.types()).map(s -> "; did you mean '" + s + "'?")
                                    .orElse("; installed: " + (registry.types().isEmpty()
                                            ? "none (add the bench-scoring module to the class path)"
                                            : String.join(", ", registry.types()))));
                    continue;
                }
                Map<String, Object> options = new LinkedHashMap<>(c.options());
                Trial own = options.containsKey("value") ? t.withExpected(options.remove("value")) : null;
                Scorer scorer;
                try {
                    scorer = factory.get().create(options, baseDirectory);
                } catch (RuntimeException e) {
                    problems.add(at + ": " + e.getMessage());
                    continue;
                }
                if (scorer == null) {
                    problems.add(at + ": the scorer factory returned null");
                    continue;
                }
                scorer.models().forEach(m -> models.putIfAbsent(m.id(), m));
                String label = (c.negated() ? "not " : "") + c.type();
                double threshold = c.threshold().orElse(1.0);
                built[i] = new Built(c, scorer, own, i + ":" + label, i + ":" + label + ":pass", "[" + i + "] " + label,
                        threshold, " < " + number(threshold));
            }
            byTrial.put(t.id(), built);
            described.put(t.id(), json);
        }
        if (!problems.isEmpty()) {
            throw new InvalidPlanException(problems);
        }
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("trials_with_checks", byTrial.size());
        settings.put("checks_sha256", sha256(JsonValues.toCanonicalJson(described)));
        return new ChecksScorer(byTrial, List.copyOf(models.values()), settings);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<ModelConfig> models() {
        return models;
    }

    @Override
    public Map<String, Object> settings() {
        return settings;
    }

    /** Only the trials that carry checks are scored; the others get no {@code checks} score. */
    @Override
    public boolean appliesTo(Trial trial) {
        return byTrial.containsKey(trial.id());
    }

    @Override
    public CompletionStage<Score> score(ScoreRequest request) {
        Built[] checks = byTrial.get(request.trial().id());
        if (checks == null) {
            return CompletableFuture.completedFuture(Score.error("trial '" + request.trial().id() + "' has no checks"));
        }
        @SuppressWarnings("unchecked")
        CompletableFuture<Score>[] stages = new CompletableFuture[checks.length];
        boolean done = true;
        for (int i = 0; i < checks.length; i++) {
            Built b = checks[i];
            ScoreRequest r = b.trial == null ? request : new ScoreRequest(request.result(), b.trial, request.prompt(),
                    request.model(), request.messages(), request.caller());
            CompletableFuture<Score> f;
            try {
                CompletionStage<Score> stage = b.scorer.score(r);
                f = stage == null ? CompletableFuture.completedFuture(null) : stage.toCompletableFuture();
            } catch (RuntimeException e) {
                f = CompletableFuture.failedFuture(e);
            }
            stages[i] = f;
            done &= f.isDone();
        }
        if (done) {
            return CompletableFuture.completedFuture(combine(checks, stages));
        }
        return CompletableFuture.allOf(stages).handle((v, e) -> combine(checks, stages));
    }

    private static Score combine(Built[] checks, CompletableFuture<Score>[] stages) {
        Map<String, Double> details = new LinkedHashMap<>(2 * checks.length + 2);
        List<Score.Call> calls = new ArrayList<>(0);
        StringBuilder failed = null;
        double sum = 0;
        double weights = 0;
        int passedCount = 0;
        for (int i = 0; i < checks.length; i++) {
            Built b = checks[i];
            Check c = b.check;
            Score s;
            String problem = null;
            if (stages[i].isCompletedExceptionally()) {
                s = null;
                problem = "could not be scored: " + stages[i].handle((x, e) -> String.valueOf(rootMessage(e))).join();
            } else {
                s = stages[i].join();
                if (s == null) {
                    problem = "could not be scored: its scorer returned null";
                } else if (s.error().isPresent()) {
                    problem = "could not be scored: " + s.error().get();
                }
            }
            double value = 0;
            boolean pass = false;
            if (problem == null) {
                double raw = s.value().getAsDouble();
                value = c.negated() ? 1 - raw : raw;
                pass = value >= b.threshold;
            }
            if (s != null) {
                calls.addAll(s.calls());
            }
            sum += c.weight() * value;
            weights += c.weight();
            details.put(b.scoreKey, value);
            details.put(b.passKey, pass ? 1.0 : 0.0);
            if (pass) {
                passedCount++;
            } else {
                failed = failed == null ? new StringBuilder() : failed.append("; ");
                failed.append(b.label).append(' ').append(number(value)).append(b.belowThreshold);
                if (problem != null) {
                    failed.append(": ").append(problem);
                } else if (s.reason().isPresent()) {
                    failed.append(c.negated() ? ": negated: " : ": ").append(s.reason().get());
                } else if (c.negated()) {
                    failed.append(": negated");
                }
            }
        }
        boolean all = passedCount == checks.length;
        details.put("passed", all ? 1.0 : 0.0);
        String reason = all ? "all " + checks.length + " checks passed"
                : passedCount + " of " + checks.length + " checks passed; failed: " + failed;
        return new Score(OptionalDouble.of(sum / weights), Optional.of(reason), details, Optional.empty(), calls);
    }

    /** A score for the reason: {@code 0} and {@code 1} without a fraction, anything else as {@link Double#toString}. */
    private static String number(double v) {
        return v == 0 ? "0" : v == 1 ? "1" : Double.toString(v);
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while ((t instanceof java.util.concurrent.CompletionException || t instanceof java.util.concurrent.ExecutionException)
                && t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    @Override
    public String toString() {
        return "Scorer[" + NAME + "]";
    }
}
