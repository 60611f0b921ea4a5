package dev.bench4j.core.internal.pipeline;

import dev.bench4j.core.Message;
import dev.bench4j.core.ModelConfig;
import dev.bench4j.core.json.JsonValues;
import dev.bench4j.core.spi.ModelRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;

/**
 * Computes the cache key of a request: SHA-256 over the canonical request (provider, base URL,
 * model, parameters, extras, rendered messages, repetition), every field length-prefixed so no two
 * requests share a key by concatenation. The model part is hashed once per config.
 */
public final class RequestKeys {

    private static final String VERSION = "bench4j.request-key/1";

    private final Map<String, MessageDigest> prefixes = new HashMap<>();

    /**
     * Prepares keys for a set of configs.
     *
     * @param models the configs
     */
    public RequestKeys(Iterable<ModelConfig> models) {
        for (ModelConfig m : models) {
            prefixes.put(m.id(), prefix(m));
        }
    }

    private static MessageDigest prefix(ModelConfig m) {
        MessageDigest md = sha256();
        update(md, VERSION);
        update(md, m.provider().toLowerCase(Locale.ROOT));
        update(md, m.endpoint().baseUrl().orElse(""));
        update(md, m.model());
        update(md, m.endpoint().stream() ? "stream" : "whole");
        update(md, JsonValues.toCanonicalJson(m.parameters().asMap()));
        update(md, JsonValues.toCanonicalJson(m.extras()));
        return md;
    }

    /**
     * Returns the key of a request.
     *
     * @param request the request
     * @return 64 hex digits
     */
    public String key(ModelRequest request) {
        MessageDigest md;
        MessageDigest prefix = prefixes.get(request.config().id());
        try {
            md = prefix == null ? prefix(request.config()) : (MessageDigest) prefix.clone();
        } catch (CloneNotSupportedException e) {
            md = prefix(request.config());
        }
        for (Message m : request.messages()) {
            update(md, m.role().wireName());
            update(md, m.content());
        }
        update(md, Integer.toString(request.cell().repetition()));
        return HexFormat.of().formatHex(md.digest());
    }

    private static void update(MessageDigest md, String s) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        int n = bytes.length;
        md.update(new byte[] {(byte) (n >>> 24), (byte) (n >>> 16), (byte) (n >>> 8), (byte) n});
        md.update(bytes);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
