package dev.bench4j.core.internal.io;

import static dev.bench4j.core.testing.TestFiles.write;
import static dev.bench4j.core.testing.TestFiles.writeBytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bench4j.core.InvalidPlanException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading files and JSON with messages naming the file, line and column: {@link JsonFiles}. */
class JsonFilesTest {

    @TempDir
    Path dir;

    @Test
    void dropsALeadingByteOrderMark() {
        assertThat(JsonFiles.readText(write(dir, "a.txt", "\uFEFFé\uFEFF"))).isEqualTo("é\uFEFF");
    }

    @Test
    void reportsAMissingFileWithTheFolderItLookedInWhenThePathIsRelative() {
        Path relative = Path.of("no-such-folder", "prompt.json");

        assertThatThrownBy(() -> JsonFiles.readText(relative)).isInstanceOf(InvalidPlanException.class)
                .hasMessage(relative + ": file not found (looked for " + relative.toAbsolutePath().normalize() + ")");
    }

    @Test
    void reportsADirectory() {
        assertThatThrownBy(() -> JsonFiles.readText(dir)).hasMessage(dir + ": is a directory, not a file");
    }

    @Test
    void reportsAFileThatIsNotUtf8() {
        Path file = writeBytes(dir, "latin1.json", new byte[] {'{', '"', (byte) 0xE9, '"', '}'});

        assertThatThrownBy(() -> JsonFiles.readText(file)).hasMessage(file + ": is not UTF-8 text; save it as UTF-8");
    }

    @Test
    void reportsAnEmptyFile() {
        Path file = write(dir, "empty.json", " \n");

        assertThatThrownBy(() -> JsonFiles.readTree(file)).hasMessage(file + ": the file is empty");
    }

    @Test
    void refusesTextAfterTheValue() {
        Path file = write(dir, "two.json", "{\"a\": 1}\n{\"b\": 2}\n");

        assertThatThrownBy(() -> JsonFiles.readTree(file))
                .hasMessage(file + ": line 2, column 1: invalid JSON: unexpected content after the end of the JSON value");
    }

    @Test
    void shiftsLineNumbersByTheLineTheTextStartsOn() {
        assertThatThrownBy(() -> JsonFiles.parse("{\"a\": 1", "t.jsonl", 7)).hasMessage("t.jsonl: line 7, column 8:"
                + " invalid JSON: Unexpected end-of-input: expected close marker for Object (opened at line 7, column 1)");
    }

    @Test
    void triesToParseOnlyWholeJsonValues() {
        assertThat(JsonFiles.tryParse("[1, 2]")).hasValueSatisfying(n -> assertThat(n.size()).isEqualTo(2));
        assertThat(JsonFiles.tryParse("1 2")).isEmpty();
        assertThat(JsonFiles.tryParse("  ")).isEmpty();
        assertThat(JsonFiles.tryParse("{\"a\": 1, \"a\": 2}")).isEmpty();
    }
}
