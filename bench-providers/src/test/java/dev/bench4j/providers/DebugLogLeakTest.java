package dev.bench4j.providers;

import static dev.bench4j.providers.testing.ProviderHarness.FAKE_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With every logger at TRACE (HttpClient's header, wire and frame logs included), a run of every
 * HTTP provider that succeeds, fails and retries prints the planted key nowhere: not plainly, not
 * JSON-escaped, not URL-encoded. The run happens in a JVM of its own ({@link DebugLogRun}), because
 * slf4j-simple fixes each logger's level when the logger is made and this JVM's loggers are at WARN.
 */
class DebugLogLeakTest {

    @TempDir
    static Path dir;

    static String output;

    @BeforeAll
    static void runEveryProviderWithTraceLogging() throws IOException, InterruptedException {
        Path log = dir.resolve("out.txt");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=trace",
                // the test's own server, not the code under test: Jetty and WireMock log the requests they receive
                "-Dorg.slf4j.simpleLogger.log.org.eclipse.jetty=warn",
                "-Dorg.slf4j.simpleLogger.log.wiremock=warn",
                "-Dorg.slf4j.simpleLogger.log.com.github.tomakehurst=warn",
                "-Dorg.slf4j.simpleLogger.log.WireMock=warn",
                DebugLogRun.class.getName()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile())
                .directory(new File(".")).start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("the run finished").isTrue();
        output = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(output).isZero();
    }

    @Test
    void everyProviderSucceededFailedAndRetried() {
        for (String provider : List.of("openai", "xai", "openai-compatible", "anthropic", "gemini", "ollama")) {
            assertThat(output).as(output).contains("RESULTS " + provider + " ok=2 failed=2 retried=1 list failed");
        }
    }

    @Test
    void theHttpExchangesWereLoggedAtDebugWithTheKeyHeadersRedacted() {
        assertThat(output).contains("Authorization: Bearer ***").contains("x-api-key: ***")
                .contains("x-goog-api-key: ***").contains("POST /v1/chat/completions").contains("HTTP/1.1 429")
                .containsIgnoringCase("Set-Cookie: ***");
    }

    @Test
    void theKeyAppearsInNoLogLinePlainJsonEscapedOrUrlEncoded() {
        assertThat(output).doesNotContain(FAKE_KEY).doesNotContain(SecretLeakTest.dashesEscaped(FAKE_KEY))
                .doesNotContain(SecretLeakTest.jsonEscaped(FAKE_KEY))
                .doesNotContainIgnoringCase(SecretLeakTest.urlEncoded(FAKE_KEY))
                .doesNotContainIgnoringCase(FAKE_KEY.replace("-", "%2D"));
        for (int i = 0; i + 12 <= FAKE_KEY.length(); i++) {
            assertThat(output).as("a 12-character piece of the key").doesNotContain(FAKE_KEY.substring(i, i + 12));
        }
    }
}
