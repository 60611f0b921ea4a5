package dev.bench4j.store.json.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bench4j.core.Result;
import dev.bench4j.core.testing.SampleResults;
import dev.bench4j.store.json.InvalidRunFileException;
import dev.bench4j.store.json.testing.LogCapture;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultsFileTest {

    @TempDir
    Path dir;

    private Path file;

    private byte[] writeSamples(int n) throws Exception {
        file = dir.resolve(ResultsFile.NAME);
        try (ResultAppender out = new ResultAppender(file, 0)) {
            for (Result r : SampleResults.all().subList(0, n)) {
                out.append(r);
            }
        }
        return Files.readAllBytes(file);
    }

    private List<Result> read() {
        List<Result> back = new ArrayList<>();
        ResultsFile.forEach(file, back::add);
        return back;
    }

    @Test
    void aLastLineWithoutItsLineEndIsCutOffKeptAsTornAndReported() throws Exception {
        byte[] whole = writeSamples(4);
        int lastLineStart = lastLineStart(whole);
        byte[] torn = Arrays.copyOf(whole, lastLineStart + 25);
        Files.write(file, torn);

        boolean repaired;
        try (LogCapture log = LogCapture.start()) {
            repaired = ResultsFile.repairTail(file);
            assertThat(log.text()).contains("WARN").contains(file.toString() + ": line 4 was torn (it has no line end")
                    .contains("keeping the 3 complete lines before it").contains(ResultsFile.TORN);
        }

        assertThat(repaired).isTrue();
        assertThat(Files.readAllBytes(file)).isEqualTo(Arrays.copyOf(whole, lastLineStart));
        assertThat(read()).containsExactlyElementsOf(SampleResults.all().subList(0, 3));
        assertThat(Files.readString(dir.resolve(ResultsFile.TORN), StandardCharsets.UTF_8))
                .isEqualTo(new String(whole, lastLineStart, 25, StandardCharsets.UTF_8) + "\n");
        assertThat(ResultsFile.repairTail(file)).isFalse();
    }

    @Test
    void aCompleteLastLineThatIsNotJsonIsCutOffToo() throws Exception {
        byte[] whole = writeSamples(2);
        Files.write(file, new byte[] {0, 0, 0, 0, '\n'}, StandardOpenOption.APPEND);

        try (LogCapture log = LogCapture.start()) {
            assertThat(ResultsFile.repairTail(file)).isTrue();
            assertThat(log.text()).contains(": line 3 was torn (it is not valid");
        }

        assertThat(Files.readAllBytes(file)).isEqualTo(whole);
    }

    @Test
    void aWholeLastLineThatIsNotAResultIsDamageToReportNotATornWriteToCut() throws Exception {
        writeSamples(2);
        Files.write(file, "{\"prompt\": 1}\n".getBytes(StandardCharsets.UTF_8), StandardOpenOption.APPEND);
        byte[] before = Files.readAllBytes(file);

        assertThat(ResultsFile.repairTail(file)).isFalse();

        assertThat(Files.readAllBytes(file)).isEqualTo(before);
        assertThatThrownBy(this::read).hasMessageContaining("line 3");
    }

    @Test
    void aFileThatEndsWellIsLeftAlone() throws Exception {
        byte[] whole = writeSamples(3);

        assertThat(ResultsFile.repairTail(file)).isFalse();
        assertThat(Files.readAllBytes(file)).isEqualTo(whole);
        assertThat(Files.exists(dir.resolve(ResultsFile.TORN))).isFalse();
    }

    @Test
    void aCorruptLineInTheMiddleIsAnErrorNamingFileAndLineAndIsNotRepaired() throws Exception {
        byte[] whole = writeSamples(3);
        String text = new String(whole, StandardCharsets.UTF_8);
        int secondLine = text.indexOf('\n') + 1;
        String broken = text.substring(0, secondLine) + "{\"prompt\": tru" + text.substring(text.indexOf('\n', secondLine));
        Files.writeString(file, broken, StandardCharsets.UTF_8);

        assertThat(ResultsFile.repairTail(file)).isFalse();
        assertThatThrownBy(this::read)
                .isInstanceOf(InvalidRunFileException.class)
                .hasMessageStartingWith(file + ": line 2: column ")
                .hasMessageContaining("invalid JSON")
                .hasMessageEndingWith("; the file is corrupt there (only a torn last line is repaired automatically)");
    }

    @Test
    void aLineThatIsJsonButNotAResultIsAnErrorWithItsLineNumber() throws Exception {
        writeSamples(2);
        Files.writeString(file, "{\"prompt\": \"p\"}\n", StandardOpenOption.APPEND);
        Files.write(file, Arrays.copyOfRange(writeLine(0), 0, writeLine(0).length), StandardOpenOption.APPEND);

        assertThatThrownBy(this::read)
                .isInstanceOf(InvalidRunFileException.class)
                .hasMessageStartingWith(file + ": line 3: missing field 'model'");
    }

    @Test
    void blankLinesAreSkipped() throws Exception {
        writeSamples(1);
        Files.writeString(file, "\n  \r\n", StandardOpenOption.APPEND);
        Files.write(file, writeLine(1), StandardOpenOption.APPEND);

        assertThat(read()).containsExactlyElementsOf(SampleResults.all().subList(0, 2));
    }

    @Test
    void aMissingFileHasNoResults() {
        file = dir.resolve("nothing.jsonl");

        assertThat(read()).isEmpty();
        assertThat(ResultsFile.repairTail(file)).isFalse();
    }

    private byte[] writeLine(int sample) throws Exception {
        Path one = dir.resolve("one-" + sample + ".jsonl");
        Files.deleteIfExists(one);
        try (ResultAppender out = new ResultAppender(one, 0)) {
            out.append(SampleResults.all().get(sample));
        }
        return Files.readAllBytes(one);
    }

    private static int lastLineStart(byte[] whole) {
        for (int i = whole.length - 2; i >= 0; i--) {
            if (whole[i] == '\n') {
                return i + 1;
            }
        }
        return 0;
    }
}
