package dev.bench4j.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A run's provenance keeps what people and files say about it, and never a secret from the command line. */
class ProvenanceTest {

    @Test
    void commandLineValuesOfKeyTokenSecretAndPasswordOptionsAreHidden() {
        Provenance p = Provenance.none().withCommandLine(List.of("models", "openai", "--api-key", "sk-live-123",
                "--token=abc", "--client-secret", "s3", "--db-password=pw", "--store", "runs"));

        assertThat(p.commandLine()).containsExactly("models", "openai", "--api-key", "***", "--token=***",
                "--client-secret", "***", "--db-password=***", "--store", "runs");
        assertThat(p.toString()).doesNotContain("sk-live-123", "abc", "s3", "pw");
    }

    @Test
    void theCanonicalConstructorHidesSecretsToo() {
        Provenance p = new Provenance(java.util.Optional.empty(), List.of(), java.util.Optional.empty(),
                List.of("--api-key", "sk-live-123"), java.util.Optional.empty(), java.util.Optional.empty(),
                java.util.Optional.empty(), List.of());

        assertThat(p.commandLine()).containsExactly("--api-key", "***");
    }

    @Test
    void optionsNamingAnEnvironmentVariableKeepTheirValue() {
        assertThat(Provenance.none().withCommandLine(List.of("--api-key-env", "OPENAI_API_KEY")).commandLine())
                .containsExactly("--api-key-env", "OPENAI_API_KEY");
    }

    @Test
    void tagsKeepTheirOrderOnceEach() {
        Provenance p = Provenance.none().withTags(List.of("nightly", "ci")).withTags(List.of("ci", "gpu"));

        assertThat(p.tags()).containsExactly("nightly", "ci", "gpu");
    }

    @Test
    void aBlankTagOrOneWithAControlCharacterIsRefused() {
        assertThatThrownBy(() -> Provenance.none().withTags(List.of(" ")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tag must be non-blank");
        assertThatThrownBy(() -> Provenance.none().withTags(List.of("a\u0007b")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'a?b'");
    }

    @Test
    void aBlankDescriptionClearsIt() {
        Provenance p = Provenance.none().withDescription("  check  ");

        assertThat(p.description()).contains("check");
        assertThat(p.withDescription(" ").description()).isEmpty();
    }

    @Test
    void hashesAndCommitsAreChecked() {
        assertThatThrownBy(() -> new Provenance.SourceFile("p.json", "abc", List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sha256 must be 64 lower-case hex");
        assertThatThrownBy(() -> new Provenance.GitState("HEAD", Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("commit must be 40 or 64");
    }
}
