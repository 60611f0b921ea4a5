package dev.bench4j.examples.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Writes the command that resumes a run: the command line it was started with, its
 * {@code --resume} (if any) replaced by the run's id, quoted for a POSIX shell.
 */
final class ResumeCommand {

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
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--resume")) {
                i++;   // and its value
                continue;
            }
            if (a.startsWith("--resume=")) {
                continue;
            }
            out.add(quoted(a));
        }
        out.add("--resume");
        out.add(quoted(runId));
        return String.join(" ", out);
    }

    private static String quoted(String arg) {
        return PLAIN.matcher(arg).matches() ? arg : "'" + arg.replace("'", "'\\''") + "'";
    }
}
