package dev.bench4j.providers.internal.http;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpConnection;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.ProtocolVersion;
import org.apache.hc.core5.http.impl.Http1StreamListener;
import org.apache.hc.core5.http2.frame.RawFrame;
import org.apache.hc.core5.http2.impl.nio.H2StreamListener;
import org.apache.hc.core5.reactor.IOSession;
import org.apache.hc.core5.reactor.IOSessionListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP debug log of {@link HttpTransport}, in place of HttpClient's own header and wire logs
 * (which print the {@code Authorization}, {@code x-api-key} and {@code x-goog-api-key} headers, key and
 * all, and which bench4j therefore never uses): at DEBUG, logger {@value #HEADERS_NAME} prints each
 * request line and response status line with their headers, the value of every secret header
 * replaced by {@code ***} (an authentication scheme word, such as {@code Bearer}, kept); logger {@value #CONNECTIONS_NAME}
 * prints connections opened, closed, timed out and failed. Bodies are never logged.
 *
 * <p>A header is secret when Apache marks it sensitive, when its name is one of
 * {@link #SECRET_NAMES}, or when its lower-case name ends in {@code key}, {@code token} or
 * {@code secret} or contains {@code api-key} or {@code apikey}. The loggers are looked at once,
 * when a transport is made: with DEBUG off no listener is installed and the hot path pays nothing.
 */
final class HttpLog {
    static final String HEADERS_NAME = "dev.bench4j.providers.http.headers";
    static final String CONNECTIONS_NAME = "dev.bench4j.providers.http.connections";

    private static final Logger HEADERS = LoggerFactory.getLogger(HEADERS_NAME);
    private static final Logger CONNECTIONS = LoggerFactory.getLogger(CONNECTIONS_NAME);

    /** Header names (lower case) whose values are never logged. */
    static final Set<String> SECRET_NAMES = Set.of("authorization", "proxy-authorization", "cookie", "set-cookie",
            "x-api-key", "x-goog-api-key", "api-key", "x-auth-token");

    private HttpLog() {
    }

    /** Whether the header log is on, so the transport installs {@link #http1()} and {@link #h2()}. */
    static boolean headersOn() {
        return HEADERS.isDebugEnabled();
    }

    /** Whether the connection log is on, so the transport installs {@link #connections()}. */
    static boolean connectionsOn() {
        return CONNECTIONS.isDebugEnabled();
    }

    /**
     * Whether a header's value must not be logged.
     *
     * @param header the header
     * @return whether it is secret
     */
    static boolean secret(Header header) {
        if (header.isSensitive()) {
            return true;
        }
        String name = header.getName().toLowerCase(Locale.ROOT);
        return SECRET_NAMES.contains(name) || name.endsWith("key") || name.endsWith("token") || name.endsWith("secret")
                || name.contains("api-key") || name.contains("apikey");
    }

    /**
     * Formats a header for the log, its value redacted when it is {@link #secret}.
     *
     * @param header the header
     * @return {@code Name: value}, or {@code Name: Scheme ***} / {@code Name: ***} for a secret one
     */
    static String format(Header header) {
        String value = header.getValue() == null ? "" : header.getValue();
        if (!secret(header)) {
            return header.getName() + ": " + value;
        }
        int space = value.indexOf(' ');
        return header.getName() + ": " + (space > 0 && scheme(value, space) ? value.substring(0, space) + " ***" : "***");
    }

    /** Whether a value's first word is an authentication scheme such as {@code Bearer}: letters only, at most 16. */
    private static boolean scheme(String value, int end) {
        if (end > 16) {
            return false;
        }
        for (int i = 0; i < end; i++) {
            if (!Character.isLetter(value.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static String id(HttpConnection connection) {
        return id(connection.getLocalAddress(), connection.getRemoteAddress());
    }

    private static String id(SocketAddress local, SocketAddress remote) {
        String l = local instanceof InetSocketAddress ? String.valueOf(((InetSocketAddress) local).getPort()) : String.valueOf(local);
        return "c" + l + "->" + remote;
    }

    private static void headers(String prefix, Iterable<? extends Header> headers) {
        for (Header h : headers) {
            HEADERS.debug("{} {}", prefix, format(h));
        }
    }

    private static String version(ProtocolVersion version) {
        return version == null ? "HTTP/1.1" : version.toString();
    }

    /** Logs HTTP/1.1 request and response heads. */
    static Http1StreamListener http1() {
        return new Http1StreamListener() {
            @Override
            public void onRequestHead(HttpConnection connection, HttpRequest request) {
                String prefix = id(connection) + " >>";
                HEADERS.debug("{} {} {} {}", prefix, request.getMethod(), request.getPath(), version(request.getVersion()));
                headers(prefix, List.of(request.getHeaders()));
            }

            @Override
            public void onResponseHead(HttpConnection connection, HttpResponse response) {
                String prefix = id(connection) + " <<";
                HEADERS.debug("{} {} {} {}", prefix, version(response.getVersion()), response.getCode(),
                        response.getReasonPhrase() == null ? "" : response.getReasonPhrase());
                headers(prefix, List.of(response.getHeaders()));
            }

            @Override
            public void onExchangeComplete(HttpConnection connection, boolean keepAlive) {
                HEADERS.debug("{} exchange complete ({})", id(connection), keepAlive ? "kept alive" : "closing");
            }
        };
    }

    /** Logs HTTP/2 header frames (pseudo-headers such as {@code :method} and {@code :status} included). */
    static H2StreamListener h2() {
        return new H2StreamListener() {
            @Override
            public void onHeaderInput(HttpConnection connection, int streamId, List<? extends Header> headers) {
                headers(id(connection) + " stream " + streamId + " <<", headers);
            }

            @Override
            public void onHeaderOutput(HttpConnection connection, int streamId, List<? extends Header> headers) {
                headers(id(connection) + " stream " + streamId + " >>", headers);
            }

            @Override
            public void onFrameInput(HttpConnection connection, int streamId, RawFrame frame) {
                // frames carry HPACK-encoded headers and bodies: never logged
            }

            @Override
            public void onFrameOutput(HttpConnection connection, int streamId, RawFrame frame) {
                // see onFrameInput
            }

            @Override
            public void onInputFlowControl(HttpConnection connection, int streamId, int delta, int actualSize) {
                // not worth a line
            }

            @Override
            public void onOutputFlowControl(HttpConnection connection, int streamId, int delta, int actualSize) {
                // not worth a line
            }
        };
    }

    /** Logs connections opened, upgraded to TLS, timed out, failed and closed. */
    static IOSessionListener connections() {
        return new IOSessionListener() {
            private String id(IOSession session) {
                return HttpLog.id(session.getLocalAddress(), session.getRemoteAddress());
            }

            @Override
            public void connected(IOSession session) {
                CONNECTIONS.debug("{} connected", id(session));
            }

            @Override
            public void startTls(IOSession session) {
                CONNECTIONS.debug("{} TLS started", id(session));
            }

            @Override
            public void inputReady(IOSession session) {
                // every read: too many lines
            }

            @Override
            public void outputReady(IOSession session) {
                // every write: too many lines
            }

            @Override
            public void timeout(IOSession session) {
                CONNECTIONS.debug("{} timed out", id(session));
            }

            @Override
            public void exception(IOSession session, Exception e) {
                CONNECTIONS.debug("{} failed: {}", id(session), e.toString());
            }

            @Override
            public void disconnected(IOSession session) {
                CONNECTIONS.debug("{} closed", id(session));
            }
        };
    }
}
