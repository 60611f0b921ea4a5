package dev.bench4j.providers.internal.http;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.bench4j.core.ErrorKind;
import dev.bench4j.core.spi.CallException;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** HttpTransport's TLS: set up only for the first https connection, and then Apache's default (certificates checked). */
class HttpTransportTlsTest {

    /** Plain http and https with WireMock's self-signed certificate, which the default trust store rejects. */
    @RegisterExtension
    static WireMockExtension api = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().dynamicHttpsPort()).build();

    private static CallException failureOf(CompletableFuture<?> f) throws Exception {
        try {
            Object value = f.get(10, TimeUnit.SECONDS);
            throw new AssertionError("expected a failure but got " + value);
        } catch (ExecutionException e) {
            assertThat(e.getCause()).isInstanceOf(CallException.class);
            return (CallException) e.getCause();
        }
    }

    @Test
    void plainHttpCallsNeverSetUpTls() throws Exception {
        api.stubFor(get("/v1/models").willReturn(okJson("{\"data\":[]}")));

        try (HttpTransport transport = HttpTransport.create(2)) {
            assertThat(transport.tlsStarted()).as("creating the transport").isFalse();

            HttpReply reply = transport.send(HttpCall.get(URI.create(api.getRuntimeInfo().getHttpBaseUrl() + "/v1/models"), List.of()))
                    .get(10, TimeUnit.SECONDS);

            assertThat(reply.status()).isEqualTo(200);
            assertThat(transport.tlsStarted()).as("after an http call").isFalse();
        }
    }

    @Test
    void theFirstHttpsConnectionSetsUpTheDefaultTlsWhichChecksTheCertificate() throws Exception {
        api.stubFor(get("/v1/models").willReturn(okJson("{\"data\":[]}")));
        int port = api.getRuntimeInfo().getHttpsPort();
        HttpCall call = HttpCall.get(URI.create("https://localhost:" + port + "/v1/models"), List.of());

        try (HttpTransport transport = HttpTransport.create(2)) {
            CallException e = failureOf(transport.send(call));

            assertThat(transport.tlsStarted()).isTrue();
            assertThat(e.kind()).isEqualTo(ErrorKind.NETWORK);
            assertThat(e.getMessage()).startsWith("TLS failure with https://localhost:" + port);
            assertThat(api.getAllServeEvents()).as("nothing reached the server over an untrusted connection").isEmpty();

            CallException again = failureOf(transport.send(call));
            assertThat(again.getMessage()).as("the second connection uses the same strategy")
                    .startsWith("TLS failure with https://localhost:" + port);
        }
    }
}
