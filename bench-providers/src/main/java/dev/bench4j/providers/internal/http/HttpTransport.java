package dev.bench4j.providers.internal.http;

import dev.bench4j.core.ErrorKind;
import dev.bench4j.core.spi.CallException;
import dev.bench4j.core.spi.ModelResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketAddress;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import javax.net.ssl.SSLException;
import org.apache.hc.client5.http.async.methods.AbstractBinResponseConsumer;
import org.apache.hc.client5.http.async.methods.SimpleHttpRequest;
import org.apache.hc.client5.http.async.methods.SimpleRequestProducer;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.config.Http1Config;
import org.apache.hc.core5.http.impl.bootstrap.HttpAsyncRequester;
import org.apache.hc.core5.http.message.BasicHeader;
import org.apache.hc.core5.http.protocol.DefaultHttpProcessor;
import org.apache.hc.core5.http.protocol.HttpProcessor;
import org.apache.hc.core5.http.protocol.RequestUserAgent;
import org.apache.hc.core5.http.nio.AsyncClientEndpoint;
import org.apache.hc.core5.http.nio.AsyncResponseConsumer;
import org.apache.hc.core5.http.nio.ssl.TlsStrategy;
import org.apache.hc.core5.http2.HttpVersionPolicy;
import org.apache.hc.core5.http2.config.H2Config;
import org.apache.hc.core5.http2.impl.nio.bootstrap.H2RequesterBootstrap;
import org.apache.hc.core5.http2.protocol.H2RequestConnControl;
import org.apache.hc.core5.http2.protocol.H2RequestContent;
import org.apache.hc.core5.http2.protocol.H2RequestTargetHost;
import org.apache.hc.core5.net.NamedEndpoint;
import org.apache.hc.core5.pool.PoolConcurrencyPolicy;
import org.apache.hc.core5.reactor.IOReactorConfig;
import org.apache.hc.core5.reactor.ssl.TransportSecurityLayer;
import org.apache.hc.core5.util.Timeout;
import org.apache.hc.core5.util.VersionInfo;

/**
 * The HTTP client of one provider for one run, shared by all its calls: Apache HttpCore 5's async
 * requester (HTTP/1.1, and HTTP/2 when TLS negotiates it) with a keep-alive pool sized to the run's
 * concurrency. It sends {@link HttpCall}s, buffers or streams the answer, records when the first
 * streamed token arrived, and turns transport failures into {@link CallException}s (network,
 * timeout). Cancelling a returned future aborts the exchange.
 *
 * <p>It is built on HttpCore rather than HttpClient's async client because HttpClient's header and
 * wire logs, on at DEBUG, print the key header of every request; HttpCore logs nothing, and
 * {@link HttpLog} logs the request and response heads with secret headers redacted.
 */
public final class HttpTransport implements AutoCloseable {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** A safety net well above the pipeline's attempt timeout (5 min by default): a silent socket fails after this long. */
    private static final Duration SOCKET_TIMEOUT = Duration.ofMinutes(30);
    private static final int ERROR_BODY_LIMIT = 64 * 1024;

    /** The most hosts {@link #host} remembers; a transport talks to one or two. */
    private static final int MAX_HOSTS = 64;

    /**
     * The request interceptors of HttpClient's minimal async client (Host, Content-Length or chunked,
     * Connection, User-Agent), without HttpCore's default {@code Expect: 100-continue}, which would
     * cost every POST a round trip.
     */
    private static final HttpProcessor PROCESSOR = new DefaultHttpProcessor(new H2RequestTargetHost(),
            new H2RequestContent(), new H2RequestConnControl(),
            new RequestUserAgent(VersionInfo.getSoftwareInfo("Apache-HttpAsyncClient", "org.apache.hc.client5", HttpTransport.class)));

    private final HttpAsyncRequester client;
    private final LazyTls tls;
    private final ConcurrentHashMap<URI, HttpHost> hosts = new ConcurrentHashMap<>();

    private HttpTransport(HttpAsyncRequester client, LazyTls tls) {
        this.client = client;
        this.tls = tls;
    }

    /**
     * Starts a client with a pool of at most {@code maxConnections} connections (per host too).
     * TLS is HttpClient's default strategy (certificates and host names checked, ALPN offering h2 and
     * http/1.1), set up on the first https connection: a run against http:// endpoints, or served
     * from a cache, never loads the trust store. The redacting debug log is installed only if its
     * loggers are at DEBUG now.
     *
     * @param maxConnections the run's concurrency
     * @return the started transport
     */
    public static HttpTransport create(int maxConnections) {
        LazyTls tls = new LazyTls();
        IOReactorConfig reactor = IOReactorConfig.custom().setSoTimeout(Timeout.of(SOCKET_TIMEOUT))
                .setIoThreadCount(Math.max(1, Math.min(maxConnections, Runtime.getRuntime().availableProcessors())))
                .build();
        H2RequesterBootstrap bootstrap = H2RequesterBootstrap.bootstrap()
                .setIOReactorConfig(reactor)
                .setHttpProcessor(PROCESSOR)
                .setVersionPolicy(HttpVersionPolicy.NEGOTIATE)
                .setH2Config(H2Config.DEFAULT)
                .setHttp1Config(Http1Config.DEFAULT)
                .setPoolConcurrencyPolicy(PoolConcurrencyPolicy.STRICT)
                .setMaxTotal(maxConnections)
                .setDefaultMaxPerRoute(maxConnections)
                .setTlsStrategy(tls)
                .setHandshakeTimeout(Timeout.of(CONNECT_TIMEOUT));
        if (HttpLog.headersOn()) {
            bootstrap.setStreamListener(HttpLog.http1()).setStreamListener(HttpLog.h2());
        }
        if (HttpLog.connectionsOn()) {
            bootstrap.setIOSessionListener(HttpLog.connections());
        }
        HttpAsyncRequester client = bootstrap.create();
        client.start();
        return new HttpTransport(client, tls);
    }

    /** Whether TLS has been set up, i.e. an https connection was opened; for tests. */
    boolean tlsStarted() {
        return tls.started();
    }

    /**
     * Sends a call and buffers the whole answer, whatever its status.
     *
     * @param call the request
     * @return the reply, or a future failed with a network or timeout {@link CallException}
     */
    public CompletableFuture<HttpReply> send(HttpCall call) {
        return exchange(call, new BufferingConsumer(), Function.identity());
    }

    /**
     * Sends a call and streams a 2xx answer line by line into {@code handler}; any other status is
     * buffered and turned into an exception by {@code onError}. The response carries the time from
     * sending to the first token.
     *
     * @param call the request
     * @param handler assembles the answer
     * @param onError maps a non-2xx reply to the exception to fail with
     * @return the assembled response
     */
    public CompletableFuture<ModelResponse> stream(HttpCall call, StreamHandler handler,
            Function<HttpReply, CallException> onError) {
        return exchange(call, new StreamConsumer(handler, System.nanoTime()), outcome -> {
            if (outcome instanceof HttpReply) {
                throw onError.apply((HttpReply) outcome);
            }
            if (outcome instanceof CallException) {
                throw (CallException) outcome;
            }
            return (ModelResponse) outcome;
        });
    }

    /**
     * Leases a connection for the call's host, runs the exchange on it and releases it. Cancelling
     * the returned future closes the connection of an exchange in flight (the server's answer is
     * abandoned and the pool opens a fresh connection), or returns a connection still being leased
     * unused as soon as it arrives (cancelling Apache's lease while it connects would leak the
     * connection), so a timed-out attempt never holds or loses one.
     */
    private <T, R> CompletableFuture<R> exchange(HttpCall call, AsyncResponseConsumer<T> consumer, Function<T, R> map) {
        CompletableFuture<R> result = new CompletableFuture<>();
        Exchange<T, R> exchange = new Exchange<>(result, call, consumer, map);
        client.connect(host(call.uri()), Timeout.of(CONNECT_TIMEOUT), null, exchange);
        result.whenComplete((r, e) -> {
            if (result.isCancelled()) {
                exchange.abort();
            }
        });
        return result;
    }

    /** The route's host for a URI, made once per URI (a provider sends every call of a model to the same one). */
    private HttpHost host(URI uri) {
        HttpHost host = hosts.get(uri);
        if (host == null) {
            host = HttpHost.create(uri);
            if (hosts.size() < MAX_HOSTS) {
                hosts.putIfAbsent(uri, host);
            }
        }
        return host;
    }

    private static SimpleHttpRequest toRequest(HttpCall call) {
        SimpleHttpRequest request = SimpleHttpRequest.create(call.method(), call.uri());
        for (HttpCall.Header h : call.headers()) {
            request.addHeader(h.name(), h.value());
        }
        if (call.keyHeader().isPresent() && call.key().isPresent()) {
            request.addHeader(new BasicHeader(call.keyHeader().get().name(),
                    call.keyHeader().get().prefix() + call.key().get().reveal(), true));
        }
        if (call.body().length > 0) {
            request.setBody(call.body(), ContentType.APPLICATION_JSON);
        }
        return request;
    }

    /**
     * Starts a graceful shutdown of the pool and returns at once (its I/O threads finish in the
     * background); by then the run has no call in flight.
     */
    @Override
    public void close() {
        client.initiateShutdown();
    }

    static CallException transportFailure(Exception e, HttpCall call) {
        if (e instanceof CallException) {
            return (CallException) e;
        }
        if (e instanceof StreamAbort) {
            return ((StreamAbort) e).failure;
        }
        String where = call.uri().getScheme() + "://" + call.uri().getAuthority();
        ErrorKind kind = ErrorKind.NETWORK;
        String what;
        if (e instanceof SocketTimeoutException || e instanceof InterruptedIOException
                || e.getClass().getSimpleName().contains("Timeout")) {
            kind = ErrorKind.TIMEOUT;
            what = "timed out talking to " + where;
        } else if (e instanceof ConnectException || e instanceof NoRouteToHostException) {
            what = "could not connect to " + where;
        } else if (e instanceof UnknownHostException) {
            what = "unknown host " + call.uri().getHost();
        } else if (e instanceof SSLException) {
            what = "TLS failure with " + where;
        } else {
            what = "connection to " + where + " failed";
        }
        String detail = e.getMessage() == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": " + e.getMessage();
        return new CallException(kind, what + " (" + detail + ")", OptionalInt.empty(), Optional.empty(), e);
    }

    /** One call: the lease, then the exchange on the leased connection, then its release. */
    private static final class Exchange<T, R> implements FutureCallback<AsyncClientEndpoint> {
        private static final Object ABORTED = new Object();

        private final CompletableFuture<R> result;
        private final HttpCall call;
        private final AsyncResponseConsumer<T> consumer;
        private final Function<T, R> map;
        private final AtomicReference<Object> endpoint = new AtomicReference<>();

        Exchange(CompletableFuture<R> result, HttpCall call, AsyncResponseConsumer<T> consumer, Function<T, R> map) {
            this.result = result;
            this.call = call;
            this.consumer = consumer;
            this.map = map;
        }

        @Override
        public void completed(AsyncClientEndpoint leased) {
            if (!endpoint.compareAndSet(null, leased)) {
                leased.releaseAndReuse();
                return;
            }
            leased.execute(SimpleRequestProducer.create(toRequest(call)), consumer, null, new FutureCallback<T>() {
                @Override
                public void completed(T value) {
                    if (leased.isConnected()) {
                        leased.releaseAndReuse();
                    } else {
                        leased.releaseAndDiscard();
                    }
                    try {
                        result.complete(map.apply(value));
                    } catch (RuntimeException e) {
                        result.completeExceptionally(e);
                    }
                }

                @Override
                public void failed(Exception e) {
                    leased.releaseAndDiscard();
                    result.completeExceptionally(transportFailure(e, call));
                }

                @Override
                public void cancelled() {
                    leased.releaseAndDiscard();
                    result.cancel(false);
                }
            });
        }

        @Override
        public void failed(Exception e) {
            result.completeExceptionally(transportFailure(e, call));
        }

        @Override
        public void cancelled() {
            result.cancel(false);
        }

        /** Closes the connection of an exchange in flight; a lease that completes later is returned unused. */
        void abort() {
            Object previous = endpoint.getAndSet(ABORTED);
            if (previous instanceof AsyncClientEndpoint) {
                ((AsyncClientEndpoint) previous).releaseAndDiscard();
            }
        }
    }

    /**
     * The TLS strategy the pool builder would pick by default ({@link DefaultClientTlsStrategy#createDefault()}),
     * created when the first https connection is upgraded instead of when the pool is built:
     * creating it initializes the JDK's SSL context (trust store, cipher suites), which takes
     * hundreds of milliseconds of a cold start.
     */
    private static final class LazyTls implements TlsStrategy {
        private volatile TlsStrategy delegate;

        private TlsStrategy delegate() {
            TlsStrategy d = delegate;
            if (d == null) {
                synchronized (this) {
                    d = delegate;
                    if (d == null) {
                        d = DefaultClientTlsStrategy.createDefault();
                        delegate = d;
                    }
                }
            }
            return d;
        }

        boolean started() {
            return delegate != null;
        }

        @Override
        public void upgrade(TransportSecurityLayer sessionLayer, NamedEndpoint endpoint, Object attachment,
                Timeout handshakeTimeout, FutureCallback<TransportSecurityLayer> callback) {
            delegate().upgrade(sessionLayer, endpoint, attachment, handshakeTimeout, callback);
        }

        @Deprecated
        @Override
        public boolean upgrade(TransportSecurityLayer sessionLayer, HttpHost host, SocketAddress localAddress,
                SocketAddress remoteAddress, Object attachment, Timeout handshakeTimeout) {
            return delegate().upgrade(sessionLayer, host, localAddress, remoteAddress, attachment, handshakeTimeout);
        }
    }

    /** Carries a handler's CallException through Apache's IOException-only data callback. */
    private static final class StreamAbort extends IOException {
        private static final long serialVersionUID = 1L;
        private final transient CallException failure;

        StreamAbort(CallException failure) {
            super(failure.getMessage(), null);
            this.failure = failure;
        }
    }

    /**
     * Buffers a whole answer of any status into one array, sized up front from the
     * {@code Content-Length} the server declared, and keeps the response's headers as they came.
     */
    private static final class BufferingConsumer extends AbstractBinResponseConsumer<HttpReply> {
        private static final byte[] EMPTY = new byte[0];
        /** The largest declared length the buffer is sized to before the body arrives; a bigger body grows it. */
        private static final int PRESIZE_LIMIT = 4 * 1024 * 1024;

        private int status;
        private Header[] headers;
        private byte[] buffer = EMPTY;
        private int length;

        @Override
        protected void start(HttpResponse response, ContentType contentType) {
            status = response.getCode();
            headers = response.getHeaders();
            long declared = contentLength(response.getFirstHeader(HttpHeaders.CONTENT_LENGTH));
            if (declared > 0) {
                buffer = new byte[(int) Math.min(declared, PRESIZE_LIMIT)];
            }
        }

        /** The declared length, or -1 when there is none or it is not a plain number. */
        private static long contentLength(Header header) {
            String v = header == null ? null : header.getValue();
            if (v == null || v.isEmpty() || v.length() > 18) {
                return -1;
            }
            long n = 0;
            for (int i = 0; i < v.length(); i++) {
                char c = v.charAt(i);
                if (c < '0' || c > '9') {
                    return -1;
                }
                n = n * 10 + (c - '0');
            }
            return n;
        }

        /** Like Apache's own buffering consumer: no flow-control limit, the whole body is wanted. */
        @Override
        protected int capacityIncrement() {
            return Integer.MAX_VALUE;
        }

        @Override
        protected void data(ByteBuffer src, boolean endOfStream) {
            int n = src.remaining();
            if (n > buffer.length - length) {
                int grown = (int) Math.min(Integer.MAX_VALUE - 8, Math.max(4096L, buffer.length * 2L));
                buffer = Arrays.copyOf(buffer, Math.max(length + n, grown));
            }
            src.get(buffer, length, n);
            length += n;
        }

        @Override
        protected HttpReply buildResult() {
            return HttpReply.of(status, headers, length == buffer.length ? buffer : Arrays.copyOf(buffer, length));
        }

        @Override
        public void releaseResources() {
            buffer = EMPTY;
        }
    }

    /** Feeds a 2xx body to the handler line by line; buffers any other body for the error mapper. */
    private static final class StreamConsumer extends AbstractBinResponseConsumer<Object> {
        private final StreamHandler handler;
        private final long sentAt;
        private final LineSplitter lines = new LineSplitter();
        private long firstTokenAt = -1;
        private int status;
        private Header[] headers;
        private ByteArrayOutputStream errorBody;

        StreamConsumer(StreamHandler handler, long sentAt) {
            this.handler = handler;
            this.sentAt = sentAt;
        }

        @Override
        protected void start(HttpResponse response, ContentType contentType) {
            status = response.getCode();
            if (status < 200 || status >= 300) {
                headers = response.getHeaders();
                errorBody = new ByteArrayOutputStream();
            }
        }

        @Override
        protected int capacityIncrement() {
            return 16 * 1024;
        }

        @Override
        protected void data(ByteBuffer src, boolean endOfStream) throws IOException {
            if (errorBody != null) {
                while (src.hasRemaining() && errorBody.size() < ERROR_BODY_LIMIT) {
                    errorBody.write(src.get());
                }
                src.position(src.limit());
                return;
            }
            try {
                lines.feed(src, this::line);
                if (endOfStream) {
                    lines.finish(this::line);
                }
            } catch (CallException e) {
                throw new StreamAbort(e);
            }
        }

        private void line(String line) {
            handler.onLine(line);
            if (firstTokenAt < 0 && handler.receivedToken()) {
                firstTokenAt = System.nanoTime();
            }
        }

        @Override
        protected Object buildResult() {
            if (errorBody != null) {
                return HttpReply.of(status, headers, errorBody.toByteArray());
            }
            ModelResponse response;
            try {
                response = handler.complete();
            } catch (CallException e) {
                return e;
            }
            return firstTokenAt < 0 ? response : response.withTimeToFirstToken(Duration.ofNanos(firstTokenAt - sentAt));
        }

        @Override
        public void releaseResources() {
            errorBody = null;
        }
    }
}
