package uk.co.lomashwood.auth.token;

import com.nimbusds.jwt.JWTClaimsSet;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Optional;
import java.util.UUID;

/**
 * The {@code mfaToken} of the login challenge (spec 10 §2.5.2 step 5): an RS256 JWT with
 * {@code type = mfa}, 5 minutes, audience {@code <issuer>-mfa}, so the gateway never accepts it as an
 * access token.
 */
@Component
public class MfaChallengeTokens {

    private final TokenSigner signer;
    private final JwtProperties properties;
    private final Clock clock;

    public MfaChallengeTokens(TokenSigner signer, JwtProperties properties, Clock clock) {
        this.signer = signer;
        this.properties = properties;
        this.clock = clock;
    }

    public String issue(UUID userId, MfaChallenge.Purpose purpose) {
        Instant issuedAt = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .subject(userId.toString())
                .jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(issuedAt))
                .expirationTime(Date.from(issuedAt.plusSeconds(MfaChallenge.LIFETIME_SECONDS)))
                .claim("type", "mfa")
                .claim("purpose", purpose.name())
                .issuer(properties.issuer())
                .audience(audience())
                .build();
        return signer.sign(claims);
    }

    /** The challenge when the token is ours, of type mfa and not expired. */
    public Optional<MfaChallenge> read(String token) {
        return signer.verifiedClaims(token).flatMap(this::toChallenge);
    }

    private Optional<MfaChallenge> toChallenge(JWTClaimsSet claims) {
        try {
            Date expiry = claims.getExpirationTime();
            if (!"mfa".equals(claims.getStringClaim("type")) || !properties.issuer().equals(claims.getIssuer())
                    || !claims.getAudience().contains(audience()) || expiry == null
                    || !expiry.toInstant().isAfter(clock.instant())) {
                return Optional.empty();
            }
            return Optional.of(new MfaChallenge(UUID.fromString(claims.getSubject()),
                    UUID.fromString(claims.getJWTID()),
                    MfaChallenge.Purpose.valueOf(claims.getStringClaim("purpose")), expiry.toInstant()));
        } catch (java.text.ParseException | IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
    }

    private String audience() {
        return properties.issuer() + "-mfa";
    }
}
