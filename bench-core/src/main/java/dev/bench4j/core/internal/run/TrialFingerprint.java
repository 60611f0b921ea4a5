package dev.bench4j.core.internal.run;

import dev.bench4j.core.Trial;
import dev.bench4j.core.json.JsonValues;
import java.nio.charset.StandardCharsets;
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
        for (Trial t : trials) {
            md.update(JsonValues.toJson(List.of(t.id(), new TreeMap<>(t.vars()), t.expected().orElse(""),
                    t.expected().isPresent())).getBytes(StandardCharsets.UTF_8));
            md.update((byte) '\n');
        }
        return HexFormat.of().formatHex(md.digest());
    }
}
