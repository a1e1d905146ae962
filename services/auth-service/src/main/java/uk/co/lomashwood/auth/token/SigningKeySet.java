package uk.co.lomashwood.auth.token;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;

import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Optional;

/**
 * The RSA keys auth-service holds: the newest signs, every one is published in the JWKS so that
 * tokens signed by the previous key stay verifiable during the rotation overlap.
 */
public final class SigningKeySet {

    private final List<RSAKey> keys;
    private final RSAKey active;

    private SigningKeySet(List<RSAKey> keys) {
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("The JWT signing key set is empty");
        }
        for (RSAKey key : keys) {
            if (!key.isPrivate() || key.getKeyID() == null) {
                throw new IllegalArgumentException("Every JWT signing key needs a private part and a kid");
            }
        }
        this.keys = List.copyOf(keys);
        this.active = keys.stream().filter(k -> k.getIssueTime() != null)
                .max(Comparator.comparing(RSAKey::getIssueTime))
                .orElse(keys.getFirst());
    }

    public static SigningKeySet of(List<RSAKey> keys) {
        return new SigningKeySet(keys);
    }

    /** Parses a JWK Set JSON holding RSA private keys. */
    public static SigningKeySet parse(String jwkSetJson) {
        try {
            List<RSAKey> keys = JWKSet.parse(jwkSetJson).getKeys().stream().map(JWK::toRSAKey).toList();
            return new SigningKeySet(keys);
        } catch (java.text.ParseException | IllegalStateException e) {
            throw new IllegalArgumentException("JWT signing keys are not a valid JWK Set of RSA keys", e);
        }
    }

    public RSAKey active() {
        return active;
    }

    public List<RSAKey> keys() {
        return keys;
    }

    public Optional<RSAKey> byKid(String kid) {
        return keys.stream().filter(k -> k.getKeyID().equals(kid)).findFirst();
    }

    /** Public parts only, as {@code {kty, kid, use:"sig", alg:"RS256", n, e}} (spec 10 §2.4). */
    public JWKSet publicJwkSet() {
        return new JWKSet(keys.stream().<JWK>map(k -> new RSAKey.Builder(k.getModulus(), k.getPublicExponent())
                .keyID(k.getKeyID()).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256).build()).toList());
    }

    /** The full private set, for the local key file. */
    public String toPrivateJson() {
        return new JWKSet(List.<JWK>copyOf(keys)).toString(false);
    }

    /** Age of the active key, or null when it carries no {@code iat}. */
    public Date activeIssuedAt() {
        return active.getIssueTime();
    }
}
