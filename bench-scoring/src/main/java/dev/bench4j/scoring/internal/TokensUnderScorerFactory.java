package dev.bench4j.scoring.internal;

import dev.bench4j.core.spi.Scorer;
import dev.bench4j.core.spi.ScorerFactory;
import dev.bench4j.scoring.TokenKind;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Makes scorers of type {@code tokens_under}: 1.0 if the result's input, output or total tokens are at
 * most a limit ({@code Scorers.tokensUnder(long, TokenKind)}). Options: {@code name} (default
 * {@code tokens_under}), {@code max_tokens} (required, finite, at least 0) and {@code tokens}
 * (required: {@code "input"}, {@code "output"} or {@code "total"}). A plan written before
 * {@code tokens} existed, when {@code max_tokens} limited the total, is refused with a message saying
 * to add it rather than read as one of the three: plan files have no warning path for scorers, and
 * the old meaning surprised its users.
 */
public final class TokensUnderScorerFactory implements ScorerFactory {

    /** Creates the factory; {@link java.util.ServiceLoader} calls this. */
    public TokensUnderScorerFactory() {
    }

    /**
     * Returns {@code tokens_under}.
     *
     * @return the type
     */
    @Override
    public String type() {
        return "tokens_under";
    }

    /**
     * Creates a scorer from plan-file options.
     *
     * @param options the options, without {@code type}
     * @return the scorer
     * @throws NullPointerException if {@code options} is {@code null}
     * @throws IllegalArgumentException if an option is unknown (the message lists the allowed ones),
     *     missing when required ({@code tokens} with what to add), or has a value of the wrong type or
     *     range (the message names it)
     */
    @Override
    public Scorer create(Map<String, Object> options) {
        ScorerOptions o = ScorerOptions.read(type(), options, List.of("name", "max_tokens", "tokens"));
        double max = o.requiredNonNegative("max_tokens");
        List<String> kinds = Arrays.stream(TokenKind.values()).map(TokenKind::planName).toList();
        if (!options.containsKey("tokens")) {
            throw new IllegalArgumentException(type() + " scorer needs option 'tokens': add \"tokens\": \"input\", "
                    + "\"output\" or \"total\" to say which tokens max_tokens limits (before, it limited the total, "
                    + "input + output: \"tokens\": \"total\" keeps that)");
        }
        String tokens = o.oneOf("tokens", "total", kinds);
        TokenKind kind = TokenKind.valueOf(tokens.toUpperCase(Locale.ROOT));
        return new ThresholdScorer(o.name(), ThresholdScorer.Figure.tokens(kind), max);
    }
}
