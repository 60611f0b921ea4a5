package dev.bench4j.core.internal.io;

import dev.bench4j.core.Provenance.GitState;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the git commit of a folder and whether its tracked files are changed, for a run's
 * provenance. Asks the {@code git} command ({@code git status --porcelain=v2 --branch
 * --untracked-files=no}, one process, given at most 5 s, its output read from a temporary file); without it, reads the commit from the
 * {@code .git} folder and leaves the dirty flag unknown. A folder outside any work tree has no state.
 */
public final class GitStates {

    private static final Logger LOG = LoggerFactory.getLogger(GitStates.class);
    private static final long TIMEOUT_SECONDS = 5;

    private GitStates() {
    }

    /**
     * Returns the git state of a folder.
     *
     * @param folder the folder (e.g. a plan file's)
     * @return the state, or empty if the folder is not in a git work tree or the commit cannot be read
     */
    public static Optional<GitState> of(Path folder) {
        Optional<Path> dotGit = dotGit(folder.toAbsolutePath().normalize());
        if (dotGit.isEmpty()) {
            return Optional.empty();
        }
        return fromCommand(folder).or(() -> fromFiles(dotGit.get()));
    }

    private static Optional<Path> dotGit(Path folder) {
        for (Path p = folder; p != null; p = p.getParent()) {
            Path candidate = p.resolve(".git");
            if (Files.exists(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private static Optional<GitState> fromCommand(Path folder) {
        Path out = null;
        Process process = null;
        try {
            // the output goes to a file, so a slow git never blocks a read and a big one never fills a pipe
            out = Files.createTempFile("bench4j-git", ".txt");
            try {
                process = new ProcessBuilder("git", "--no-optional-locks", "-C", folder.toAbsolutePath().toString(),
                        "status", "--porcelain=v2", "--branch", "--untracked-files=no")
                        .redirectOutput(out.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            } catch (IOException e) {
                return Optional.empty();   // no git command
            }
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS) || process.exitValue() != 0) {
                return Optional.empty();
            }
            return parseStatus(readHead(out));
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } finally {
            if (process != null) {
                process.destroyForcibly();
            }
            if (out != null) {
                try {
                    Files.deleteIfExists(out);
                } catch (IOException e) {
                    LOG.debug("Could not delete {}: {}", out, e.toString());
                }
            }
        }
    }

    /** The first 64 KiB of the status: the branch lines come first, and one changed file is enough. */
    private static String readHead(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return new String(in.readNBytes(1 << 16), StandardCharsets.UTF_8);
        }
    }

    /**
     * Reads {@code git status --porcelain=v2 --branch} output.
     *
     * @param text the output
     * @return the commit and whether any tracked file changed, or empty before the first commit
     */
    static Optional<GitState> parseStatus(String text) {
        String commit = null;
        boolean dirty = false;
        for (String line : text.split("\n")) {
            if (line.startsWith("# branch.oid ")) {
                commit = line.substring("# branch.oid ".length()).strip();
            } else if (!line.isBlank() && !line.startsWith("#")) {
                dirty = true;
            }
        }
        if (commit == null || !isHash(commit)) {
            return Optional.empty();   // "(initial)": no commit yet
        }
        return Optional.of(new GitState(commit, Optional.of(dirty)));
    }

    static Optional<GitState> fromFiles(Path dotGit) {
        try {
            Path gitDir = dotGit;
            if (Files.isRegularFile(dotGit)) {   // a worktree or submodule: "gitdir: <path>"
                String line = Files.readString(dotGit).strip();
                if (!line.startsWith("gitdir:")) {
                    return Optional.empty();
                }
                gitDir = dotGit.getParent().resolve(line.substring("gitdir:".length()).strip()).normalize();
            }
            String head = Files.readString(gitDir.resolve("HEAD")).strip();
            if (isHash(head)) {
                return Optional.of(new GitState(head, Optional.empty()));
            }
            if (!head.startsWith("ref: ")) {
                return Optional.empty();
            }
            String ref = head.substring("ref: ".length()).strip();
            Path common = commonDir(gitDir);
            for (Path dir : List.of(gitDir, common)) {
                Path loose = dir.resolve(ref);
                if (Files.isRegularFile(loose)) {
                    String commit = Files.readString(loose).strip();
                    return isHash(commit) ? Optional.of(new GitState(commit, Optional.empty())) : Optional.empty();
                }
            }
            Path packed = common.resolve("packed-refs");
            if (Files.isRegularFile(packed)) {
                for (String line : Files.readAllLines(packed)) {
                    if (line.endsWith(" " + ref) && isHash(line.substring(0, line.indexOf(' ')))) {
                        return Optional.of(new GitState(line.substring(0, line.indexOf(' ')), Optional.empty()));
                    }
                }
            }
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            LOG.debug("Could not read the git commit from {}: {}", dotGit, e.toString());
            return Optional.empty();
        }
    }

    private static Path commonDir(Path gitDir) throws IOException {
        Path file = gitDir.resolve("commondir");
        return Files.isRegularFile(file) ? gitDir.resolve(Files.readString(file).strip()).normalize() : gitDir;
    }

    private static boolean isHash(String s) {
        return (s.length() == 40 || s.length() == 64) && s.chars().allMatch(c -> c >= '0' && c <= '9' || c >= 'a' && c <= 'f');
    }
}
