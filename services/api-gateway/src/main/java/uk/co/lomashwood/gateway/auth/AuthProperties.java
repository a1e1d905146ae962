package uk.co.lomashwood.gateway.auth;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Token verification settings (spec 10 §1.5, 00 §2.3). */
@ConfigurationProperties("lomash.gateway.auth")
public record AuthProperties(
        URI jwksUrl,
        URI sessionVerifyUrl,
        String issuer,
        String audience,
        Duration jwksTtl,
        Duration jwksRefetchCooldown,
        Duration jwksTimeout,
        Duration clockSkew,
        Duration verifyTimeout,
        List<String> strictPaths) {

    public AuthProperties {
        issuer = issuer == null ? "lomashwood-auth" : issuer;
        audience = audience == null ? "lomashwood-api" : audience;
        jwksTtl = jwksTtl == null ? Duration.ofMinutes(10) : jwksTtl;
        jwksRefetchCooldown = jwksRefetchCooldown == null ? Duration.ofSeconds(5) : jwksRefetchCooldown;
        jwksTimeout = jwksTimeout == null ? Duration.ofSeconds(5) : jwksTimeout;
        clockSkew = clockSkew == null ? Duration.ofSeconds(10) : clockSkew;
        verifyTimeout = verifyTimeout == null ? Duration.ofSeconds(2) : verifyTimeout;
        strictPaths = strictPaths == null ? List.of("/v1/admin/**", "/v1/payments/**") : strictPaths;
    }
}
