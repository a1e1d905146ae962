package uk.co.lomashwood.auth.session;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import uk.co.lomashwood.auth.support.AuthIntegrationTest;
import uk.co.lomashwood.auth.support.Jwt;
import uk.co.lomashwood.platform.test.http.Reply;
import uk.co.lomashwood.auth.support.TestUsers.TestUser;
import uk.co.lomashwood.platform.core.security.Role;

import static org.assertj.core.api.Assertions.assertThat;

class SessionsIT extends AuthIntegrationTest {

    @Test
    void meShowsTheSignedInAccount() {
        TestUser customer = users.active(Role.CUSTOMER);
        SignedIn session = signIn(customer);

        Reply me = session.api().get("/v1/auth/me");

        assertThat(me.status()).isEqualTo(200);
        JsonNode data = me.data();
        assertThat(data.get("id").asString()).isEqualTo(customer.id().toString());
        assertThat(data.get("email").asString()).isEqualTo(customer.email());
        assertThat(data.get("role").asString()).isEqualTo("CUSTOMER");
        assertThat(data.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(data.get("permissions").isArray()).isTrue();
        assertThat(data.has("phone")).isTrue();
        assertThat(me.raw()).doesNotContain("password");
        assertThat(api().get("/v1/auth/me").code()).isEqualTo("UNAUTHORIZED");
    }

    @Test
    void listsOwnSessionsNewestFirstAndMarksTheCurrentOne() {
        TestUser customer = users.active(Role.CUSTOMER);
        SignedIn older = signIn(customer);
        SignedIn current = signIn(customer);

        Reply list = current.api().get("/v1/auth/sessions?limit=1");

        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().get("pagination").get("total").asInt()).isEqualTo(2);
        assertThat(list.json().get("pagination").get("hasNextPage").asBoolean()).isTrue();
        JsonNode first = list.data().get(0);
        assertThat(first.get("id").asString()).isEqualTo(current.sessionId().toString());
        assertThat(first.get("isCurrent").asBoolean()).isTrue();
        assertThat(first.get("browser").asString()).isEqualTo("Chrome");
        Reply second = current.api().get("/v1/auth/sessions?limit=1&page=1&sort=createdAt");
        assertThat(second.data().get(0).get("id").asString()).isEqualTo(older.sessionId().toString());
        assertThat(current.api().get("/v1/auth/sessions?sort=-password").status()).isEqualTo(400);
        assertThat(current.api().get("/v1/auth/sessions/current").data().get("id").asString())
                .isEqualTo(current.sessionId().toString());
    }

    @Test
    void revokingAnotherOwnSessionEndsItAtTheGateway() {
        TestUser customer = users.active(Role.CUSTOMER);
        SignedIn laptop = signIn(customer);
        SignedIn phone = signIn(customer);

        Reply revoked = phone.api().delete("/v1/auth/sessions/" + laptop.sessionId());

        assertThat(revoked.status()).isEqualTo(204);
        assertThat(verifySession(laptop.sessionId(), Jwt.jti(laptop.accessToken())).data().get("reason").asString())
                .isEqualTo("REVOKED");
        assertThat(verifySession(phone.sessionId(), Jwt.jti(phone.accessToken())).data().get("valid").asBoolean())
                .isTrue();
    }

    @Test
    void anotherUsersSessionIsNotFound() {
        SignedIn mine = signIn(users.active(Role.CUSTOMER));
        SignedIn theirs = signIn(users.active(Role.CUSTOMER));

        Reply reply = mine.api().delete("/v1/auth/sessions/" + theirs.sessionId());

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.code()).isEqualTo("SESSION_NOT_FOUND");
        assertThat(mine.api().delete("/v1/auth/sessions/not-a-uuid").status()).isEqualTo(400);
        assertThat(verifySession(theirs.sessionId(), Jwt.jti(theirs.accessToken())).data().get("valid").asBoolean())
                .isTrue();
    }

    @Test
    void revokingTheCurrentSessionIsALogout() {
        SignedIn session = signIn(users.active(Role.CUSTOMER));

        assertThat(session.api().delete("/v1/auth/sessions/" + session.sessionId()).status()).isEqualTo(204);

        assertThat(verifySession(session.sessionId(), Jwt.jti(session.accessToken())).data().get("reason").asString())
                .isEqualTo("TOKEN_REVOKED");
    }

    @Test
    void signingOutEverywhereElseKeepsTheCurrentSession() {
        TestUser customer = users.active(Role.CUSTOMER);
        SignedIn other = signIn(customer);
        SignedIn current = signIn(customer);

        Reply reply = current.api().delete("/v1/auth/sessions");

        assertThat(reply.data().get("revokedCount").asInt()).isEqualTo(1);
        assertThat(verifySession(other.sessionId(), "x").data().get("valid").asBoolean()).isFalse();
        assertThat(verifySession(current.sessionId(), Jwt.jti(current.accessToken())).data().get("valid").asBoolean())
                .isTrue();
    }
}
