package dev.bench4j.core.internal.io;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.bench4j.core.InvalidPlanException;
import dev.bench4j.core.internal.Jackson;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the text and JSON of hand-written files, turning every failure into an
 * {@link InvalidPlanException} that names the file and, for malformed JSON, the line and column.
 */
public final class JsonFiles {

    /**
     * The one strict reader of this package, configured once: a repeated key or anything after the
     * value is an error, never silently resolved.
     */
    private static final ObjectReader STRICT = Jackson.MAPPER.reader()
            .with(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /** Jackson's "[Source: ...; line: 1, column: 1]" inside messages, rewritten to plain words. */
    private static final Pattern SOURCE = Pattern.compile("\\[Source: [^\\]]*?; line: (\\d+), column: (\\d+)\\]");

    private static final char BOM = '\uFEFF';

    private JsonFiles() {
    }

    /**
     * Reads a whole file as UTF-8 text, without a leading byte order mark.
     *
     * @param file the file
     * @return the text
     * @throws InvalidPlanException if the file is missing, a directory, unreadable or not UTF-8
     */
    static String readText(Path file) {
        if (Files.isDirectory(file)) {
            throw new InvalidPlanException(file + ": is a directory, not a file");
        }
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            return !text.isEmpty() && text.charAt(0) == BOM ? text.substring(1) : text;
        } catch (NoSuchFileException e) {
            String looked = file.isAbsolute() ? "" : " (looked for " + file.toAbsolutePath().normalize() + ")";
            throw new InvalidPlanException(file + ": file not found" + looked, e);
        } catch (AccessDeniedException e) {
            throw new InvalidPlanException(file + ": cannot be read: permission denied", e);
        } catch (CharacterCodingException e) {
            throw new InvalidPlanException(file + ": is not UTF-8 text; save it as UTF-8", e);
        } catch (IOException e) {
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            throw new InvalidPlanException(file + ": cannot be read: " + reason, e);
        }
    }

    /**
     * Reads a file holding one JSON value.
     *
     * @param file the file
     * @return the value, never a missing node
     * @throws InvalidPlanException if the file cannot be read, is empty or is not valid JSON
     */
    public static JsonNode readTree(Path file) {
        String text = readText(file);
        if (text.isBlank()) {
            throw new InvalidPlanException(file + ": the file is empty");
        }
        return parse(text, file.toString(), 1);
    }

    /**
     * Parses JSON text that starts on a given line of a file.
     *
     * @param json the text
     * @param where the file, for messages
     * @param firstLine the file's line number of the text's first line (1 for a whole file)
     * @return the value (a missing node for blank text)
     * @throws InvalidPlanException naming the file, line and column if the text is not valid JSON
     */
    static JsonNode parse(String json, String where, int firstLine) {
        try {
            return STRICT.readTree(json);
        } catch (JsonProcessingException e) {
            int shift = firstLine - 1;
            JsonLocation at = e.getLocation();
            String place = at == null || at.getLineNr() < 1 ? ""
                    : "line " + (at.getLineNr() + shift) + ", column " + at.getColumnNr() + ": ";
            throw new InvalidPlanException(where + ": " + place + "invalid JSON: " + clean(e.getOriginalMessage(), shift), e);
        }
    }

    /**
     * Parses text if, all of it, it is one JSON value.
     *
     * @param text the text
     * @return the value, or empty if the text is blank or not valid JSON
     */
    static Optional<JsonNode> tryParse(String text) {
        try {
            JsonNode node = STRICT.readTree(text);
            return node == null || node.isMissingNode() ? Optional.empty() : Optional.of(node);
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    private static String clean(String message, int shift) {
        if (message.startsWith("Trailing token")) {
            return "unexpected content after the end of the JSON value";
        }
        Matcher m = SOURCE.matcher(message);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            int line = Integer.parseInt(m.group(1)) + shift;
            m.appendReplacement(sb, "line " + line + ", column " + m.group(2));
        }
        m.appendTail(sb);
        return sb.toString().replace("start marker at line", "opened at line");
    }
}
