package dev.bench4j.examples.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Writes the command that resumes a run: the command line it was started with, its
 * {@code --resume} (if any) replaced by the run's id, quoted for a POSIX shell.
 */
final class ResumeCommand {

    private static final List<String> CAPS = List.of("--max-cost-usd", "--max-tokens", "--max-calls");
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./=:,@%+-]+");

    private ResumeCommand() {
    }

    /**
     * Makes the resume command.
     *
     * @param args the arguments {@code bench} was started with, e.g. {@code [run, plan.json, --store, runs]}
     * @param runId the run to resume
     * @return e.g. {@code bench run plan.json --store runs --resume bench_3f9a1c2e_20261122_184501}
     */
    static String of(List<String> args, String runId) {
        List<String> out = new ArrayList<>();
        out.add("bench");
        without(args, List.of("--resume")).forEach(a -> out.add(quoted(a)));
        out.add("--resume");
        out.add(quoted(runId));
        return String.join(" ", out);
    }

    /**
     * Drops the budget caps ({@code --max-cost-usd}, {@code --max-tokens}, {@code --max-calls}, in
     * either spelling) from a command line, for a resume that must give a higher one.
     *
     * @param args the arguments
     * @return the arguments without the caps
     */
    static List<String> withoutCaps(List<String> args) {
        return without(args, CAPS);
    }

    /** Drops options that take a value, given as {@code --name value} or {@code --name=value}. */
    private static List<String> without(List<String> args, List<String> options) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            int eq = a.indexOf('=');
            if (options.contains(eq < 0 ? a : a.substring(0, eq))) {
                if (eq < 0) {
                    i++;   // and its value
                }
                continue;
            }
            out.add(a);
        }
        return out;
    }

    private static String quoted(String arg) {
        return PLAIN.matcher(arg).matches() ? arg : "'" + arg.replace("'", "'\\''") + "'";
    }
}
