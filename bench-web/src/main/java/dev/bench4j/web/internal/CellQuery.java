package dev.bench4j.web.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One page of a run's cell grid: rows (trial × repetition) that pass the filters, sorted, with the
 * cells of the configurations shown. Filters keep a row when any shown configuration's cell matches:
 * {@code failed} (a failed call), {@code disagree} (the shown cells' values of the disagreement score
 * differ, or one failed and another did not; without scores, their outputs differ), {@code below} /
 * {@code above} (the score named by {@code score} is below / above a value) and {@code q} (a text in
 * the output, the error or the trial id, ignoring case).
 *
 * @param configs the configuration indexes shown, in order
 * @param failed keep rows with a failed cell
 * @param disagree keep rows where the cells disagree
 * @param score the score the disagreement, {@code below} and {@code above} filters look at, or -1
 * @param below keep rows with a score below this, or NaN
 * @param above keep rows with a score above this, or NaN
 * @param text the text to find, or empty
 * @param sort {@code trial}, or a configuration index with a metric
 * @param descending whether the sort is descending
 * @param page the page, from 0
 * @param size rows per page
 * @param keysOnly whether rows carry only their trial and repetition, not their cells (a list of trials)
 */
record CellQuery(int[] configs, boolean failed, boolean disagree, int score, double below, double above, String text,
        Sort sort, boolean descending, int page, int size, boolean keysOnly) {

    static final int DEFAULT_SIZE = 25;
    static final int MAX_SIZE = 200;
    static final int DEFAULT_COLUMNS = 6;
    static final int PREVIEW = 600;

    /** What rows are sorted by: the trial order, or one configuration's value of a metric. */
    record Sort(int config, String metric) {
        static final Sort TRIAL = new Sort(-1, "trial");
    }

    /** Reads a query from request parameters, naming the bad one. */
    static CellQuery parse(RunIndex index, Map<String, String> p) {
        int[] configs;
        if (p.containsKey("configs") && !p.get("configs").isBlank()) {
            String[] parts = p.get("configs").split(",");
            configs = new int[parts.length];
            for (int i = 0; i < parts.length; i++) {
                configs[i] = Params.intIn(p, "configs", parts[i].trim(), 0, index.configs.size() - 1);
            }
        } else {
            configs = new int[Math.min(DEFAULT_COLUMNS, index.configs.size())];
            Arrays.setAll(configs, i -> i);
        }
        int score = -1;
        String scoreName = p.getOrDefault("score", "");
        if (!scoreName.isEmpty()) {
            score = index.scoreNames.indexOf(scoreName);
            if (score < 0) {
                throw HttpError.badRequest("score: the run has no score '" + scoreName + "'; it has " + index.scoreNames);
            }
        } else if (!index.scoreNames.isEmpty()) {
            score = 0;
        }
        double below = Params.number(p, "below");
        double above = Params.number(p, "above");
        if ((!Double.isNaN(below) || !Double.isNaN(above)) && score < 0) {
            throw HttpError.badRequest("below/above: the run has no score to compare");
        }
        Sort sort = Sort.TRIAL;
        String s = p.getOrDefault("sort", "trial");
        if (!s.equals("trial")) {
            int colon = s.indexOf(':');
            if (colon < 0) {
                throw HttpError.badRequest("sort: expected 'trial' or CONFIG:METRIC (e.g. 0:latency) but was '" + s + "'");
            }
            int c = Params.intIn(p, "sort", s.substring(0, colon), 0, index.configs.size() - 1);
            String metric = s.substring(colon + 1);
            if (!List.of("latency", "cost", "output_tokens", "input_tokens").contains(metric)
                    && !index.scoreNames.contains(metric)) {
                throw HttpError.badRequest("sort: unknown metric '" + metric + "'; use latency, cost, input_tokens, "
                        + "output_tokens or a score " + index.scoreNames);
            }
            sort = new Sort(c, metric);
        }
        String dir = p.getOrDefault("dir", "asc");
        if (!dir.equals("asc") && !dir.equals("desc")) {
            throw HttpError.badRequest("dir: expected asc or desc but was '" + dir + "'");
        }
        int page = p.containsKey("page") ? Params.intIn(p, "page", p.get("page"), 0, Integer.MAX_VALUE) : 0;
        int size = p.containsKey("size") ? Params.intIn(p, "size", p.get("size"), 1, MAX_SIZE) : DEFAULT_SIZE;
        return new CellQuery(configs, Params.flag(p, "failed"), Params.flag(p, "disagree"), score, below, above,
                p.getOrDefault("q", "").strip(), sort, dir.equals("desc"), page, size, Params.flag(p, "keys"));
    }

    /** Runs the query; {@code textMatches} gives the cells whose full output holds the text when the index keeps only previews. */
    Map<String, Object> run(RunIndex index, Optional<Set<Integer>> textMatches) {
        Pattern needle = text.isEmpty() ? null : Pattern.compile(Pattern.quote(text),
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        int[] kept = new int[index.rows];
        int n = 0;
        for (int row = 0; row < index.rows; row++) {
            if (keep(index, row, needle, textMatches)) {
                kept[n++] = row;
            }
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = kept[i];
        }
        if (sort.config() >= 0) {
            Arrays.sort(order, (a, b) -> {
                double x = value(index, index.cellAt(a, sort.config()));
                double y = value(index, index.cellAt(b, sort.config()));
                if (Double.isNaN(x) || Double.isNaN(y)) {
                    return Double.isNaN(x) ? (Double.isNaN(y) ? Integer.compare(a, b) : 1) : -1;
                }
                int c = descending ? Double.compare(y, x) : Double.compare(x, y);
                return c != 0 ? c : Integer.compare(a, b);
            });
        } else if (descending) {
            for (int i = 0; i < n / 2; i++) {
                Integer t = order[i];
                order[i] = order[n - 1 - i];
                order[n - 1 - i] = t;
            }
        }
        int pages = Math.max(1, (n + size - 1) / size);
        int from = (int) Math.min(n, (long) page * size);
        int to = Math.min(n, from + size);
        List<Object> rows = new ArrayList<>();
        for (int i = from; i < to; i++) {
            int row = order[i];
            Map<String, Object> r = Json.object();
            r.put("trial", index.trialIds.get(index.rowTrial[row]));
            r.put("repetition", index.rowRepetition[row]);
            rows.add(r);
            if (keysOnly) {
                continue;
            }
            List<Object> cells = new ArrayList<>();
            for (int c : configs) {
                int cell = index.cellAt(row, c);
                cells.add(cell < 0 ? null : CellJson.summary(index, cell, PREVIEW));
            }
            r.put("cells", cells);
        }
        Map<String, Object> out = Json.object();
        out.put("total_rows", n);
        out.put("all_rows", index.rows);
        out.put("page", page);
        out.put("size", size);
        out.put("pages", pages);
        List<Object> shown = new ArrayList<>();
        for (int c : configs) {
            shown.add(CellJson.config(index, c));
        }
        out.put("configs", shown);
        out.put("score_names", index.scoreNames);
        out.put("disagreement_score", score < 0 ? null : index.scoreNames.get(score));
        out.put("text_complete", index.textComplete());
        out.put("rows", rows);
        return out;
    }

    private double value(RunIndex index, int cell) {
        if (cell < 0) {
            return Double.NaN;
        }
        return switch (sort.metric()) {
            case "latency" -> index.latencyMs[cell];
            case "cost" -> index.costUsd[cell];
            case "output_tokens" -> index.outputTokens[cell] < 0 ? Double.NaN : index.outputTokens[cell];
            case "input_tokens" -> index.inputTokens[cell] < 0 ? Double.NaN : index.inputTokens[cell];
            default -> index.score(cell, index.scoreNames.indexOf(sort.metric()));
        };
    }

    private boolean keep(RunIndex index, int row, Pattern needle, Optional<Set<Integer>> textMatches) {
        boolean anyFailed = false;
        boolean anyOk = false;
        boolean anyBelow = false;
        boolean anyAbove = false;
        boolean anyText = needle != null && needle.matcher(index.trialIds.get(index.rowTrial[row])).find();
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        String firstOutput = null;
        boolean outputsDiffer = false;
        int present = 0;
        for (int c : configs) {
            int cell = index.cellAt(row, c);
            if (cell < 0) {
                continue;
            }
            present++;
            boolean ok = index.ok(cell);
            anyFailed |= !ok;
            anyOk |= ok;
            if (score >= 0) {
                double v = index.score(cell, score);
                if (!Double.isNaN(v)) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                    anyBelow |= v < below;
                    anyAbove |= v > above;
                }
            } else if (ok) {
                String normalized = index.output[cell].strip().replaceAll("\\s+", " ");
                if (firstOutput == null) {
                    firstOutput = normalized;
                } else {
                    outputsDiffer |= !firstOutput.equals(normalized);
                }
            }
            if (needle != null && !anyText) {
                anyText = textMatches.map(m -> m.contains(cell)).orElseGet(() -> needle.matcher(index.output[cell]).find())
                        || index.error[cell] != null && needle.matcher(index.error[cell]).find();
            }
        }
        if (present == 0) {
            return false;
        }
        if (failed && !anyFailed) {
            return false;
        }
        if (disagree) {
            boolean differ = anyFailed && anyOk || (score >= 0 ? max - min > 1e-9 : outputsDiffer);
            if (!differ) {
                return false;
            }
        }
        if (!Double.isNaN(below) && !anyBelow) {
            return false;
        }
        if (!Double.isNaN(above) && !anyAbove) {
            return false;
        }
        return needle == null || anyText;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "CellQuery[configs=%s, failed=%s, disagree=%s, score=%d, below=%s, above=%s, q=%s, "
                + "sort=%s, desc=%s, page=%d, size=%d]", Arrays.toString(configs), failed, disagree, score, below, above,
                text, sort, descending, page, size);
    }
}
