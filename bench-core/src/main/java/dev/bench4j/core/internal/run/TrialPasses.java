package dev.bench4j.core.internal.run;

import dev.bench4j.core.Summary;
import java.util.Arrays;
import java.util.OptionalDouble;

/**
 * For one score of one (prompt, model) pair of a run with repetitions: how many of each trial's
 * repetitions were scored and how many of them passed (value 1), by the trial's index; what pass@k
 * and pass^k are computed from. Four bytes a trial and counter.
 */
final class TrialPasses {

    private int[] scored = new int[16];
    private int[] passed = new int[16];

    void add(int trial, boolean pass) {
        if (trial >= scored.length) {
            int size = Math.max(trial + 1, scored.length * 2);
            scored = Arrays.copyOf(scored, size);
            passed = Arrays.copyOf(passed, size);
        }
        scored[trial]++;
        if (pass) {
            passed[trial]++;
        }
    }

    /**
     * The per-trial pass@k and pass^k summed over the trials scored at least {@code k} times, and
     * the count of those scored fewer times; to be added up over the pairs of a larger group.
     */
    record Sums(int k, long trials, long tooFew, double passAtK, double passHatK) {

        static Sums none(int k) {
            return new Sums(k, 0, 0, 0, 0);
        }

        Sums plus(Sums o) {
            return new Sums(k, trials + o.trials, tooFew + o.tooFew, passAtK + o.passAtK, passHatK + o.passHatK);
        }

        Summary.PassAtK mean() {
            return new Summary.PassAtK(k, trials, tooFew,
                    trials == 0 ? OptionalDouble.empty() : OptionalDouble.of(Math.min(1.0, passAtK / trials)),
                    trials == 0 ? OptionalDouble.empty() : OptionalDouble.of(Math.min(1.0, passHatK / trials)));
        }
    }

    Sums sums(int k) {
        long trials = 0;
        long tooFew = 0;
        double atK = 0;
        double hatK = 0;
        for (int t = 0; t < scored.length; t++) {
            int n = scored[t];
            if (n == 0) {
                continue;
            }
            if (n < k) {
                tooFew++;
            } else {
                trials++;
                atK += Summary.PassAtK.estimatePassAtK(n, passed[t], k);
                hatK += Summary.PassAtK.estimatePassHatK(n, passed[t], k);
            }
        }
        return new Sums(k, trials, tooFew, atK, hatK);
    }
}
