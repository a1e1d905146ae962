package uk.co.lomashwood.gateway.auth;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import uk.co.lomashwood.gateway.resilience.UpstreamBreakers;
import uk.co.lomashwood.platform.core.security.Role;

/**
 * The per-request session check (spec 00 §2.1 step 5): {@code GET /internal/sessions/{sessionId}/verify?jti=…&iat=…}
 * on auth-service ({@code iat} lets it compare a user-wide revocation with the token's issue time). Any failure to get a usable answer (refused, timeout, 5xx, breaker open) is UNAVAILABLE, which the
 * caller turns into the degradation rule; a breaker of its own keeps a dead auth-service from costing every request
 * a timeout.
 */
@Component
public class SessionVerifier {

    private static final Logger log = LoggerFactory.getLogger(SessionVerifier.class);
    static final String BREAKER = "auth-session-verify";

    private final HttpClient http;
    private final AuthProperties properties;
    private final String internalToken;
    private final ObjectMapper json;
    private final UpstreamBreakers breakers;

    public SessionVerifier(HttpClient gatewayHttpClient, AuthProperties properties,
            @Value("${lomash.security.internal-token}") String internalToken, ObjectMapper json,
            UpstreamBreakers breakers) {
        this.http = gatewayHttpClient;
        this.properties = properties;
        this.internalToken = internalToken;
        this.json = json;
        this.breakers = breakers;
    }

    public SessionCheck check(VerifiedToken token, String requestId) {
        CircuitBreaker breaker = breakers.breaker(BREAKER);
        if (!breaker.tryAcquirePermission()) {
            return SessionCheck.unavailable("breaker open");
        }
        long start = System.nanoTime();
        try {
            HttpResponse<String> response = http.send(request(token, requestId), HttpResponse.BodyHandlers.ofString());
            long elapsed = System.nanoTime() - start;
            if (response.statusCode() != 200) {
                breaker.onError(elapsed, TimeUnit.NANOSECONDS, new IOException("status " + response.statusCode()));
                log.warn("Session verify answered {}", response.statusCode());
                return SessionCheck.unavailable("status " + response.statusCode());
            }
            breaker.onSuccess(elapsed, TimeUnit.NANOSECONDS);
            return interpret(token, response.body());
        } catch (IOException | RuntimeException e) {
            breaker.onError(System.nanoTime() - start, TimeUnit.NANOSECONDS, e);
            log.warn("Session verify failed: {}", e.toString());
            return SessionCheck.unavailable(e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            breaker.releasePermission();
            Thread.currentThread().interrupt();
            return SessionCheck.unavailable("interrupted");
        }
    }

    private HttpRequest request(VerifiedToken token, String requestId) {
        String base = properties.sessionVerifyUrl().toString().replaceAll("/+$", "");
        URI uri = URI.create(base + "/internal/sessions/" + token.sessionId() + "/verify?jti="
                + URLEncoder.encode(token.jti(), StandardCharsets.UTF_8)
                + (token.issuedAt() == null ? "" : "&iat=" + token.issuedAt().getEpochSecond()));
        return HttpRequest.newBuilder(uri)
                .timeout(properties.verifyTimeout())
                .header("Accept", "application/json")
                .header("X-Internal-Token", internalToken)
                .header("X-Service-Name", "api-gateway")
                .header("X-Request-Id", requestId)
                .GET().build();
    }

    private SessionCheck interpret(VerifiedToken token, String body) {
        JsonNode root = json.readTree(body);
        JsonNode data = root.has("data") ? root.get("data") : root;
        if (!data.path("valid").asBoolean(false)) {
            String reason = text(data.path("reason"));
            reason = reason == null ? "REVOKED" : reason;
            return SessionCheck.rejected(reason);
        }
        String userId = text(data.path("userId"));
        if (userId != null && !userId.isBlank() && !UUID.fromString(userId).equals(token.userId())) {
            return SessionCheck.rejected("USER_MISMATCH");
        }
        Role role = Role.parse(text(data.path("role"))).orElse(token.role());
        return SessionCheck.valid(role);
    }

    private static String text(JsonNode node) {
        return node.isString() ? node.asString() : null;
    }
}
