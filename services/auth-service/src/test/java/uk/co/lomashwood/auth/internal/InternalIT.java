package uk.co.lomashwood.auth.internal;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import uk.co.lomashwood.auth.support.AuthIntegrationTest;
import uk.co.lomashwood.auth.support.Jwt;
import uk.co.lomashwood.platform.test.http.Reply;
import uk.co.lomashwood.auth.support.TestUsers.TestUser;
import uk.co.lomashwood.platform.core.security.Role;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class InternalIT extends AuthIntegrationTest {

    @Test
    void publishesAPlainJwkSetThatVerifiesAccessTokens() throws Exception {
        SignedIn session = signIn(users.active(Role.CUSTOMER));

        Reply jwks = api().get("/internal/jwks.json");

        assertThat(jwks.status()).isEqualTo(200);
        assertThat(jwks.json().has("data")).isFalse();
        JsonNode key = jwks.json().get("keys").get(0);
        assertThat(key.get("kty").asString()).isEqualTo("RSA");
        assertThat(key.get("use").asString()).isEqualTo("sig");
        assertThat(key.get("alg").asString()).isEqualTo("RS256");
        assertThat(key.has("d")).isFalse();
        SignedJWT jwt = SignedJWT.parse(session.accessToken());
        RSAKey publicKey = JWKSet.parse(jwks.raw()).getKeyByKeyId(jwt.getHeader().getKeyID()).toRSAKey();
        assertThat(jwt.verify(new RSASSAVerifier(publicKey))).isTrue();
    }

    @Test
    void verifiesALiveSessionWithItsUserAndRole() {
        TestUser consultant = users.active(Role.CONSULTANT);
        SignedIn session = signIn(consultant);

        Reply reply = verifySession(session.sessionId(), Jwt.jti(session.accessToken()));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.data().get("valid").asBoolean()).isTrue();
        assertThat(reply.data().get("userId").asString()).isEqualTo(consultant.id().toString());
        assertThat(reply.data().get("role").asString()).isEqualTo("CONSULTANT");
        assertThat(reply.data().get("reason").isNull()).isTrue();
    }

    @Test
    void answersInvalidWithAReasonInsteadOfAnError() {
        assertThat(verifySession(UUID.randomUUID(), "abc").data().get("reason").asString()).isEqualTo("NOT_FOUND");
        Reply malformed = api().get("/internal/sessions/not-a-uuid/verify?jti=abc");
        assertThat(malformed.status()).isEqualTo(200);
        assertThat(malformed.data().get("valid").asBoolean()).isFalse();
        assertThat(api().get("/internal/sessions/" + UUID.randomUUID() + "/verify").status()).isEqualTo(400);
    }

    @Test
    void rebuildsTheSessionKeyFromTheDatabaseAfterARedisLoss() {
        SignedIn session = signIn(users.active(Role.CUSTOMER));
        org.springframework.data.redis.core.StringRedisTemplate redis = redis();
        redis.delete("auth:session:" + session.sessionId());

        Reply check = verifySession(session.sessionId(), Jwt.jti(session.accessToken()));
        assertThat(check.data().get("valid").asBoolean()).as(check.toString()).isTrue();
        assertThat(redis.hasKey("auth:session:" + session.sessionId())).isTrue();
    }

    @Test
    void aUserWideRevocationRefusesTokensIssuedBeforeIt() throws Exception {
        TestUser customer = users.active(Role.CUSTOMER);
        SignedIn session = signIn(customer);
        long iat = com.nimbusds.jwt.SignedJWT.parse(session.accessToken()).getJWTClaimsSet().getIssueTime().toInstant()
                .getEpochSecond();
        redis().opsForValue().set("auth:revoked-user:" + customer.id(), Long.toString(iat + 1));

        assertThat(api().get("/internal/sessions/" + session.sessionId() + "/verify?jti=" + Jwt.jti(session.accessToken())
                + "&iat=" + iat).data().get("reason").asString()).isEqualTo("TOKEN_REVOKED");
        assertThat(api().get("/internal/sessions/" + session.sessionId() + "/verify?jti=x&iat=" + (iat + 1))
                .data().get("valid").asBoolean()).isTrue();
        redis().delete("auth:revoked-user:" + customer.id());
    }

    @Test
    void servesTheUserSummaryToOtherServices() {
        TestUser customer = users.active(Role.CUSTOMER);

        Reply reply = api().get("/internal/users/" + customer.id());

        assertThat(reply.data().get("email").asString()).isEqualTo(customer.email());
        assertThat(reply.data().get("status").asString()).isEqualTo("ACTIVE");
        assertThat(reply.data().has("phone")).isTrue();
        assertThat(reply.raw()).doesNotContain("password");
        assertThat(api().get("/internal/users/" + UUID.randomUUID()).code()).isEqualTo("USER_NOT_FOUND");
    }

    @Test
    void confirmsAPasswordForAnotherServiceAtMostFiveTimesInFifteenMinutes() {
        TestUser customer = users.active(Role.CUSTOMER);
        String path = "/internal/users/" + customer.id() + "/verify-password";

        assertThat(api().post(path, body("password", customer.password())).data().get("valid").asBoolean()).isTrue();
        for (int i = 0; i < 4; i++) {
            assertThat(api().post(path, body("password", "Wrong-Password-42!")).data().get("valid").asBoolean()).isFalse();
        }
        Reply limited = api().post(path, body("password", customer.password()));

        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).isPresent();
        assertThat(api().post("/internal/users/" + UUID.randomUUID() + "/verify-password", body("password", "x")).code())
                .isEqualTo("USER_NOT_FOUND");
    }

    @Test
    void everyRouteNeedsTheInternalToken() {
        assertThat(api().without("X-Internal-Token").get("/internal/jwks.json").code()).isEqualTo("UNAUTHORIZED");
        assertThat(api().with("X-Internal-Token", "wrong").get("/internal/users/" + UUID.randomUUID()).status())
                .isEqualTo(401);
        assertThat(api().without("X-Internal-Token").post("/v1/auth/login",
                body("email", "a@example.co.uk", "password", "x")).status()).isEqualTo(401);
    }

    private org.springframework.data.redis.core.StringRedisTemplate redis() {
        return context.getBean(org.springframework.data.redis.core.StringRedisTemplate.class);
    }

    @org.springframework.beans.factory.annotation.Autowired
    private org.springframework.context.ApplicationContext context;
}
