package dev.bench4j.examples.cli;

import dev.bench4j.core.RunWarning;
import java.util.List;

/**
 * The run's health warnings as {@code bench run} and {@code bench show} print them, after the
 * summary: a heading, then one line per warning with its code and message. Nothing when the run
 * has none.
 */
final class WarningsText {

    private WarningsText() {
    }

    /**
     * Renders warnings.
     *
     * @param warnings the run's warnings
     * @param t the terminal (for colours)
     * @return the text, ending with a newline; empty when there are no warnings
     */
    static String render(List<RunWarning> warnings, Terminal t) {
        if (warnings.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        sb.append(t.yellow("Warnings (" + warnings.size() + "): the results may be silently wrong")).append('\n');
        for (RunWarning w : warnings) {
            sb.append("  ").append(t.yellow(Terminal.clean(w.code()))).append(": ").append(Terminal.clean(w.message()))
                    .append('\n');
        }
        return sb.toString();
    }
}
