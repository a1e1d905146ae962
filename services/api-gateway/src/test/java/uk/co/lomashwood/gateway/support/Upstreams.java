package uk.co.lomashwood.gateway.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.LinkedHashMap;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;

/**
 * WireMock servers standing in for the upstream services (one per service, JVM-wide for the test run), plus a port
 * where nothing listens for analytics-service ("not running").
 */
public final class Upstreams {

    public static final String[] RUNNING = {"auth-service", "product-service", "order-payment-service",
            "appointment-service", "content-service", "customer-service", "notification-service"};
    public static final String DOWN = "analytics-service";

    private static final Map<String, WireMockServer> SERVERS = new LinkedHashMap<>();
    private static int downPort;

    private Upstreams() {
    }

    public static synchronized Map<String, WireMockServer> servers() {
        if (SERVERS.isEmpty()) {
            for (String name : RUNNING) {
                WireMockServer server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1")
                        .jettyAcceptors(1).containerThreads(12));
                server.start();
                SERVERS.put(name, server);
                Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
            }
            downPort = freePort();
        }
        return SERVERS;
    }

    public static WireMockServer get(String name) {
        return servers().get(name);
    }

    public static String url(String name) {
        servers();
        return DOWN.equals(name) ? "http://127.0.0.1:" + downPort : "http://127.0.0.1:" + get(name).port();
    }

    /** Default stubs: every upstream answers 200 naming itself; auth also serves the JWKS. */
    public static void reset() {
        servers().forEach((name, server) -> {
            server.resetAll();
            server.stubFor(any(anyUrl()).atPriority(10).willReturn(aResponse().withStatus(200)
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"data\":{\"service\":\"" + name + "\"}}")));
            server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlEqualTo("/health")).atPriority(5).willReturn(aResponse().withStatus(200)
                    .withHeader("Content-Type", "application/json").withBody("{\"status\":\"healthy\"}")));
        });
        get("auth-service").stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlEqualTo("/internal/jwks.json")).atPriority(1).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody(TestTokens.jwks(TestTokens.KEY_1))));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
