package uk.co.lomashwood.auth.token;

import com.nimbusds.jwt.JWTClaimsSet;
import org.springframework.stereotype.Component;
import uk.co.lomashwood.platform.core.security.Role;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.UUID;

/**
 * Access tokens with exactly the claims of spec 00 §2.3: {@code sub, role, sessionId, jti, iat,
 * exp = iat + 900, type = access, iss, aud}; no personal data.
 */
@Component
public class AccessTokenIssuer {

    private final TokenSigner signer;
    private final JwtProperties properties;
    private final Clock clock;

    public AccessTokenIssuer(TokenSigner signer, JwtProperties properties, Clock clock) {
        this.signer = signer;
        this.properties = properties;
        this.clock = clock;
    }

    public AccessToken issue(UUID userId, Role role, UUID sessionId) {
        Instant issuedAt = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Instant expiresAt = issuedAt.plusSeconds(AccessToken.LIFETIME_SECONDS);
        UUID jti = UUID.randomUUID();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .subject(userId.toString())
                .claim("role", role.name())
                .claim("sessionId", sessionId.toString())
                .jwtID(jti.toString())
                .issueTime(Date.from(issuedAt))
                .expirationTime(Date.from(expiresAt))
                .claim("type", "access")
                .issuer(properties.issuer())
                .audience(properties.audience())
                .build();
        return new AccessToken(signer.sign(claims), jti, issuedAt, expiresAt);
    }
}
