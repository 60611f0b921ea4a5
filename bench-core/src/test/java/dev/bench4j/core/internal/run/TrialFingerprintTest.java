package dev.bench4j.core.internal.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bench4j.core.Trial;
import dev.bench4j.core.json.JsonValues;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The fingerprint stored with every run must not change, or runs stored before could not be resumed. */
class TrialFingerprintTest {

    /** The fingerprint as bench4j computed it before it streamed the JSON into the digest. */
    private static String reference(List<Trial> trials) throws Exception {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        for (Trial t : trials) {
            md.update(JsonValues.toJson(List.of(t.id(), new TreeMap<>(t.vars()), t.expected().orElse(""),
                    t.expected().isPresent())).getBytes(StandardCharsets.UTF_8));
            md.update((byte) '\n');
        }
        return HexFormat.of().formatHex(md.digest());
    }

    @Test
    void isTheSameDigestAsTheStoredRunsWereFingerprintedWith() throws Exception {
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("z", List.of(1, 2.5, true, "naïve ✓ 𝄞"));
        nested.put("a", Map.of("k", "v"));
        List<Trial> trials = List.of(
                Trial.of("t1", Map.of("text", "chest pain", "age", 54)),
                Trial.of("t2 \"quoted\"", Map.of("b", "x", "a", "y\n\ttab")).withExpected("diabetes"),
                Trial.of("t3", Map.of("doc", nested)).withExpected(Map.of("entities", List.of("Acme", "Lisbon"))),
                Trial.of("t4", Map.of()).withExpected(""),
                Trial.of("ünïcode-🙂", Map.of("big", 12345678901234L, "neg", -0.5)));

        assertThat(TrialFingerprint.of(trials)).isEqualTo(reference(trials));
        assertThat(TrialFingerprint.of(List.of())).isEqualTo(reference(List.of()));
        assertThat(TrialFingerprint.of(trials.subList(0, 1))).isNotEqualTo(TrialFingerprint.of(trials.subList(1, 2)));
    }
}
