package dev.bench4j.core;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a run came from, kept in its run file so a result can be traced back months later: a
 * description and tags given by people, the git commit of the plan's folder, the command line, the
 * host and user, and the plan and trials files with their SHA-256 (and the trials' ids).
 * {@link PlanFile#provenance()} fills the files and git state; the {@code bench} command adds the
 * command line; the runner fills host and user when they are absent. Secrets are never part of it:
 * the command line is recorded with the values of options that name a key, token, secret or
 * password replaced by {@code ***}.
 *
 * @param description what the run is for, from the plan or {@code --description}; empty if none
 * @param tags labels to find the run by, e.g. {@code nightly}; each non-blank, without repeats
 * @param git the plan folder's git state, if it is in a git work tree
 * @param commandLine the command's arguments, e.g. {@code [run, plan.json, --store, runs]}; empty
 *     for runs started from code; values of options naming a key, token, secret or password are
 *     replaced by {@code ***} here
 * @param host the host name, if known
 * @param user the user name, if known
 * @param planFile the plan file, if the run was read from one
 * @param trialFiles the trials files (a plan with inline trials lists its own file here)
 */
public record Provenance(Optional<String> description, List<String> tags, Optional<GitState> git,
        List<String> commandLine, Optional<String> host, Optional<String> user, Optional<SourceFile> planFile,
        List<SourceFile> trialFiles) {

    private static final Provenance NONE = new Provenance(Optional.empty(), List.of(), Optional.empty(), List.of(),
            Optional.empty(), Optional.empty(), Optional.empty(), List.of());

    /**
     * Validates and copies the components.
     *
     * @throws NullPointerException if a component or an element is {@code null}
     * @throws IllegalArgumentException if a tag is blank or has a control character
     */
    public Provenance {
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(git, "git");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(planFile, "planFile");
        tags = List.copyOf(new LinkedHashSet<>(Objects.requireNonNull(tags, "tags")));
        for (String t : tags) {
            if (t.isBlank() || t.chars().anyMatch(Character::isISOControl)) {
                throw new IllegalArgumentException("tag must be non-blank text without control characters but was '"
                        + t.replaceAll("\\p{Cntrl}", "?") + "'");
            }
        }
        commandLine = redacted(commandLine);   // here, so no way of making one keeps a secret
        trialFiles = List.copyOf(Objects.requireNonNull(trialFiles, "trialFiles"));
    }

    /**
     * Returns a provenance that records nothing.
     *
     * @return the empty provenance
     */
    public static Provenance none() {
        return NONE;
    }

    /**
     * Returns a copy with this description (blank clears it).
     *
     * @param text the description
     * @return the copy
     * @throws NullPointerException if {@code text} is {@code null}
     */
    public Provenance withDescription(String text) {
        Objects.requireNonNull(text, "text");
        return new Provenance(text.isBlank() ? Optional.empty() : Optional.of(text.strip()), tags, git, commandLine,
                host, user, planFile, trialFiles);
    }

    /**
     * Returns a copy with these tags added after the present ones (a repeated tag is kept once).
     *
     * @param more the tags to add
     * @return the copy
     * @throws NullPointerException if {@code more} or a tag is {@code null}
     * @throws IllegalArgumentException if a tag is blank or has a control character
     */
    public Provenance withTags(List<String> more) {
        List<String> all = new ArrayList<>(tags);
        all.addAll(Objects.requireNonNull(more, "more"));
        return new Provenance(description, all, git, commandLine, host, user, planFile, trialFiles);
    }

    /**
     * Returns a copy with this command line, with the values of options that name a key, token,
     * secret or password (e.g. {@code --api-key sk-...} or {@code --token=...}) replaced by {@code ***}.
     *
     * @param args the command's arguments
     * @return the copy
     * @throws NullPointerException if {@code args} or an argument is {@code null}
     */
    public Provenance withCommandLine(List<String> args) {
        return new Provenance(description, tags, git, args, host, user, planFile, trialFiles);
    }

    /**
     * Returns a copy with this git state.
     *
     * @param state the git state, or empty
     * @return the copy
     * @throws NullPointerException if {@code state} is {@code null}
     */
    public Provenance withGit(Optional<GitState> state) {
        return new Provenance(description, tags, state, commandLine, host, user, planFile, trialFiles);
    }

    /**
     * Returns a copy with this host and user.
     *
     * @param hostName the host name, or empty
     * @param userName the user name, or empty
     * @return the copy
     * @throws NullPointerException if an argument is {@code null}
     */
    public Provenance withHostAndUser(Optional<String> hostName, Optional<String> userName) {
        return new Provenance(description, tags, git, commandLine, hostName, userName, planFile, trialFiles);
    }

    /**
     * Returns a copy with these source files.
     *
     * @param plan the plan file, or empty
     * @param trials the trials files
     * @return the copy
     * @throws NullPointerException if an argument is {@code null}
     */
    public Provenance withFiles(Optional<SourceFile> plan, List<SourceFile> trials) {
        return new Provenance(description, tags, git, commandLine, host, user, plan, trials);
    }

    private static List<String> redacted(List<String> args) {
        List<String> out = new ArrayList<>(Objects.requireNonNull(args, "commandLine").size());
        boolean hideNext = false;
        for (String a : args) {
            Objects.requireNonNull(a, "commandLine element");
            if (hideNext) {
                out.add("***");
                hideNext = false;
                continue;
            }
            if (a.startsWith("-") && secretOption(a)) {
                int eq = a.indexOf('=');
                if (eq >= 0) {
                    out.add(a.substring(0, eq + 1) + "***");
                } else {
                    out.add(a);
                    hideNext = true;
                }
                continue;
            }
            out.add(a);
        }
        return List.copyOf(out);
    }

    private static boolean secretOption(String option) {
        String name = option.toLowerCase(java.util.Locale.ROOT);
        int eq = name.indexOf('=');
        if (eq >= 0) {
            name = name.substring(0, eq);
        }
        if (name.endsWith("-env")) {
            return false;   // --api-key-env NAME names a variable, not a secret
        }
        return name.contains("key") || name.contains("token") || name.contains("secret") || name.contains("password");
    }

    /**
     * The git state of a folder.
     *
     * @param commit the commit checked out (40 hex digits)
     * @param dirty whether tracked files differ from it; empty when it could not be told (no
     *     {@code git} command on the path)
     */
    public record GitState(String commit, Optional<Boolean> dirty) {

        /**
         * Validates the components.
         *
         * @throws NullPointerException if a component is {@code null}
         * @throws IllegalArgumentException if {@code commit} is not 40 or 64 hex digits
         */
        public GitState {
            Objects.requireNonNull(commit, "commit");
            Objects.requireNonNull(dirty, "dirty");
            if (!commit.matches("[0-9a-f]{40}|[0-9a-f]{64}")) {
                throw new IllegalArgumentException("commit must be 40 or 64 lower-case hex digits but was '" + commit + "'");
            }
        }
    }

    /**
     * A file a run was read from.
     *
     * @param path the file's path as the plan named it (resolved against the plan's folder)
     * @param sha256 the SHA-256 of its bytes, 64 lower-case hex digits
     * @param trialIds for a trials file, the ids of its trials in order; empty for the plan file
     */
    public record SourceFile(String path, String sha256, List<String> trialIds) {

        /**
         * Validates and copies the components.
         *
         * @throws NullPointerException if a component or an id is {@code null}
         * @throws IllegalArgumentException if {@code sha256} is not 64 lower-case hex digits
         */
        public SourceFile {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(sha256, "sha256");
            if (!sha256.matches("[0-9a-f]{64}")) {
                throw new IllegalArgumentException("sha256 must be 64 lower-case hex digits but was '" + sha256 + "'");
            }
            trialIds = List.copyOf(Objects.requireNonNull(trialIds, "trialIds"));
        }
    }
}
