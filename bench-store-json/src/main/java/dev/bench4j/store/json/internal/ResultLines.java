package dev.bench4j.store.json.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import dev.bench4j.core.CellId;
import dev.bench4j.core.Result;
import dev.bench4j.core.json.InvalidJsonException;
import dev.bench4j.core.json.ResultJson;
import java.io.IOException;

/**
 * The store's side of {@code results.jsonl}: lines in the one result format, {@link ResultJson}'s,
 * written through the store's generators, with a line that is not a result reported as a
 * {@link BadLineException} for the reader of the file to name the file and line.
 */
public final class ResultLines {

    /** The factory of the shared mapper: thread-safe, configured once. */
    static final JsonFactory FACTORY = Jackson.MAPPER.getFactory();

    private ResultLines() {
    }

    /**
     * Reads only the cell of one result line (see {@link ResultJson#readCell}); the rest of the line
     * is checked when the result is read.
     *
     * @param bytes a buffer
     * @param offset where the line starts
     * @param length the line's length, without its line end
     * @return the cell
     * @throws BadLineException saying what is wrong (without file or line) if the line's cell cannot be read
     */
    static CellId readCell(byte[] bytes, int offset, int length) {
        try {
            return ResultJson.readCell(bytes, offset, length);
        } catch (InvalidJsonException e) {
            throw new BadLineException(e.getMessage(), e);
        }
    }

    /**
     * Reads one result from the bytes of one line.
     *
     * @param bytes a buffer
     * @param offset where the line starts
     * @param length the line's length, without its line end
     * @return the result
     * @throws BadLineException saying what is wrong (without file or line) if the line is not a result
     */
    static Result read(byte[] bytes, int offset, int length) {
        try {
            return ResultJson.read(bytes, offset, length);
        } catch (InvalidJsonException e) {
            throw new BadLineException(e.getMessage(), e);
        }
    }

    /**
     * Reads one result object from a parser on its first token, and leaves the parser on the
     * object's end (for results inside a larger document, such as a run export).
     *
     * @param p the parser
     * @return the result
     * @throws BadLineException saying what is wrong (without file or position) if it is not a result
     * @throws IOException if the parser cannot read, e.g. malformed or truncated JSON
     */
    static Result readObject(JsonParser p) throws IOException {
        try {
            return ResultJson.read(p);
        } catch (InvalidJsonException e) {
            throw new BadLineException(e.getMessage(), e);
        }
    }
}
