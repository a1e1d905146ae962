package uk.co.lomashwood.gateway.edge;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import com.github.tomakehurst.wiremock.client.WireMock;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import uk.co.lomashwood.gateway.support.GatewayTest;

/** HTTP/1.1 at the edge as raw bytes: pipelining, chunked bodies, Connection: close, oversized request lines. */
class EdgeProtocolTest extends GatewayTest {

    @Test
    void pipelinedRequestsAreAnsweredInOrderEvenWhenTheFirstIsSlower() throws IOException {
        upstream("product-service").stubFor(WireMock.get(urlPathEqualTo("/v1/products/slow")).willReturn(aResponse()
                .withFixedDelay(300).withHeader("Content-Type", "application/json").withBody("{\"n\":1}")));
        upstream("product-service").stubFor(WireMock.get(urlPathEqualTo("/v1/products/fast")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody("{\"n\":2}")));
        String answers = exchange("GET /v1/products/slow HTTP/1.1\r\nHost: x\r\n\r\n"
                + "GET /v1/products/fast HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        assertThat(answers.indexOf("{\"n\":1}")).isPositive().isLessThan(answers.indexOf("{\"n\":2}"));
        assertThat(answers.split("HTTP/1.1 200", -1)).hasSize(3);
    }

    @Test
    void manyPipelinedRequestsInOneSendAreAnsweredOnceEachInOrder() throws IOException {
        upstream("product-service").stubFor(WireMock.get(urlPathEqualTo("/v1/products/slow")).willReturn(aResponse()
                .withFixedDelay(50).withHeader("Content-Type", "application/json").withBody("{\"n\":\"slow\"}")));
        upstream("product-service").stubFor(WireMock.get(urlPathEqualTo("/v1/products/fast")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody("{\"n\":\"fast\"}")));
        StringBuilder requests = new StringBuilder();
        StringBuilder expected = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            // the gateway answers the unknown path itself, between two proxied answers
            String path = i % 3 == 0 ? "/v1/products/slow" : i % 3 == 1 ? "/nowhere" : "/v1/products/fast";
            requests.append("GET ").append(path).append(" HTTP/1.1\r\nHost: x\r\n")
                    .append(i == 11 ? "Connection: close\r\n" : "").append("\r\n");
            expected.append(i % 3 == 0 ? "slow," : i % 3 == 1 ? "404," : "fast,");
        }
        String answers = exchange(requests.toString());
        StringBuilder seen = new StringBuilder();
        for (String answer : answers.split("HTTP/1.1 ")) {
            if (!answer.isEmpty()) {
                seen.append(answer.startsWith("404") ? "404" : answer.contains("\"slow\"") ? "slow" : "fast")
                        .append(',');
            }
        }
        assertThat(seen).hasToString(expected.toString());
        // each proxied request reached the upstream once (the gateway's own health poll may be there too)
        assertThat(upstream("product-service").getAllServeEvents())
                .filteredOn(e -> e.getRequest().getUrl().startsWith("/v1/products/")).hasSize(8);
    }

    @Test
    void aChunkedBodyReachesTheUpstreamWithItsLength() throws IOException {
        String answer = exchange("POST /v1/contact HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
                + "7\r\n{\"a\":1,\r\n7\r\n\"b\":22}\r\n0\r\n\r\n");
        assertThat(answer).startsWith("HTTP/1.1 200");
        assertThat(upstream("content-service").getAllServeEvents()).singleElement().satisfies(e -> {
            assertThat(e.getRequest().getBodyAsString()).isEqualTo("{\"a\":1,\"b\":22}");
            assertThat(e.getRequest().getHeader("Content-Length")).isEqualTo("14");
        });
    }

    @Test
    void aChunkedBodyOverTheLimitIs413AndNeverForwarded() throws IOException {
        StringBuilder request = new StringBuilder("POST /v1/contact HTTP/1.1\r\nHost: x\r\n"
                + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n");
        String chunk = "x".repeat(64 * 1024);
        for (int i = 0; i < 17; i++) {
            request.append(Integer.toHexString(chunk.length())).append("\r\n").append(chunk).append("\r\n");
        }
        request.append("0\r\n\r\n");
        String answer = exchange(request.toString());
        assertThat(answer).startsWith("HTTP/1.1 413").contains("PAYLOAD_TOO_LARGE");
        assertThat(upstream("content-service").getAllServeEvents()).isEmpty();
    }

    @Test
    void anOverlongRequestLineIs400WithAProblemBody() throws IOException {
        String answer = exchange("GET /v1/products?q=" + "a".repeat(10_000) + " HTTP/1.1\r\nHost: x\r\n\r\n");
        assertThat(answer).startsWith("HTTP/1.1 400").contains("application/problem+json")
                .contains("VALIDATION_ERROR").contains("X-Frame-Options: DENY");
        assertThat(upstream("product-service").getAllServeEvents()).isEmpty();
    }

    @Test
    void connectionCloseIsHonouredAndNoServerBannerIsSent() throws IOException {
        String answer = exchange("GET /v1/products HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        assertThat(answer).startsWith("HTTP/1.1 200");
        assertThat(answer.toLowerCase(Locale.ROOT)).contains("connection: close").doesNotContain("\r\nserver:")
                .doesNotContain("x-powered-by");
    }

    /** Writes the bytes, then reads until the gateway closes the connection. */
    private String exchange(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            in.transferTo(answer);
            return answer.toString(StandardCharsets.ISO_8859_1);
        }
    }
}
