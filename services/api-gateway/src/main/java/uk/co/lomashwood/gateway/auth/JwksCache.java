package uk.co.lomashwood.gateway.auth;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;

import uk.co.lomashwood.platform.web.request.RequestIds;

/**
 * auth-service's public keys (spec 00 §2.3): fetched from {@code /internal/jwks.json}, cached for 10 min and re-fetched
 * once when a token names an unknown {@code kid} (at most once per cooldown, so forged kids cannot hammer auth). One
 * fetch runs at a time; concurrent callers wait for it and reuse its result. A failed refresh keeps the old keys.
 */
@Component
public class JwksCache {

    private static final Logger log = LoggerFactory.getLogger(JwksCache.class);

    private record Snapshot(JWKSet keys, Instant fetchedAt, Instant attemptedAt) {
    }

    private final HttpClient http;
    private final AuthProperties properties;
    private final String internalToken;
    private final Clock clock;
    private final ReentrantLock lock = new ReentrantLock();
    private volatile Snapshot snapshot = new Snapshot(null, Instant.EPOCH, Instant.EPOCH);
    private boolean lastFetchFailed;

    public JwksCache(HttpClient gatewayHttpClient, AuthProperties properties,
            @Value("${lomash.security.internal-token}") String internalToken, Clock gatewayClock) {
        this.http = gatewayHttpClient;
        this.properties = properties;
        this.internalToken = internalToken;
        this.clock = gatewayClock;
    }

    /** The RSA signing key with this kid, re-fetching the set once if it is unknown or the cache is stale. */
    public Optional<RSAKey> key(String kid) throws KeysUnavailableException {
        Snapshot current = snapshot;
        if (current.keys == null || isStale(current)) {
            current = refresh(current, false);
        }
        Optional<RSAKey> key = find(current, kid);
        if (key.isEmpty() && current.keys != null) {
            current = refresh(current, true);
            key = find(current, kid);
        }
        if (current.keys == null) {
            throw new KeysUnavailableException("No JWKS loaded from " + properties.jwksUrl());
        }
        return key;
    }

    public boolean loaded() {
        return snapshot.keys != null;
    }

    /** Scheduled: load at start-up and keep the set fresh, so readiness reflects it (spec 10 §1.3). */
    public void refreshIfStale() {
        Snapshot current = snapshot;
        if (current.keys == null || isStale(current)) {
            refresh(current, false);
        }
    }

    private boolean isStale(Snapshot s) {
        return s.fetchedAt.plus(properties.jwksTtl()).isBefore(clock.instant());
    }

    private Snapshot refresh(Snapshot observed, boolean unknownKid) {
        lock.lock();
        try {
            Snapshot current = snapshot;
            if (current != observed) {
                return current; // another caller refreshed while we waited
            }
            Instant now = clock.instant();
            if (unknownKid && current.attemptedAt.plus(properties.jwksRefetchCooldown()).isAfter(now)) {
                return current;
            }
            try {
                JWKSet keys = fetch();
                snapshot = new Snapshot(keys, now, now);
                lastFetchFailed = false;
            } catch (IOException | ParseException | RuntimeException e) {
                if (!lastFetchFailed) {
                    log.warn("JWKS fetch from {} failed (retrying quietly): {}", properties.jwksUrl(), e.toString());
                }
                lastFetchFailed = true;
                snapshot = new Snapshot(current.keys, current.fetchedAt, now);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return snapshot;
        } finally {
            lock.unlock();
        }
    }

    private JWKSet fetch() throws IOException, InterruptedException, ParseException {
        String requestId = RequestIds.current();
        HttpRequest request = HttpRequest.newBuilder(URI.create(properties.jwksUrl().toString()))
                .timeout(properties.jwksTimeout())
                .header("Accept", "application/json")
                .header("X-Internal-Token", internalToken)
                .header("X-Service-Name", "api-gateway")
                .header(RequestIds.HEADER, requestId)
                .GET().build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("JWKS answered " + response.statusCode());
        }
        JWKSet set = JWKSet.parse(response.body());
        log.info("Loaded {} signing key(s) from the auth-service JWKS", set.getKeys().size());
        return set;
    }

    private static Optional<RSAKey> find(Snapshot s, String kid) {
        if (s.keys == null || kid == null) {
            return Optional.empty();
        }
        JWK jwk = s.keys.getKeyByKeyId(kid);
        if (!(jwk instanceof RSAKey rsa)) {
            return Optional.empty();
        }
        if (rsa.getKeyUse() != null && rsa.getKeyUse() != KeyUse.SIGNATURE) {
            return Optional.empty();
        }
        if (rsa.getAlgorithm() != null && !JWSAlgorithm.RS256.equals(rsa.getAlgorithm())) {
            return Optional.empty();
        }
        return Optional.of(rsa);
    }
}
