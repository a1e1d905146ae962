package uk.co.lomashwood.auth.token;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;

import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.UUID;

/** New RSA signing keys with a readable, unique {@code kid} ({@code 20261125-3f2a9c1e}). */
final class SigningKeyFactory {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneOffset.UTC);

    private SigningKeyFactory() {
    }

    static RSAKey generate(int bits, Clock clock) {
        try {
            String kid = DAY.format(clock.instant()) + "-" + UUID.randomUUID().toString().substring(0, 8);
            return new RSAKeyGenerator(bits)
                    .keyID(kid)
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256)
                    .issueTime(Date.from(clock.instant()))
                    .generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("Could not generate an RSA signing key", e);
        }
    }
}
