package dev.bench4j.examples.cli;

import dev.bench4j.core.Environment;
import dev.bench4j.core.InvalidPlanException;
import dev.bench4j.core.ModelCatalog;
import dev.bench4j.store.json.InvalidRunFileException;
import dev.bench4j.store.json.InvalidStorePathException;
import dev.bench4j.store.json.RunInUseException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The {@code bench} command: {@code bench run PLAN [--concurrency N] [--repetitions N]} and
 * {@code bench models PROVIDER [--base-url URL] [--api-key-env VAR]}, and over a JSON run store
 * {@code bench list}, {@code show}, {@code export} and {@code import}; {@code bench batch-export}
 * and {@code batch-import} for the OpenAI Batch API; {@code bench serve} (the results viewer and
 * human review), {@code bench report} (the same as one HTML file) and {@code bench review}
 * (reviews from and to a spreadsheet).
 *
 * <p>Bad input (a plan, prompt, model or trial file that is missing or invalid, a bad flag) is
 * reported in one message naming the file and field, with exit code 2 and nothing called; so is a
 * file or folder named on the command line that is missing or of the wrong kind, and a value an
 * API refuses ({@link IllegalArgumentException}). Anything else is reported in one line with exit
 * code 1, with its stack trace only under {@code --verbose}. Logs go to stderr at WARN
 * ({@code --verbose} for INFO); the summary goes to stdout.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, versionProvider = Bench.Version.class,
        description = "Benchmark LLM prompts and model configurations from plan files.",
        subcommands = CommandLine.HelpCommand.class)
public final class Bench {

    /**
     * Where the command writes and what it writes to; {@code stop} ends a long-running command
     * ({@code bench serve}) when counted down (by Ctrl-C, or by a test).
     */
    record Io(PrintStream out, PrintStream err, Terminal terminal, Supplier<ModelCatalog> catalog,
            CountDownLatch stop) {
        Io(PrintStream out, PrintStream err, Terminal terminal, Supplier<ModelCatalog> catalog) {
            this(out, err, terminal, catalog, new CountDownLatch(1));
        }

        Io(PrintStream out, PrintStream err, Terminal terminal) {
            this(out, err, terminal, ModelCatalog::create);
        }
    }

    /** A bad flag value, reported like a usage error (exit code 2). */
    static final class UsageException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }

    /** Prints bench4j's and Java's versions. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            Environment env = Environment.current();
            return new String[] {"bench " + env.bench4jVersion() + " (Java " + env.javaVersion() + ", " + env.os() + ")"};
        }
    }

    @Option(names = "--verbose", description = "log at INFO (run start and end, stops) to stderr")
    void verbose(boolean on) {
        if (on) {
            logAtInfo();
        }
    }

    private static void logAtInfo() {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "info");
    }

    /** The subcommands' names, in the order the usage lists them. */
    private static final List<String> SUBCOMMANDS = List.of("run", "models", "list", "show", "export", "compare",
            "leaderboard", "import", "batch-export", "batch-import", "serve", "report", "review");

    /**
     * Makes a subcommand (a switch, not a table of lambdas: each lambda is a class to spin at
     * start-up).
     *
     * @param name one of {@link #SUBCOMMANDS}
     * @param io where it writes
     * @param args the whole command line (the run command keeps it in the run's provenance)
     * @return the command object
     */
    private static Object subcommand(String name, Io io, String[] args) {
        return switch (name) {
            case "run" -> {
                RunCommand run = new RunCommand(io);
                run.commandLine = List.of(args);
                yield run;
            }
            case "models" -> new ModelsCommand(io, io.catalog());
            case "list" -> new ListCommand(io);
            case "show" -> new ShowCommand(io);
            case "export" -> new ExportCommand(io);
            case "compare" -> new CompareCommand(io);
            case "leaderboard" -> new LeaderboardCommand(io);
            case "import" -> new ImportCommand(io);
            case "batch-export" -> new BatchExportCommand(io);
            case "batch-import" -> new BatchImportCommand(io);
            case "serve" -> new ServeCommand(io);
            case "report" -> new ReportCommand(io);
            case "review" -> new ReviewCommand(io);
            default -> throw new IllegalArgumentException(name);
        };
    }

    /**
     * The subcommand the arguments name: the first argument that is not one of {@code bench}'s
     * own options (none of which takes a value).
     *
     * @param args the arguments
     * @return the name, or {@code null} when there is none (or an argument file or {@code --})
     */
    static String subcommandName(String[] args) {
        for (String a : args) {
            if (a.startsWith("@") || a.equals("--")) {
                return null;
            }
            if (!a.startsWith("-")) {
                return a;
            }
        }
        return null;
    }

    private Bench() {
    }

    /**
     * Runs the command and exits with its code.
     *
     * @param args the arguments
     */
    public static void main(String[] args) {
        System.exit(execute(args, new Io(System.out, System.err, Terminal.detect(System.getenv()))));
    }

    /**
     * Runs the command.
     *
     * @param args the arguments
     * @param io where to write
     * @return the exit code: 0 completed, 1 run failed, cancelled or every cell failed, 2 bad input,
     *     130 / 143 after Ctrl-C / SIGTERM
     */
    static int execute(String[] args, Io io) {
        return execute(args, io, true);
    }

    /**
     * Runs the command.
     *
     * @param args the arguments
     * @param io where to write
     * @param quick whether the usual {@code bench run} command lines are read without picocli
     *     ({@link QuickRun}; false in tests that compare the two)
     * @return the exit code
     */
    static int execute(String[] args, Io io, boolean quick) {
        QuickRun.Parsed run = quick ? QuickRun.parse(args, io) : null;
        if (run != null) {
            if (run.verbose()) {
                logAtInfo();
            }
            try {
                run.command().commandLine = List.of(args);
                return run.command().call();
            } catch (Exception e) {
                Integer code = badInput(e, io, run.verbose());
                if (code != null) {
                    return code;
                }
                return unexpected(e, io, run.verbose());
            }
        }
        CommandLine cli = new CommandLine(new Bench());
        // picocli reads every subcommand's annotations by reflection when it is added (a tenth of
        // a second or more at start-up for all thirteen): add only the one named, all of them for
        // help, usage and errors (so that "Did you mean" still knows every name)
        String named = subcommandName(args);
        if (named != null && SUBCOMMANDS.contains(named)) {
            cli.addSubcommand(subcommand(named, io, args));
        } else {
            for (String name : SUBCOMMANDS) {
                cli.addSubcommand(subcommand(name, io, args));
            }
        }
        cli.setOut(new PrintWriter(io.out(), true));
        cli.setErr(new PrintWriter(io.err(), true));
        cli.setExecutionExceptionHandler((e, command, parsed) -> {
            Integer code = badInput(e, io, List.of(args).contains("--verbose"));
            if (code != null) {
                return code;
            }
            return unexpected(e, io, List.of(args).contains("--verbose"));
        });
        if (args.length == 0) {
            cli.usage(io.err());
            return 2;
        }
        return cli.execute(args);
    }

    /**
     * Reports bad input (a plan, flag or run file) in one line.
     *
     * @param e what the command threw
     * @param io where to write
     * @param verbose whether {@code --verbose} was given: a refused value's stack trace is printed too
     * @return 2 when {@code e} is bad input, reported; {@code null} for anything else
     */
    private static Integer badInput(Exception e, Io io, boolean verbose) {
        if (e instanceof InvalidPlanException || e instanceof UsageException
                || e instanceof InvalidRunFileException
                || e instanceof InvalidStorePathException || e instanceof RunInUseException) {
            io.err().println("bench: " + Terminal.cleanLines(e.getMessage()));
            return 2;
        }
        Throwable cause = unwrap(e);
        if (cause instanceof InvalidPlanException || cause instanceof InvalidRunFileException
                || cause instanceof IllegalArgumentException) {
            io.err().println("bench: " + Terminal.cleanLines(message(cause)));
            if (verbose && !(cause instanceof InvalidPlanException || cause instanceof InvalidRunFileException)) {
                e.printStackTrace(io.err());   // a refused value; with --verbose, where it was refused
            }
            return 2;
        }
        String file = fileProblem(cause);
        if (file != null) {
            io.err().println("bench: " + Terminal.cleanLines(file));
            return 2;
        }
        return null;
    }

    /**
     * The exception inside the wrappers that only carry another ({@code UncheckedIOException},
     * {@code CompletionException}, {@code ExecutionException}).
     */
    private static Throwable unwrap(Throwable e) {
        Throwable t = e;
        for (int depth = 0; depth < 8 && t.getCause() != null && (t instanceof java.io.UncheckedIOException
                || t instanceof java.util.concurrent.CompletionException
                || t instanceof java.util.concurrent.ExecutionException); depth++) {
            t = t.getCause();
        }
        return t;
    }

    /**
     * Describes a file the user named that cannot be used: missing, a directory where a file is
     * expected or the other way round, unreadable, already there.
     *
     * @return the line, or {@code null} when {@code t} is no such problem
     */
    private static String fileProblem(Throwable t) {
        if (t instanceof java.io.IOException && "Is a directory".equals(t.getMessage())) {
            return "a folder was given where a file is expected";
        }
        if (!(t instanceof java.nio.file.FileSystemException f)) {
            return null;
        }
        String file = f.getFile() == null ? "" : f.getFile() + ": ";
        String other = f.getOtherFile() == null ? "" : " (and " + f.getOtherFile() + ")";
        if (t instanceof java.nio.file.NoSuchFileException) {
            return file + "no such file or folder" + other;
        }
        if (t instanceof java.nio.file.NotDirectoryException) {
            return file + "is a file, not a folder" + other;
        }
        if (t instanceof java.nio.file.AccessDeniedException) {
            return file + "permission denied" + other;
        }
        if (t instanceof java.nio.file.FileAlreadyExistsException) {
            return file + "already exists" + other;
        }
        if (t instanceof java.nio.file.DirectoryNotEmptyException) {
            return file + "is a folder that is not empty" + other;
        }
        if ("Is a directory".equals(f.getReason())) {
            return file + "is a folder, not a file" + other;
        }
        return null;
    }

    private static String message(Throwable t) {
        return t.getMessage() == null || t.getMessage().isBlank() ? t.getClass().getSimpleName() : t.getMessage();
    }

    /**
     * Reports what no command expected in one line (the stack trace too with {@code --verbose}).
     *
     * @return 1
     */
    private static int unexpected(Throwable e, Io io, boolean verbose) {
        Throwable cause = unwrap(e);
        io.err().println("bench: " + Terminal.cleanLines(cause.getClass().getSimpleName() + ": " + message(cause))
                + (verbose ? "" : " (run with --verbose for the stack trace)"));
        if (verbose) {
            e.printStackTrace(io.err());
        }
        io.err().flush();
        return 1;
    }
}
