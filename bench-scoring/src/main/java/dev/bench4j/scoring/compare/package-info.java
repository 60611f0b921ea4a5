/**
 * Comparing runs and configurations: {@link dev.bench4j.scoring.compare.Leaderboard} ranks
 * configurations by a score and marks those the data cannot tell from the leader as tied; {@link
 * dev.bench4j.scoring.compare.RegressionGate} lists the metrics of a run that got worse than a
 * baseline's by more than a threshold (optionally only when a paired test agrees), for JUnit tests
 * and CI; {@link dev.bench4j.scoring.compare.PairedComparison} says in one line which of two
 * configurations is better; {@link dev.bench4j.scoring.compare.PassRates} gives pass rates with
 * Wilson 95% intervals and {@link dev.bench4j.scoring.compare.Consistency} how much a model's
 * repetitions of a trial vary and how often they disagree; {@link
 * dev.bench4j.scoring.compare.Agreement} says how far two rankings agree (human vs AI, two
 * leaderboards) and {@link dev.bench4j.scoring.compare.Recommendation} combines a human and an AI
 * ranking by a weighted Borda count into the recommended configuration; {@link
 * dev.bench4j.scoring.compare.ReviewAgreement} says, from people's reviews of a run, how each reviewer's
 * rankings agree with an AI judge and how far reviewers agree with each other.
 */
@NullMarked
package dev.bench4j.scoring.compare;

import org.jspecify.annotations.NullMarked;
