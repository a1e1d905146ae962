package uk.co.lomashwood.gateway.health;

import org.springframework.stereotype.Component;

import uk.co.lomashwood.gateway.auth.JwksCache;
import uk.co.lomashwood.platform.web.health.HealthCheck;

/**
 * The gateway's own readiness needs a loaded JWKS besides Redis (spec 10 §1.3); platform-web's health endpoints run
 * this check next to its Redis check. Upstream health never affects readiness.
 */
@Component
public class JwksHealthCheck implements HealthCheck {

    private final JwksCache jwks;

    public JwksHealthCheck(JwksCache jwks) {
        this.jwks = jwks;
    }

    @Override
    public String name() {
        return "jwks";
    }

    @Override
    public void probe() {
        if (!jwks.loaded()) {
            throw new IllegalStateException("no signing keys loaded");
        }
    }
}
