package dev.bench4j.core.internal.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.bench4j.core.Provenance.GitState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A plan folder's git commit and dirty flag, from the git command or, without it, from the .git folder. */
class GitStatesTest {

    private static final String COMMIT = "0123456789abcdef0123456789abcdef01234567";

    @TempDir
    Path dir;

    @Test
    void statusOutputGivesTheCommitAndWhetherTrackedFilesChanged() {
        String clean = "# branch.oid " + COMMIT + "\n# branch.head main\n";
        String dirty = clean + "1 .M N... 100644 100644 100644 aaa bbb plan.json\n";

        assertThat(GitStates.parseStatus(clean)).contains(new GitState(COMMIT, Optional.of(false)));
        assertThat(GitStates.parseStatus(dirty)).contains(new GitState(COMMIT, Optional.of(true)));
        assertThat(GitStates.parseStatus("# branch.oid (initial)\n# branch.head main\n")).isEmpty();
    }

    @Test
    void aFolderOutsideAnyWorkTreeHasNoState() {
        assumeTrue(GitStates.of(dir.getRoot()).isEmpty(), "the temp folder is inside a git work tree");

        assertThat(GitStates.of(dir)).isEmpty();
    }

    @Test
    void withoutTheCommandTheCommitIsReadFromLooseAndPackedRefs() throws IOException {
        Path git = Files.createDirectories(dir.resolve("repo/.git"));
        Files.writeString(git.resolve("HEAD"), "ref: refs/heads/main\n");
        Files.createDirectories(git.resolve("refs/heads"));
        Files.writeString(git.resolve("refs/heads/main"), COMMIT + "\n");
        Files.writeString(git.resolve("packed-refs"), "# pack-refs with: peeled\n" + COMMIT.replace('0', 'f')
                + " refs/heads/other\n");

        assertThat(GitStates.fromFiles(git)).contains(new GitState(COMMIT, Optional.empty()));
        Files.writeString(git.resolve("HEAD"), "ref: refs/heads/other\n");
        assertThat(GitStates.fromFiles(git)).contains(new GitState(COMMIT.replace('0', 'f'), Optional.empty()));
    }

    @Test
    void aRealWorkTreeReportsItsCommitAndAnEditAsDirty() throws Exception {
        Path repo = Files.createDirectories(dir.resolve("work"));
        assumeTrue(git(repo, "init", "-q"), "the git command is installed");
        Files.writeString(repo.resolve("plan.json"), "{}");
        assumeTrue(git(repo, "add", "plan.json") && git(repo, "-c", "user.name=t", "-c", "user.email=t@e",
                "commit", "-q", "-m", "plan"));

        GitState clean = GitStates.of(repo).orElseThrow();
        assertThat(clean.commit()).hasSize(40);
        assertThat(clean.dirty()).contains(false);
        Files.writeString(repo.resolve("plan.json"), "{\"name\": \"x\"}");
        assertThat(GitStates.of(repo).orElseThrow()).isEqualTo(new GitState(clean.commit(), Optional.of(true)));
    }

    private static boolean git(Path dir, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("git", "-C", dir.toString()));
        command.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException noGit) {
            return false;
        }
    }
}
