package dev.bench4j.scoring.compare;

import dev.bench4j.core.CellId;
import dev.bench4j.core.Review;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;

/**
 * Times every {@link ReviewAgreement} statistic and {@link Recommendation#fromReviews} over 10,000 reviews
 * (target: milliseconds). Not a test: run it as docs/PERFORMANCE.md says.
 */
public final class ReviewAgreementSpeedCheck {

    private ReviewAgreementSpeedCheck() {
    }

    /**
     * Runs the check.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        SplittableRandom r = new SplittableRandom(1);
        String[] reviewers = {"ana", "bob", "carl", "dana", "eve"};
        int configurations = 8;
        int trials = 500;
        Map<CellId, Double> judge = new HashMap<>();
        for (int c = 0; c < configurations; c++) {
            for (int t = 0; t < trials; t++) {
                judge.put(new CellId("p" + c % 2, "m" + c / 2, "t" + t, 0), r.nextDouble());
            }
        }
        List<CellId> cells = new ArrayList<>(judge.keySet());
        List<Review> reviews = new ArrayList<>();
        Instant at = Instant.EPOCH;
        while (reviews.size() < 10_000) {
            String who = reviewers[r.nextInt(reviewers.length)];
            CellId cell = cells.get(r.nextInt(cells.size()));
            at = at.plusSeconds(1);
            switch (r.nextInt(3)) {
                case 0 -> reviews.add(Review.verdict(who, at, cell, r.nextInt(4) > 0));
                case 1 -> reviews.add(Review.rating(who, at, cell, 1 + r.nextInt(5), 1, 5));
                default -> {
                    List<CellId> ranked = new ArrayList<>();
                    for (int c = 0; c < configurations; c++) {
                        ranked.add(new CellId("p" + c % 2, "m" + c / 2, cell.trial(), 0));
                    }
                    Collections.shuffle(ranked, new Random(r.nextLong()));
                    reviews.add(Review.ranking(who, at, ranked, Duration.ofSeconds(20)));
                }
            }
        }
        for (int round = 1; round <= 40; round++) {
            long l0 = System.nanoTime();
            int kept = Review.latest(reviews).size();
            System.out.printf("round %d: Review.latest %.1f ms (%d kept)%n", round, (System.nanoTime() - l0) / 1e6, kept);
            long t0 = System.nanoTime();
            int n = ReviewAgreement.reviewersVsAi(reviews, judge).size();
            long t1 = System.nanoTime();
            n += ReviewAgreement.verdictAgreement(reviews).size();
            long t2 = System.nanoTime();
            n += ReviewAgreement.ratingAgreement(reviews).size();
            long t3 = System.nanoTime();
            n += ReviewAgreement.ratingConcordance(reviews).size();
            long t4 = System.nanoTime();
            n += ReviewAgreement.unacceptable(reviews).size();
            long t5 = System.nanoTime();
            n += Recommendation.fromReviews(reviews, judge, 1, 1).ranking().size();
            long t6 = System.nanoTime();
            System.out.printf("round %d: vs AI %.1f ms, verdict kappas %.1f ms, rating kappas %.1f ms, W %.1f ms, "
                    + "unacceptable %.1f ms, recommendation %.1f ms; total %.1f ms (%d results)%n", round,
                    (t1 - t0) / 1e6, (t2 - t1) / 1e6, (t3 - t2) / 1e6, (t4 - t3) / 1e6, (t5 - t4) / 1e6,
                    (t6 - t5) / 1e6, (t6 - t0) / 1e6, n);
        }
    }
}
