package dev.bench4j.core;

import dev.bench4j.core.internal.io.PlanFiles;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A plan file (JSON, or YAML with a {@code .yaml}/{@code .yml} name) that declares what the
 * {@link BenchmarkPlan} builder does: {@code name}, {@code prompts} and {@code models} (file paths
 * or inline objects), {@code trials} (a file path or an inline list), {@code repetitions},
 * {@code concurrency}, {@code provider_concurrency}, {@code scorers} (types found with
 * {@link java.util.ServiceLoader}), {@code retry}, {@code attempt_timeout_seconds},
 * {@code cell_deadline_seconds}, {@code run_deadline_seconds}, {@code cache} and {@code store}.
 * Paths resolve against the plan file's folder.
 *
 * <pre>{@code
 * Run run = PlanFile.load(Path.of("plans/triage.json")).toBuilder().concurrency(4).build().run();
 * }</pre>
 *
 * <p>The file is read and checked once, in {@link #load}; every message names the file and the
 * field, and a message about a file the plan points to names that file as well.
 */
public final class PlanFile {

    private final PlanFiles.Parsed parsed;

    private PlanFile(PlanFiles.Parsed parsed) {
        this.parsed = parsed;
    }

    /**
     * Reads and checks a plan file and every file it points to.
     *
     * @param file the plan file
     * @return the plan file
     * @throws NullPointerException if {@code file} is {@code null}
     * @throws InvalidPlanException naming the file and field if anything is missing or invalid
     */
    public static PlanFile load(Path file) {
        return new PlanFile(PlanFiles.read(Objects.requireNonNull(file, "file")));
    }

    /**
     * Returns a new builder holding everything the file declares, to add or override settings
     * (command-line flags, sinks, listeners) before {@link BenchmarkPlan.Builder#build()}.
     *
     * @return a fresh builder
     */
    public BenchmarkPlan.Builder toBuilder() {
        return parsed.builder().apply(BenchmarkPlan.named(parsed.name()));
    }

    /**
     * Builds the plan as the file declares it.
     *
     * @return the plan
     * @throws InvalidPlanException if the plan as a whole is invalid (e.g. a template variable a trial lacks)
     */
    public BenchmarkPlan build() {
        return toBuilder().build();
    }

    /**
     * Returns the plan file's path as given.
     *
     * @return the path
     */
    public Path file() {
        return parsed.file();
    }

    /**
     * Returns the folder the plan's relative paths resolve against.
     *
     * @return an absolute path
     */
    public Path baseDirectory() {
        return parsed.baseDirectory();
    }

    /**
     * Returns the run store folder the plan names ({@code store}), resolved against the plan's folder.
     *
     * @return the folder, or empty if the plan names none
     */
    public Optional<Path> store() {
        return parsed.store();
    }

    /**
     * Returns where a run of this plan comes from: the plan's {@code description} and {@code tags},
     * the plan and trials files with their SHA-256 and the trials' ids, and the git commit (and
     * whether tracked files are changed) when the plan's folder is in a git work tree.
     * {@link #toBuilder()} already sets it; add a command line or more tags with its {@code withX}
     * methods and {@link BenchmarkPlan.Builder#provenance}.
     *
     * @return the provenance
     */
    public Provenance provenance() {
        return parsed.provenance();
    }

    /**
     * Tells whether the file sets the response cache ({@code "cache": {...}} or {@code "cache": false});
     * if it does not, {@link #toBuilder()} leaves the builder's default, an in-memory cache.
     *
     * @return whether the file has a {@code cache} field
     */
    public boolean declaresCache() {
        return parsed.declaresCache();
    }

    /**
     * Returns the warnings about the plan that do not stop it: text in a prompt that looks like a
     * placeholder but is sent as written, such as {@code {article_text}} (Python's
     * {@code str.format}) where bench4j fills {@code {{article_text}}}. One line per prompt; building
     * the plan logs the same lines at WARN.
     *
     * @return the warnings, empty when there is none
     */
    public List<String> warnings() {
        return parsed.warnings();
    }

    /**
     * Describes the file, e.g. {@code PlanFile[plans/triage.json]}.
     *
     * @return the description
     */
    @Override
    public String toString() {
        return "PlanFile[" + parsed.file() + "]";
    }
}
