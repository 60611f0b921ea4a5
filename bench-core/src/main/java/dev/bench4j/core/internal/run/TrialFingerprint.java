package dev.bench4j.core.internal.run;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.bench4j.core.Trial;
import dev.bench4j.core.internal.Jackson;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeMap;

/** SHA-256 of a plan's trials (ids, variables and expected answers, in order), to tell whether two runs used the same trials. */
public final class TrialFingerprint {

    private TrialFingerprint() {
    }

    /**
     * Fingerprints trials.
     *
     * @param trials the trials
     * @return 64 hex digits
     */
    public static String of(List<Trial> trials) {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
        // each trial's JSON goes straight into the digest: the same bytes as JsonValues.toJson(...) in UTF-8
        // (a character generator, so that surrogate pairs are encoded as UTF-8, not escaped), then a newline
        try (Writer out = new OutputStreamWriter(new DigestOutputStream(OutputStream.nullOutputStream(), md),
                StandardCharsets.UTF_8);
                JsonGenerator json = Jackson.MAPPER.getFactory().createGenerator(out)) {
            json.setRootValueSeparator(null);
            for (Trial t : trials) {
                Jackson.MAPPER.writeValue(json, List.of(t.id(), new TreeMap<>(t.vars()), t.expected().orElse(""),
                        t.expected().isPresent()));
                json.flush();
                out.write('\n');
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot fingerprint the trials: " + e.getMessage(), e);
        }
        return HexFormat.of().formatHex(md.digest());
    }
}
