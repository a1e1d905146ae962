package uk.co.lomashwood.gateway.support;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/** Real RS256 access tokens as auth-service issues them (spec 00 §2.3), signed in the test. */
public final class TestTokens {

    public static final RSAKey KEY_1 = generate("kid-1");
    public static final RSAKey KEY_2 = generate("kid-2");
    /** Not published in any JWKS; used for forged signatures. */
    public static final RSAKey ROGUE = generate("kid-1");

    private TestTokens() {
    }

    public record Token(String value, UUID userId, UUID sessionId, String jti, String role) {
        public String bearer() {
            return "Bearer " + value;
        }
    }

    public static String jwks(RSAKey... keys) {
        return new JWKSet(List.of(keys).stream().map(k -> (com.nimbusds.jose.jwk.JWK) k.toPublicJWK()).toList())
                .toString();
    }

    public static Token issue(String role) {
        return issue(role, KEY_1, Instant.now().plusSeconds(900));
    }

    public static Token issue(String role, RSAKey key, Instant expiresAt) {
        UUID userId = UUID.randomUUID();
        UUID sessionId = UUID.randomUUID();
        String jti = UUID.randomUUID().toString();
        JWTClaimsSet claims = claims(userId, sessionId, jti, role, expiresAt).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
                .type(JOSEObjectType.JWT).build(), claims);
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return new Token(jwt.serialize(), userId, sessionId, jti, role);
    }

    public static String hs256(String role) {
        JWTClaimsSet claims = claims(UUID.randomUUID(), UUID.randomUUID(), "j", role, Instant.now().plusSeconds(900))
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("kid-1").build(), claims);
        try {
            jwt.sign(new MACSigner("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8)));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    public static String algNone(String role) {
        JWTClaimsSet claims = claims(UUID.randomUUID(), UUID.randomUUID(), "j", role, Instant.now().plusSeconds(900))
                .build();
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return b64.encodeToString("{\"alg\":\"none\",\"kid\":\"kid-1\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(claims.toString().getBytes(StandardCharsets.UTF_8)) + ".";
    }

    private static JWTClaimsSet.Builder claims(UUID userId, UUID sessionId, String jti, String role, Instant exp) {
        return new JWTClaimsSet.Builder()
                .subject(userId.toString())
                .claim("role", role)
                .claim("sessionId", sessionId.toString())
                .jwtID(jti)
                .issueTime(Date.from(exp.minusSeconds(900)))
                .expirationTime(Date.from(exp))
                .claim("type", "access")
                .issuer("lomashwood-auth")
                .audience("lomashwood-api");
    }

    private static RSAKey generate(String kid) {
        try {
            return new RSAKeyGenerator(2048).keyID(kid).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256)
                    .generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
