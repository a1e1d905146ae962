package uk.co.lomashwood.auth.token;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.co.lomashwood.platform.core.security.Role;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class SigningKeysTest {

    private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    @TempDir
    Path dir;

    @Test
    void generatesAKeyFileOnFirstStartAndReusesItAfterARestart() throws Exception {
        Path file = dir.resolve("auth/jwt-signing-keys.json");
        SigningKeys first = new SigningKeys(properties(file, null), CLOCK);

        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(first.current().active().size()).isEqualTo(2048);
        SigningKeys second = new SigningKeys(properties(file, null), CLOCK);
        assertThat(second.current().active().getKeyID()).isEqualTo(first.current().active().getKeyID());
    }

    @Test
    void signsAccessTokensWithExactlyThePlatformClaims() throws Exception {
        SigningKeys keys = new SigningKeys(properties(dir.resolve("k.json"), null), CLOCK);
        JwtProperties properties = properties(dir.resolve("k.json"), null);
        UUID user = UUID.randomUUID();
        UUID session = UUID.randomUUID();

        AccessToken token = new AccessTokenIssuer(new TokenSigner(keys), properties, CLOCK).issue(user, Role.CONSULTANT, session);

        SignedJWT jwt = SignedJWT.parse(token.value());
        assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
        assertThat(jwt.getHeader().getType().getType()).isEqualTo("JWT");
        assertThat(jwt.getHeader().getKeyID()).isEqualTo(keys.current().active().getKeyID());
        assertThat(jwt.verify(new RSASSAVerifier(keys.current().active().toRSAPublicKey()))).isTrue();
        Map<String, Object> claims = jwt.getJWTClaimsSet().toJSONObject();
        assertThat(claims).containsOnlyKeys("sub", "role", "sessionId", "jti", "iat", "exp", "type", "iss", "aud");
        assertThat(claims).containsEntry("sub", user.toString()).containsEntry("role", "CONSULTANT")
                .containsEntry("sessionId", session.toString()).containsEntry("type", "access")
                .containsEntry("iss", "lomashwood-auth").containsEntry("aud", "lomashwood-api")
                .containsEntry("iat", NOW.getEpochSecond()).containsEntry("exp", NOW.getEpochSecond() + 900);
        assertThat(claims.get("jti")).isEqualTo(token.jti().toString());
    }

    @Test
    void keysFromConfigurationSignWithTheNewestAndPublishAll() {
        RSAKey older = SigningKeyFactory.generate(2048, Clock.fixed(NOW.minus(Duration.ofDays(90)), ZoneOffset.UTC));
        RSAKey newer = SigningKeyFactory.generate(2048, CLOCK);
        String jwkSet = new com.nimbusds.jose.jwk.JWKSet(List.of(older, newer)).toString(false);

        SigningKeys keys = new SigningKeys(properties(dir.resolve("unused.json"), jwkSet), CLOCK);

        assertThat(keys.current().active().getKeyID()).isEqualTo(newer.getKeyID());
        assertThat(keys.current().publicJwkSet().getKeys()).hasSize(2)
                .allSatisfy(k -> assertThat(k.isPrivate()).isFalse());
        assertThat(Files.exists(dir.resolve("unused.json"))).isFalse();
        assertThat(keys.rotateIfDue()).isFalse();
    }

    @Test
    void rotatesTheLocalKeyAfterNinetyDaysAndDropsTheOldOneADayLater() {
        Path file = dir.resolve("rotate.json");
        new SigningKeys(properties(file, null), Clock.fixed(NOW.minus(Duration.ofDays(90)), ZoneOffset.UTC));
        SigningKeys keys = new SigningKeys(properties(file, null), CLOCK);
        String original = keys.current().active().getKeyID();

        assertThat(keys.rotateIfDue()).isTrue();
        assertThat(keys.current().keys()).hasSize(2);
        assertThat(keys.current().active().getKeyID()).isNotEqualTo(original);

        SigningKeys dayLater = new SigningKeys(properties(file, null), Clock.fixed(NOW.plus(Duration.ofHours(25)), ZoneOffset.UTC));
        assertThat(dayLater.current().keys()).hasSize(2);
        assertThat(dayLater.rotateIfDue()).isTrue();
        assertThat(dayLater.current().keys()).hasSize(1);
    }

    private static JwtProperties properties(Path file, String jwkSet) {
        return new JwtProperties(null, null, jwkSet, file, 2048);
    }
}
