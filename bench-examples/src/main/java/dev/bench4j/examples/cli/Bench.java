package dev.bench4j.examples.cli;

import dev.bench4j.core.Environment;
import dev.bench4j.core.InvalidPlanException;
import dev.bench4j.core.ModelCatalog;
import dev.bench4j.store.json.InvalidRunFileException;
import java.io.PrintStream;
import java.io.PrintWriter;
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
 * reported in one message naming the file and field, with exit code 2 and nothing called. Logs go
 * to stderr at WARN ({@code --verbose} for INFO); the summary goes to stdout.
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
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "info");
        }
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
     * @return the exit code: 0 completed, 1 run failed or cancelled, 2 bad input
     */
    static int execute(String[] args, Io io) {
        CommandLine cli = new CommandLine(new Bench());
        cli.addSubcommand(new RunCommand(io));
        cli.addSubcommand(new ModelsCommand(io, io.catalog()));
        cli.addSubcommand(new ListCommand(io));
        cli.addSubcommand(new ShowCommand(io));
        cli.addSubcommand(new ExportCommand(io));
        cli.addSubcommand(new CompareCommand(io));
        cli.addSubcommand(new LeaderboardCommand(io));
        cli.addSubcommand(new ImportCommand(io));
        cli.addSubcommand(new BatchExportCommand(io));
        cli.addSubcommand(new BatchImportCommand(io));
        cli.addSubcommand(new ServeCommand(io));
        cli.addSubcommand(new ReportCommand(io));
        cli.addSubcommand(new ReviewCommand(io));
        cli.setOut(new PrintWriter(io.out(), true));
        cli.setErr(new PrintWriter(io.err(), true));
        cli.setExecutionExceptionHandler((e, command, parsed) -> {
            if (e instanceof InvalidPlanException || e instanceof UsageException
                    || e instanceof InvalidRunFileException) {
                io.err().println("bench: " + Terminal.cleanLines(e.getMessage()));
                return 2;
            }
            throw e;
        });
        if (args.length == 0) {
            cli.usage(io.err());
            return 2;
        }
        return cli.execute(args);
    }

}
