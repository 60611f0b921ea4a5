package dev.bench4j.core.internal.io;

import static dev.bench4j.core.testing.TestFiles.fixture;
import static dev.bench4j.core.testing.TestFiles.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bench4j.core.InvalidPlanException;
import dev.bench4j.core.Trial;
import dev.bench4j.core.internal.Jackson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading trials from JSON Lines, JSON arrays, inline lists and by extension: {@link TrialFiles}. */
class TrialFilesTest {

    /** The three trials every sample file (JSONL, JSON array) holds. */
    static final List<Trial> SAMPLE = List.of(
            Trial.of("t1", Map.of("text", "Patient with type 2 diabetes and hypertension."))
                    .withExpected(List.of("diabetes", "hypertension")).withMetadata("source", "synthetic"),
            new Trial("2", Map.of("text", "Fièvre et toux, 发烧 🤒", "age", 71L),
                    Optional.of(Map.of("conditions", List.of())), Map.of()),
            Trial.of("t3", Map.of("text", "No complaints.")));

    @TempDir
    Path dir;

    /** {@link TrialFiles#readJsonl}. */
    @Nested
    class JsonLines {

        @Test
        void readsOneTrialPerLineSkippingBlankLines() {
            assertThat(TrialFiles.readJsonl(fixture("trials.jsonl"))).isEqualTo(SAMPLE);
        }

        @Test
        void readsAFileWithByteOrderMarkAndCrlfLineEnds() {
            Path file = write(dir, "t.jsonl", "\uFEFF{\"id\": \"a\"}\r\n\r\n{\"id\": \"b\", \"vars\": {\"x\": \"1\\r\\n2\"}}\r\n");

            assertThat(TrialFiles.readJsonl(file)).containsExactly(Trial.of("a", Map.of()), Trial.of("b", Map.of("x", "1\r\n2")));
        }

        @Test
        void splitsLinesAtEveryKindOfLineEndAndNamesTheLineOfABadTrial() throws Exception {
            Path file = write(dir, "t.jsonl", "{\"id\": \"a\"}\r{\"id\": \"b\"}\n\r\n{\"id\": \"c\"}\r\n{\"id\": 1.5}");

            assertThatThrownBy(() -> TrialFiles.readJsonl(file)).isInstanceOf(InvalidPlanException.class)
                    .hasMessageStartingWith(file + ": line 5");
            Files.writeString(file, "{\"id\": \"a\"}\r{\"id\": \"b\"}\n\r\n{\"id\": \"c\"}");
            assertThat(TrialFiles.readJsonl(file)).extracting(Trial::id).containsExactly("a", "b", "c");
        }

        @Test
        void turnsAnIntegerIdIntoItsDecimalString() {
            Path file = write(dir, "t.jsonl", "{\"id\": 12345678901234567890}\n");

            assertThat(TrialFiles.readJsonl(file)).extracting(Trial::id).containsExactly("12345678901234567890");
        }

        @Test
        void treatsANullExpectedAsNoExpected() {
            Path file = write(dir, "t.jsonl", "{\"id\": \"a\", \"expected\": null}\n");

            assertThat(TrialFiles.readJsonl(file).get(0).expected()).isEmpty();
        }

        @Test
        void keepsAnExpectedOfAnyJsonShape() {
            Path file = write(dir, "t.jsonl", "{\"id\": \"a\", \"expected\": \"yes\"}\n{\"id\": \"b\", \"expected\": 1.5}\n"
                    + "{\"id\": \"c\", \"expected\": false}\n{\"id\": \"d\", \"expected\": [1, null]}\n");

            assertThat(TrialFiles.readJsonl(file)).extracting(Trial::expected).containsExactly(
                    Optional.of("yes"), Optional.of(1.5), Optional.of(false), Optional.of(Arrays.asList(1L, null)));
        }

        @Test
        void namesTheFileLineAndColumnOfAMalformedLine() {
            Path file = write(dir, "t.jsonl", "{\"id\": \"a\"}\n\n{\"id\": \"b\",}\n");

            assertThatThrownBy(() -> TrialFiles.readJsonl(file)).isInstanceOf(InvalidPlanException.class)
                    .hasMessage(file + ": line 3, column 12: invalid JSON: Unexpected character ('}' (code 125)):"
                            + " was expecting double-quote to start field name");
        }

        @Test
        void namesTheLineWhereAnObjectIsLeftOpen() {
            Path file = write(dir, "t.jsonl", "{\"id\": \"a\"}\n{\"id\": \"b\"\n");

            assertThatThrownBy(() -> TrialFiles.readJsonl(file)).hasMessage(file + ": line 2, column 11: invalid JSON:"
                    + " Unexpected end-of-input: expected close marker for Object (opened at line 2, column 1)");
        }

        @Test
        void refusesANullVariableNamingTheTrialAndTheVariable() {
            Path file = write(dir, "t.jsonl", "{\"id\": \"t1\", \"vars\": {\"text\": null}}\n");

            assertThatThrownBy(() -> TrialFiles.readJsonl(file))
                    .hasMessage(file + ": line 1: trial 't1': variable 'text' is null; use \"\" for an empty value");
        }

        @Test
        void refusesATrialWithoutId() {
            Path file = write(dir, "t.jsonl", "{\"vars\": {\"text\": \"x\"}}\n");

            assertThatThrownBy(() -> TrialFiles.readJsonl(file))
                    .hasMessage(file + ": line 1: missing field 'id'; every trial needs an id, e.g. \"id\": \"t1\"");
        }

        @Test
        void refusesAnIdThatIsNeitherStringNorInteger() {
            Path file = write(dir, "t.jsonl", "{\"id\": 1.5}\n");

            assertThatThrownBy(() -> TrialFiles.readJsonl(file))
                    .hasMessage(file + ": line 1: field 'id' must be a string or an integer but was 1.5");
        }

        @Test
        void refusesABlankId() {
            Path file = write(dir, "t.jsonl", "{\"id\": \" \"}\n");

            assertThatThrownBy(() -> TrialFiles.readJsonl(file)).hasMessage(file + ": line 1: field 'id' must not be blank");
        }

        @Test
        void refusesVarsThatAreNotAnObject() {
            Path file = write(dir, "t.jsonl", "{\"id\": \"a\", \"vars\": [\"x\"]}\n");

            assertThatThrownBy(() -> TrialFiles.readJsonl(file))
                    .hasMessage(file + ": line 1: field 'vars' must be an object of variables but was an array");
        }

        @Test
        void refusesAnUnknownField() {
            Path file = write(dir, "t.jsonl", "{\"id\": \"a\", \"var\": {}}\n");

            assertThatThrownBy(() -> TrialFiles.readJsonl(file)).hasMessage(file + ": line 1: unknown field 'var'"
                    + " (did you mean 'vars'?); allowed fields are id, vars, expected, metadata, checks");
        }

        @Test
        void refusesDuplicateIdsNamingBothLines() {
            Path file = write(dir, "t.jsonl", "{\"id\": \"t1\"}\n{\"id\": \"t2\"}\n{\"id\": \"t1\"}\n");

            assertThatThrownBy(() -> TrialFiles.readJsonl(file))
                    .hasMessage(file + ": line 3: duplicate trial id 't1', first on line 1");
        }

        @Test
        void treatsAnIntegerIdAndTheSameStringIdAsDuplicates() {
            Path file = write(dir, "t.jsonl", "{\"id\": 7}\n{\"id\": \"7\"}\n");

            assertThatThrownBy(() -> TrialFiles.readJsonl(file))
                    .hasMessage(file + ": line 2: duplicate trial id '7', first on line 1");
        }

        @Test
        void reportsEveryBadLineAtOnce() {
            Path file = write(dir, "t.jsonl", "{\"id\": \"a\", \"vars\": {\"x\": null}}\n{\"id\": \"b\"}\n{oops}\n");

            InvalidPlanException e = catchThrowableOfType(InvalidPlanException.class, () -> TrialFiles.readJsonl(file));

            assertThat(e.problems()).containsExactly(
                    file + ": line 1: trial 'a': variable 'x' is null; use \"\" for an empty value",
                    file + ": line 3, column 2: invalid JSON: Unexpected character ('o' (code 111)):"
                            + " was expecting double-quote to start field name");
            assertThat(e).hasMessageStartingWith("2 problems:\n  - " + file + ": line 1:");
        }

        @Test
        void readsAnEmptyFileAsNoTrials() {
            assertThat(TrialFiles.readJsonl(write(dir, "t.jsonl", "\n  \n"))).isEmpty();
        }

        @Test
        void reportsAMissingFile() {
            Path file = dir.resolve("trials.jsonl");

            assertThatThrownBy(() -> TrialFiles.readJsonl(file)).hasMessage(file + ": file not found");
        }
    }

    /** {@link TrialFiles#readJsonArray}. */
    @Nested
    class JsonArray {

        @Test
        void readsAnArrayOfTrials() {
            assertThat(TrialFiles.readJsonArray(fixture("trials.json"))).isEqualTo(SAMPLE);
        }

        @Test
        void namesTheIndexOfABadElement() {
            Path file = write(dir, "t.json", "[{\"id\": \"a\"}, {\"vars\": {}}]");

            assertThatThrownBy(() -> TrialFiles.readJsonArray(file))
                    .hasMessage(file + ": [1]: missing field 'id'; every trial needs an id, e.g. \"id\": \"t1\"");
        }

        @Test
        void refusesAnElementThatIsNotAnObject() {
            Path file = write(dir, "t.json", "[\"t1\"]");

            assertThatThrownBy(() -> TrialFiles.readJsonArray(file)).hasMessage(file + ": [0]: expected a JSON object but found \"t1\"");
        }

        @Test
        void refusesDuplicateIdsNamingBothIndexes() {
            Path file = write(dir, "t.json", "[{\"id\": \"a\"}, {\"id\": \"b\"}, {\"id\": \"a\"}]");

            assertThatThrownBy(() -> TrialFiles.readJsonArray(file))
                    .hasMessage(file + ": [2]: duplicate trial id 'a', first at index 0");
        }

        @Test
        void refusesAFileThatIsNotAnArray() {
            Path file = write(dir, "t.json", "{\"id\": \"a\"}");

            assertThatThrownBy(() -> TrialFiles.readJsonArray(file)).hasMessage(file
                    + ": expected a JSON array of trials but found an object; for one trial object per line, use a .jsonl file");
        }

        @Test
        void refusesAnEmptyFile() {
            Path file = write(dir, "t.json", "\uFEFF  \n");

            assertThatThrownBy(() -> TrialFiles.readJsonArray(file)).hasMessage(file + ": the file is empty");
        }
    }

    /** {@link TrialFiles#fromNode}. */
    @Nested
    class Inline {

        private JsonNode node(String json) throws Exception {
            return Jackson.MAPPER.readTree(json);
        }

        @Test
        void readsAnInlineListOfTrials() throws Exception {
            assertThat(TrialFiles.fromNode(node("[{\"id\": 1, \"vars\": {\"q\": \"¿Qué?\"}}]"), "plan.json: trials"))
                    .containsExactly(Trial.of("1", Map.of("q", "¿Qué?")));
        }

        @Test
        void prefixesMessagesWithWhereAndTheIndex() throws Exception {
            assertThatThrownBy(() -> TrialFiles.fromNode(node("[{\"id\": \"a\"}, {\"id\": \"a\"}]"), "plan.json: trials"))
                    .hasMessage("plan.json: trials[1]: duplicate trial id 'a', first at index 0");
        }

        @Test
        void refusesANodeThatIsNotAnArray() throws Exception {
            assertThatThrownBy(() -> TrialFiles.fromNode(node("{\"id\": \"a\"}"), "plan.json: trials"))
                    .hasMessage("plan.json: trials must be an array of trials but was an object");
        }

        @Test
        void rejectsNullArguments() throws Exception {
            assertThatThrownBy(() -> TrialFiles.fromNode(null, "w")).isInstanceOf(NullPointerException.class)
                    .hasMessage("arrayNode");
            assertThatThrownBy(() -> TrialFiles.fromNode(node("[]"), null)).isInstanceOf(NullPointerException.class)
                    .hasMessage("where");
        }
    }

    /** {@link TrialFiles#read}. */
    @Nested
    class ByExtension {

        @Test
        void choosesTheReaderByExtension() {
            String line = "{\"id\": \"a\"}\n";
            List<Trial> one = List.of(Trial.of("a", Map.of()));

            assertThat(TrialFiles.read(write(dir, "t.jsonl", line))).isEqualTo(one);
            assertThat(TrialFiles.read(write(dir, "t.NDJSON", line))).isEqualTo(one);
            assertThat(TrialFiles.read(write(dir, "t.json", "[" + line + "]"))).isEqualTo(one);
            assertThat(TrialFiles.read(write(dir, "t.Csv", "id\na\n"))).isEqualTo(one);
        }

        @Test
        void refusesAnUnsupportedExtensionListingTheSupportedOnes() {
            Path file = write(dir, "trials.txt", "a\n");

            assertThatThrownBy(() -> TrialFiles.read(file)).hasMessage(file + ": unsupported trials file; the name must end with"
                    + " .jsonl, .ndjson (one JSON trial per line), .json (a JSON array of trials) or .csv");
        }

        @Test
        void rejectsANullFile() {
            assertThatThrownBy(() -> TrialFiles.read(null)).isInstanceOf(NullPointerException.class).hasMessage("file");
            assertThatThrownBy(() -> TrialFiles.readJsonl(null)).isInstanceOf(NullPointerException.class).hasMessage("file");
            assertThatThrownBy(() -> TrialFiles.readJsonArray(null)).isInstanceOf(NullPointerException.class).hasMessage("file");
            assertThatThrownBy(() -> TrialFiles.readCsv(null)).isInstanceOf(NullPointerException.class).hasMessage("file");
        }
    }
}
