package uk.co.lomashwood.gateway.auth;

import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Component;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import uk.co.lomashwood.platform.core.security.Role;

/**
 * Verifies an access token (spec 00 §2.1 step 4, 10 §1.5 step 2): algorithm exactly RS256 (so {@code none} and every
 * symmetric algorithm fail), signature against the JWKS key named by {@code kid}, then {@code iss}, {@code aud},
 * {@code type=access} and {@code exp} with the configured clock tolerance. The signature is checked before expiry, so
 * only a genuine token can be reported as expired.
 */
@Component
public class AccessTokenVerifier {

    private final JwksCache keys;
    private final AuthProperties properties;
    private final Clock clock;

    public AccessTokenVerifier(JwksCache keys, AuthProperties properties, Clock gatewayClock) {
        this.keys = keys;
        this.properties = properties;
        this.clock = gatewayClock;
    }

    public VerifiedToken verify(String token) throws TokenRejectedException, KeysUnavailableException {
        SignedJWT jwt;
        try {
            jwt = SignedJWT.parse(token);
        } catch (ParseException | RuntimeException e) {
            throw new TokenRejectedException("malformed token");
        }
        JWSHeader header = jwt.getHeader();
        if (!JWSAlgorithm.RS256.equals(header.getAlgorithm())) {
            throw new TokenRejectedException("algorithm not allowed");
        }
        RSAKey key = keys.key(header.getKeyID()).orElseThrow(() -> new TokenRejectedException("unknown key id"));
        try {
            if (!jwt.verify(new RSASSAVerifier(key.toRSAPublicKey()))) {
                throw new TokenRejectedException("bad signature");
            }
        } catch (JOSEException e) {
            throw new TokenRejectedException("bad signature");
        }
        try {
            return claims(jwt.getJWTClaimsSet());
        } catch (ParseException | IllegalArgumentException e) {
            throw new TokenRejectedException("malformed claims");
        }
    }

    private VerifiedToken claims(JWTClaimsSet claims) throws TokenRejectedException, ParseException {
        if (!properties.issuer().equals(claims.getIssuer())) {
            throw new TokenRejectedException("wrong issuer");
        }
        List<String> audience = claims.getAudience();
        if (audience == null || !audience.contains(properties.audience())) {
            throw new TokenRejectedException("wrong audience");
        }
        if (!"access".equals(claims.getStringClaim("type"))) {
            throw new TokenRejectedException("not an access token");
        }
        Date exp = claims.getExpirationTime();
        String jti = claims.getJWTID();
        String sessionId = claims.getStringClaim("sessionId");
        if (exp == null || jti == null || claims.getSubject() == null || sessionId == null) {
            throw new TokenRejectedException("missing claims");
        }
        Role role = Role.parse(claims.getStringClaim("role"))
                .orElseThrow(() -> new TokenRejectedException("unknown role"));
        Instant now = clock.instant();
        Instant latestAccepted = now.plus(properties.clockSkew());
        Date iat = claims.getIssueTime();
        Date nbf = claims.getNotBeforeTime();
        if ((iat != null && iat.toInstant().isAfter(latestAccepted))
                || (nbf != null && nbf.toInstant().isAfter(latestAccepted))) {
            throw new TokenRejectedException("not valid yet");
        }
        boolean expired = exp.toInstant().plus(properties.clockSkew()).isBefore(now);
        return new VerifiedToken(UUID.fromString(claims.getSubject()), role, UUID.fromString(sessionId), jti,
                iat == null ? null : iat.toInstant(), exp.toInstant(), expired);
    }
}
