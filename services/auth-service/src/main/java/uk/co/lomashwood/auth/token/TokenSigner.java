package uk.co.lomashwood.auth.token;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.springframework.stereotype.Component;

import java.text.ParseException;
import java.util.Optional;

/** RS256 signing with the active key, and verification against any published key (by {@code kid}). */
@Component
public class TokenSigner {

    private final SigningKeys keys;

    public TokenSigner(SigningKeys keys) {
        this.keys = keys;
    }

    public String sign(JWTClaimsSet claims) {
        RSAKey key = keys.current().active();
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.RS256)
                .type(JOSEObjectType.JWT)
                .keyID(key.getKeyID())
                .build();
        SignedJWT jwt = new SignedJWT(header, claims);
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("Could not sign a token", e);
        }
        return jwt.serialize();
    }

    /** The claims when the token is a well-formed RS256 JWT signed by one of our keys; expiry is not checked. */
    public Optional<JWTClaimsSet> verifiedClaims(String token) {
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            if (!JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm()) || jwt.getHeader().getKeyID() == null) {
                return Optional.empty();
            }
            Optional<RSAKey> key = keys.current().byKid(jwt.getHeader().getKeyID());
            if (key.isEmpty() || !jwt.verify(new RSASSAVerifier(key.get().toRSAPublicKey()))) {
                return Optional.empty();
            }
            return Optional.of(jwt.getJWTClaimsSet());
        } catch (ParseException | JOSEException e) {
            return Optional.empty();
        }
    }
}
