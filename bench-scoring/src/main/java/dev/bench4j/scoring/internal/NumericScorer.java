package dev.bench4j.scoring.internal;

import dev.bench4j.core.Score;
import dev.bench4j.core.spi.ScoreRequest;
import dev.bench4j.core.spi.Scorer;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * 1.0 if the number in the output (the first one, or the whole trimmed output when {@code whole})
 * is within tolerance of the expected number: {@code |a - b| <= max(relTol * max(|a|, |b|), absTol)},
 * as Python's {@code math.isclose}. No number in the output scores 0.0 with a reason; an expected
 * value that is not a number (or a string holding one) is an error.
 */
record NumericScorer(String name, double absTol, double relTol, boolean whole) implements Scorer {

    /** A decimal number: optional sign, digits with an optional fraction (or a bare fraction), optional exponent. */
    static final Pattern NUMBER = Pattern.compile("[-+]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][-+]?\\d+)?");

    NumericScorer {
        Names.check(name);
        checkTolerance("absTol", absTol);
        checkTolerance("relTol", relTol);
    }

    private static void checkTolerance(String what, double value) {
        if (!Double.isFinite(value) || value < 0) {
            throw new IllegalArgumentException(what + " must be a finite number >= 0 but was " + value);
        }
    }

    @Override
    public CompletionStage<Score> score(ScoreRequest request) {
        Score score;
        try {
            String trial = "trial '" + request.trial().id() + "'";
            double expected = expected(Expected.of(request), trial + " expected value");
            OptionalDouble found = whole ? parseWhole(request.output()) : first(request.output());
            if (found.isEmpty()) {
                score = Score.pass(false).withReason(whole ? "output is not a number" : "output has no number");
            } else {
                double a = found.getAsDouble();
                double difference = Math.abs(a - expected);
                boolean close = a == expected
                        || difference <= Math.max(relTol * Math.max(Math.abs(a), Math.abs(expected)), absTol);
                score = Score.pass(close).withDetail("predicted", a).withDetail("expected", expected);
            }
        } catch (Unscorable e) {
            score = Score.error(e.getMessage());
        }
        return CompletableFuture.completedFuture(score);
    }

    @Override
    public Map<String, Object> settings() {
        return ScorerSettings.of("numeric").putNumber("abs_tol", absTol).putNumber("rel_tol", relTol)
                .put("extract", whole ? "whole" : "first").map();
    }

    private static double expected(Object value, String what) {
        if (value instanceof Number n && Double.isFinite(n.doubleValue())) {
            return n.doubleValue();
        }
        if (value instanceof String s) {
            OptionalDouble d = parseWhole(s);
            if (d.isPresent()) {
                return d.getAsDouble();
            }
            throw new Unscorable(what + " is a string that is not a number: " + Json.text(s));
        }
        throw new Unscorable(what + " must be a number but is " + Json.kind(value));
    }

    private static OptionalDouble first(String output) {
        Matcher m = NUMBER.matcher(output);
        while (m.find()) {
            OptionalDouble d = finite(m.group());
            if (d.isPresent()) {
                return d;
            }
        }
        return OptionalDouble.empty();
    }

    private static OptionalDouble parseWhole(String text) {
        String s = text.strip();
        return NUMBER.matcher(s).matches() ? finite(s) : OptionalDouble.empty();
    }

    private static OptionalDouble finite(String number) {
        double d = Double.parseDouble(number);
        return Double.isFinite(d) ? OptionalDouble.of(d) : OptionalDouble.empty();
    }
}
