package dev.bench4j.providers.internal.http;

import java.nio.charset.StandardCharsets;
import java.util.AbstractMap;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.hc.core5.http.Header;

/**
 * A buffered HTTP response: status, headers (names lower-cased, first value kept) and body bytes.
 *
 * @param status the HTTP status
 * @param headers the headers by lower-case name
 * @param body the body
 */
public record HttpReply(int status, Map<String, String> headers, byte[] body) {

    /**
     * Copies the headers (a reply made by {@link #of} keeps the response's own, read only).
     */
    public HttpReply {
        headers = headers instanceof ResponseHeaders ? headers : Map.copyOf(headers);
    }

    /**
     * Creates a reply over the headers of a received response, without copying them: a header is
     * looked up only when it is read, which a successful reply seldom needs.
     *
     * @param status the HTTP status
     * @param headers the response's headers, in received order; not modified afterwards
     * @param body the body
     * @return the reply
     */
    static HttpReply of(int status, Header[] headers, byte[] body) {
        return new HttpReply(status, new ResponseHeaders(headers), body);
    }

    /**
     * Returns whether the status is 2xx.
     *
     * @return true on success
     */
    public boolean ok() {
        return status >= 200 && status < 300;
    }

    /**
     * Returns a header's value.
     *
     * @param name the header name, any case
     * @return the value, or empty
     */
    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
    }

    /**
     * Returns the body decoded as UTF-8.
     *
     * @return the text
     */
    public String text() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /**
     * A response's headers seen as the map of lower-cased names to first values: {@link #get} scans
     * the few headers of a response; the whole map is built only if it is iterated.
     */
    static final class ResponseHeaders extends AbstractMap<String, String> {
        private final Header[] all;
        private Map<String, String> map;

        ResponseHeaders(Header[] all) {
            this.all = all;
        }

        /** Returns the first value of the header whose lower-cased name is {@code key}, as the built map would. */
        @Override
        public String get(Object key) {
            if (!(key instanceof String)) {
                return null;
            }
            String lower = (String) key;
            for (Header h : all) {
                if (lowerCaseEquals(h.getName(), lower)) {
                    return h.getValue();
                }
            }
            return null;
        }

        @Override
        public boolean containsKey(Object key) {
            return get(key) != null;
        }

        @Override
        public Set<Entry<String, String>> entrySet() {
            return map().entrySet();
        }

        @Override
        public int size() {
            return map().size();
        }

        private Map<String, String> map() {
            Map<String, String> m = map;
            if (m == null) {
                Map<String, String> built = new HashMap<>();
                for (Header h : all) {
                    built.putIfAbsent(h.getName().toLowerCase(Locale.ROOT), h.getValue());
                }
                m = Map.copyOf(built);
                map = m;
            }
            return m;
        }

        /** Whether {@code name.toLowerCase(Locale.ROOT)} equals {@code lower}, without building it for ASCII names. */
        static boolean lowerCaseEquals(String name, String lower) {
            int n = name.length();
            if (n != lower.length()) {
                return !isAscii(name) && name.toLowerCase(Locale.ROOT).equals(lower);
            }
            for (int i = 0; i < n; i++) {
                char c = name.charAt(i);
                if (c >= 0x80) {
                    return name.toLowerCase(Locale.ROOT).equals(lower);
                }
                if (c >= 'A' && c <= 'Z') {
                    c = (char) (c + ('a' - 'A'));
                }
                if (c != lower.charAt(i)) {
                    return !isAscii(name) && name.toLowerCase(Locale.ROOT).equals(lower);
                }
            }
            return true;
        }

        private static boolean isAscii(String s) {
            for (int i = 0; i < s.length(); i++) {
                if (s.charAt(i) >= 0x80) {
                    return false;
                }
            }
            return true;
        }
    }
}
