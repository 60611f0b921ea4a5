package dev.bench4j.web.internal;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The viewer's request checks and response headers.
 *
 * <ul>
 *   <li>Bound to a loopback address, the {@code Host} header must name that address (or
 *       {@code localhost}) and the port, so a page of another site that rebinds its DNS name to
 *       127.0.0.1 is refused (DNS rebinding). Reading needs no token.</li>
 *   <li>Bound to any other address, every request needs the token: an {@code Authorization: Bearer}
 *       header, or the {@code bench4j_token} cookie, which a {@code ?token=} link sets.</li>
 *   <li>A request that changes something (a review) needs the token in an {@code X-Bench4j-Token}
 *       header, which only the app's own pages know (a cross-site page can neither read it nor set
 *       the header without a preflight this server never grants), and an {@code Origin}, when sent,
 *       that is this server's own.</li>
 *   <li>Every response carries a Content-Security-Policy that allows only the app's own scripts,
 *       styles and connections, no inline script, no framing.</li>
 * </ul>
 */
final class Security {

    static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; font-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
    static final String TOKEN_HEADER = "X-Bench4j-Token";
    static final String COOKIE = "bench4j_token";

    private final String token;
    private final boolean loopback;
    private final Set<String> allowedHosts;

    Security(String token, boolean loopback, int port, List<String> boundNames) {
        this.token = token;
        this.loopback = loopback;
        Set<String> hosts = new TreeSet<>(List.of("127.0.0.1:" + port, "localhost:" + port, "[::1]:" + port));
        for (String name : boundNames) {
            if (!name.isEmpty()) {
                hosts.add((name.contains(":") && !name.startsWith("[") ? "[" + name + "]" : name).toLowerCase(Locale.ROOT)
                        + ":" + port);
            }
        }
        this.allowedHosts = Set.copyOf(hosts);
    }

    String token() {
        return token;
    }

    /** Refuses a request from a rebinding host or without the token a non-loopback server needs. */
    void checkRead(HttpExchange ex) {
        if (loopback) {
            String host = Optional.ofNullable(ex.getRequestHeaders().getFirst("Host")).orElse("").toLowerCase(Locale.ROOT);
            if (!allowedHosts.contains(host)) {
                throw HttpError.forbidden("this viewer answers only requests for " + String.join(", ", new TreeSet<>(allowedHosts))
                        + ", not for host '" + RunIndex.cut(host, 80) + "'");
            }
        } else if (!authenticated(ex.getRequestHeaders())) {
            throw new HttpError(401, "this viewer needs its token: open the link with ?token=... that bench serve printed");
        }
    }

    /** Refuses a state-changing request without the token header or from another origin. */
    void checkWrite(HttpExchange ex) {
        checkRead(ex);
        Headers h = ex.getRequestHeaders();
        String sent = h.getFirst(TOKEN_HEADER);
        if (sent == null || !same(sent, token)) {
            throw HttpError.forbidden("a change needs the " + TOKEN_HEADER + " header with the viewer's token");
        }
        String origin = h.getFirst("Origin");
        String host = h.getFirst("Host");
        if (origin != null && !origin.equalsIgnoreCase("http://" + host)) {
            throw HttpError.forbidden("cross-origin change refused: Origin " + RunIndex.cut(origin, 80)
                    + " is not this viewer's");
        }
        String site = h.getFirst("Sec-Fetch-Site");
        if (site != null && !site.equals("same-origin") && !site.equals("none")) {
            throw HttpError.forbidden("cross-site change refused (Sec-Fetch-Site: " + RunIndex.cut(site, 40) + ")");
        }
        String type = Optional.ofNullable(h.getFirst("Content-Type")).orElse("");
        if (!type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            throw new HttpError(415, "a change must be sent as application/json");
        }
    }

    /**
     * Refuses an API request a page of another site made (an image or script tag pointing here can
     * still send one): {@code Sec-Fetch-Site: cross-site} or {@code same-site}. Browsers that send no
     * such header, and tools such as curl, are let through.
     */
    void checkSameSite(HttpExchange ex) {
        String site = ex.getRequestHeaders().getFirst("Sec-Fetch-Site");
        if (site != null && !site.equals("same-origin") && !site.equals("none")) {
            throw HttpError.forbidden("a request from another site is refused (Sec-Fetch-Site: " + RunIndex.cut(site, 40) + ")");
        }
    }

    /** Whether a GET carries the right token as a {@code token} parameter (a link bench serve printed). */
    boolean isTokenLink(String sentToken) {
        return sentToken != null && same(sentToken, token);
    }

    private boolean authenticated(Headers h) {
        String auth = h.getFirst("Authorization");
        if (auth != null && auth.startsWith("Bearer ") && same(auth.substring(7).trim(), token)) {
            return true;
        }
        for (String cookies : Optional.ofNullable(h.get("Cookie")).orElse(List.of())) {
            for (String c : cookies.split(";")) {
                String kv = c.trim();
                if (kv.startsWith(COOKIE + "=") && same(kv.substring(COOKIE.length() + 1), token)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean same(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    /** The headers every response carries. */
    static void headers(Headers h) {
        h.set("Content-Security-Policy", CSP);
        h.set("X-Content-Type-Options", "nosniff");
        h.set("Referrer-Policy", "no-referrer");
        h.set("X-Frame-Options", "DENY");
        h.set("Cross-Origin-Opener-Policy", "same-origin");
        h.set("Cross-Origin-Resource-Policy", "same-origin");
    }
}
