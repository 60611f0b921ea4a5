package dev.bench4j.examples.cli;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/**
 * Reads the usual {@code bench [--verbose] run PLAN [--concurrency N] [--repetitions N] [--store DIR]
 * [--resume RUN_ID] [--no-progress]} without picocli. picocli's start-up costs a tenth of a second
 * or more: it loads some 170 classes, which class-data sharing cannot keep (they are Java 5 class
 * files) and the old verifier checks, and reads the commands' annotations by reflection. This
 * reader takes only what picocli would read the same way (options as {@code --name value} or
 * {@code --name=value}, each at most once, whole decimal counts, one plan) and returns
 * {@code null} for anything else: help, version, {@code --}, an argument file, an unknown or
 * repeated option, a missing or unusual value. picocli then reads those and gives its usual
 * messages.
 */
final class QuickRun {

    /**
     * What was read.
     *
     * @param command the {@code run} command, its fields set as picocli sets them
     * @param verbose whether {@code --verbose} came before {@code run}
     */
    record Parsed(RunCommand command, boolean verbose) {
    }

    private QuickRun() {
    }

    /**
     * Reads a command line.
     *
     * @param args the arguments
     * @param io where the command writes
     * @return the command, or {@code null} when picocli must read these arguments
     */
    static Parsed parse(String[] args, Bench.Io io) {
        int i = 0;
        boolean verbose = false;
        for (; i < args.length && !args[i].equals("run"); i++) {
            if (!args[i].equals("--verbose") || verbose) {
                return null;
            }
            verbose = true;
        }
        if (i == args.length) {
            return null;
        }
        RunCommand run = new RunCommand(io);
        Set<String> seen = new HashSet<>();
        for (i++; i < args.length; i++) {
            String a = args[i];
            if (a.isEmpty() || a.startsWith("@")) {
                return null;
            }
            if (!a.startsWith("-")) {
                if (run.plan != null) {
                    return null;
                }
                run.plan = path(a);
                if (run.plan == null) {
                    return null;
                }
                continue;
            }
            int eq = a.indexOf('=');
            String name = eq < 0 ? a : a.substring(0, eq);
            if (!seen.add(name)) {
                return null;
            }
            if (name.equals("--no-progress")) {
                if (eq >= 0) {
                    return null;
                }
                run.noProgress = true;
                continue;
            }
            String value;
            if (eq >= 0) {
                value = a.substring(eq + 1);
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                return null;
            }
            if (value.isEmpty() || value.startsWith("-") || value.startsWith("@")) {
                return null;
            }
            Object read = switch (name) {
                case "--concurrency" -> run.concurrency = count(value);
                case "--repetitions" -> run.repetitions = count(value);
                case "--store" -> run.storeDir = path(value);
                case "--resume" -> run.resumeId = value;
                default -> null;
            };
            if (read == null) {
                return null;
            }
        }
        return run.plan == null ? null : new Parsed(run, verbose);
    }

    /** A whole decimal count without sign or leading zeros (others go to picocli's converter). */
    private static Integer count(String s) {
        if (s.length() > 9 || s.length() > 1 && s.charAt(0) == '0') {
            return null;
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return null;
            }
        }
        return Integer.valueOf(s);
    }

    private static Path path(String s) {
        try {
            return Path.of(s);
        } catch (InvalidPathException e) {
            return null;
        }
    }
}
