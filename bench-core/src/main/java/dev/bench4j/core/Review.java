package dev.bench4j.core;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A person's judgment of a run's answers, kept with the run like its results: a {@link Rating} of
 * one answer on a scale the reviewer chose, a {@link Verdict} that an answer is acceptable or not, a
 * {@link Comment} on an answer, or a {@link Ranking} of the configurations' answers to one trial,
 * best first. Every review names its reviewer and when it was made.
 *
 * <pre>{@code
 * CellId cell = new CellId("extract-v1", "careful", "t01", 0);
 * store.appendReview(runId, Review.rating("ana", Instant.now(), cell, 4, 1, 5));
 * store.appendReview(runId, Review.ranking("ana", Instant.now(),
 *     List.of(cell, new CellId("extract-v1", "hasty", "t01", 0)), Duration.ofSeconds(42)));
 * List<Review> effective = Review.latest(store.reviews(runId));
 * }</pre>
 *
 * <p>Reviews are append-only: a reviewer who changes their mind adds a new review, and
 * {@link #latest(Collection)} keeps, per reviewer and target, the one added last.
 */
public sealed interface Review permits Review.Rating, Review.Verdict, Review.Comment, Review.Ranking {

    /** The longest reviewer name accepted. */
    int MAX_REVIEWER_LENGTH = 100;
    /** The longest comment accepted, in characters. */
    int MAX_COMMENT_LENGTH = 10_000;

    /**
     * Returns who made the review.
     *
     * @return the reviewer's name, 1 to 100 characters without control characters
     */
    String reviewer();

    /**
     * Returns when the review was made.
     *
     * @return the instant
     */
    Instant at();

    /**
     * Returns the kind of review as it is written in files: {@code rating}, {@code verdict},
     * {@code comment} or {@code ranking}.
     *
     * @return the kind
     */
    String kind();

    /**
     * Returns the cells the review is about: one for a rating, verdict or comment, the ranked
     * cells, best first, for a ranking.
     *
     * @return the cells, never empty
     */
    List<CellId> cells();

    /**
     * Rates one answer on a scale the reviewer chose, e.g. 4 on 1 to 5.
     *
     * @param reviewer who rated
     * @param at when
     * @param cell the answer's cell
     * @param value the rating, {@code min <= value <= max}
     * @param min the lowest rating of the scale
     * @param max the highest rating of the scale, above {@code min}
     */
    record Rating(String reviewer, Instant at, CellId cell, double value, double min, double max) implements Review {
        /**
         * Validates the components.
         *
         * @throws NullPointerException if a component is {@code null}
         * @throws IllegalArgumentException if the reviewer's name is blank, too long or holds a control
         *     character, the scale's bounds are not finite with {@code min < max}, or the value is off the scale
         */
        public Rating {
            checkReviewer(reviewer);
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(cell, "cell");
            if (!Double.isFinite(min) || !Double.isFinite(max) || !(min < max)) {
                throw new IllegalArgumentException("rating scale must be finite with min < max but was [" + min + ", "
                        + max + "]");
            }
            if (!(value >= min && value <= max)) {
                throw new IllegalArgumentException("rating must be on the scale [" + number(min) + ", " + number(max)
                        + "] but was " + value);
            }
        }

        @Override
        public String kind() {
            return "rating";
        }

        @Override
        public List<CellId> cells() {
            return List.of(cell);
        }

        /**
         * Returns the rating mapped onto 0..1: {@code (value - min) / (max - min)}.
         *
         * @return the normalized rating
         */
        public double normalized() {
            return (value - min) / (max - min);
        }
    }

    /**
     * Says whether one answer is acceptable.
     *
     * @param reviewer who judged
     * @param at when
     * @param cell the answer's cell
     * @param acceptable true for acceptable, false for unacceptable
     */
    record Verdict(String reviewer, Instant at, CellId cell, boolean acceptable) implements Review {
        /**
         * Validates the components.
         *
         * @throws NullPointerException if a component is {@code null}
         * @throws IllegalArgumentException if the reviewer's name is blank, too long or holds a control character
         */
        public Verdict {
            checkReviewer(reviewer);
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(cell, "cell");
        }

        @Override
        public String kind() {
            return "verdict";
        }

        @Override
        public List<CellId> cells() {
            return List.of(cell);
        }
    }

    /**
     * A remark on one answer. An empty text withdraws the reviewer's earlier comment on that cell.
     *
     * @param reviewer who commented
     * @param at when
     * @param cell the answer's cell
     * @param text the comment, at most 10,000 characters
     */
    record Comment(String reviewer, Instant at, CellId cell, String text) implements Review {
        /**
         * Validates the components.
         *
         * @throws NullPointerException if a component is {@code null}
         * @throws IllegalArgumentException if the reviewer's name is blank, too long or holds a control
         *     character, or the text is longer than 10,000 characters
         */
        public Comment {
            checkReviewer(reviewer);
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(cell, "cell");
            Objects.requireNonNull(text, "text");
            if (text.length() > MAX_COMMENT_LENGTH) {
                throw new IllegalArgumentException("comment must be at most " + MAX_COMMENT_LENGTH
                        + " characters but had " + text.length());
            }
        }

        @Override
        public String kind() {
            return "comment";
        }

        @Override
        public List<CellId> cells() {
            return List.of(cell);
        }
    }

    /**
     * Orders the answers of several configurations to the same trial and repetition, best first.
     *
     * @param reviewer who ranked
     * @param at when the ranking was saved
     * @param ranked the answers' cells, best first: at least 2, all of one trial and repetition,
     *     no configuration (prompt and model) twice
     * @param timeSpent how long the reviewer spent ranking
     */
    record Ranking(String reviewer, Instant at, List<CellId> ranked, Duration timeSpent) implements Review {
        /**
         * Validates and copies the components.
         *
         * @throws NullPointerException if a component or a cell is {@code null}
         * @throws IllegalArgumentException if the reviewer's name is blank, too long or holds a control
         *     character, fewer than 2 cells are ranked, the cells span several trials or repetitions, a
         *     configuration appears twice, or {@code timeSpent} is negative
         */
        public Ranking {
            checkReviewer(reviewer);
            Objects.requireNonNull(at, "at");
            ranked = List.copyOf(Objects.requireNonNull(ranked, "ranked"));
            Objects.requireNonNull(timeSpent, "timeSpent");
            if (ranked.size() < 2) {
                throw new IllegalArgumentException("a ranking needs at least 2 answers but had " + ranked.size());
            }
            CellId first = ranked.get(0);
            Set<String> configurations = new HashSet<>();
            for (CellId c : ranked) {
                if (!c.trial().equals(first.trial()) || c.repetition() != first.repetition()) {
                    throw new IllegalArgumentException("a ranking orders the answers to one trial and repetition, but "
                            + first + " and " + c + " differ");
                }
                if (!configurations.add(c.prompt() + "\u0000" + c.model())) {
                    throw new IllegalArgumentException("a ranking holds prompt '" + c.prompt() + "' with model '"
                            + c.model() + "' twice");
                }
            }
            if (timeSpent.isNegative()) {
                throw new IllegalArgumentException("timeSpent must be >= 0 but was " + timeSpent);
            }
        }

        @Override
        public String kind() {
            return "ranking";
        }

        @Override
        public List<CellId> cells() {
            return ranked;
        }

        /**
         * Returns the trial whose answers are ranked.
         *
         * @return the trial's id
         */
        public String trial() {
            return ranked.get(0).trial();
        }

        /**
         * Returns the repetition whose answers are ranked.
         *
         * @return the repetition, from 0
         */
        public int repetition() {
            return ranked.get(0).repetition();
        }
    }

    /**
     * Makes a {@link Rating}.
     *
     * @param reviewer who rated
     * @param at when
     * @param cell the answer's cell
     * @param value the rating
     * @param min the scale's lowest rating
     * @param max the scale's highest rating
     * @return the rating
     * @throws NullPointerException if an argument is {@code null}
     * @throws IllegalArgumentException as {@link Rating#Rating} does
     */
    static Rating rating(String reviewer, Instant at, CellId cell, double value, double min, double max) {
        return new Rating(reviewer, at, cell, value, min, max);
    }

    /**
     * Makes a {@link Verdict}.
     *
     * @param reviewer who judged
     * @param at when
     * @param cell the answer's cell
     * @param acceptable whether the answer is acceptable
     * @return the verdict
     * @throws NullPointerException if an argument is {@code null}
     * @throws IllegalArgumentException as {@link Verdict#Verdict} does
     */
    static Verdict verdict(String reviewer, Instant at, CellId cell, boolean acceptable) {
        return new Verdict(reviewer, at, cell, acceptable);
    }

    /**
     * Makes a {@link Comment}.
     *
     * @param reviewer who commented
     * @param at when
     * @param cell the answer's cell
     * @param text the comment; empty withdraws an earlier one
     * @return the comment
     * @throws NullPointerException if an argument is {@code null}
     * @throws IllegalArgumentException as {@link Comment#Comment} does
     */
    static Comment comment(String reviewer, Instant at, CellId cell, String text) {
        return new Comment(reviewer, at, cell, text);
    }

    /**
     * Makes a {@link Ranking}.
     *
     * @param reviewer who ranked
     * @param at when
     * @param ranked the answers' cells, best first
     * @param timeSpent how long ranking took
     * @return the ranking
     * @throws NullPointerException if an argument is {@code null}
     * @throws IllegalArgumentException as {@link Ranking#Ranking} does
     */
    static Ranking ranking(String reviewer, Instant at, List<CellId> ranked, Duration timeSpent) {
        return new Ranking(reviewer, at, ranked, timeSpent);
    }

    /**
     * Keeps the reviews in effect: per reviewer, kind and target (the cell of a rating, verdict or
     * comment; the trial and repetition of a ranking), the one that comes last in {@code reviews},
     * which is the order they were added in a store. Withdrawn comments (empty text) are dropped.
     *
     * @param reviews reviews in the order they were added
     * @return the reviews in effect, in the order of their last addition
     * @throws NullPointerException if {@code reviews} or an element is {@code null}
     */
    static List<Review> latest(Collection<? extends Review> reviews) {
        Objects.requireNonNull(reviews, "reviews");
        Map<List<Object>, Review> last = new LinkedHashMap<>();
        for (Review r : reviews) {
            Objects.requireNonNull(r, "reviews contains null");
            Object target = r instanceof Ranking k ? List.of(k.trial(), k.repetition()) : r.cells().get(0);
            List<Object> key = List.of(r.reviewer(), r.kind(), target);
            last.remove(key);   // re-inserted at the end: the order of last addition
            last.put(key, r);
        }
        List<Review> kept = new ArrayList<>(last.size());
        for (Review r : last.values()) {
            if (!(r instanceof Comment c && c.text().isEmpty())) {
                kept.add(r);
            }
        }
        return List.copyOf(kept);
    }

    /** Checks a reviewer's name. */
    private static void checkReviewer(String reviewer) {
        Objects.requireNonNull(reviewer, "reviewer");
        if (reviewer.isBlank()) {
            throw new IllegalArgumentException("reviewer must not be blank");
        }
        if (reviewer.length() > MAX_REVIEWER_LENGTH) {
            throw new IllegalArgumentException("reviewer must be at most " + MAX_REVIEWER_LENGTH
                    + " characters but had " + reviewer.length());
        }
        if (reviewer.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("reviewer must not contain control characters");
        }
        if (!reviewer.strip().equals(reviewer)) {
            throw new IllegalArgumentException("reviewer must not start or end with spaces but was '" + reviewer + "'");
        }
    }

    private static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
