package uk.co.lomashwood.auth.admin;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import uk.co.lomashwood.auth.support.AuthIntegrationTest;
import uk.co.lomashwood.auth.support.Jwt;
import uk.co.lomashwood.platform.test.http.Reply;
import uk.co.lomashwood.platform.test.http.ServiceCaller;
import uk.co.lomashwood.auth.support.TestUsers.TestUser;
import uk.co.lomashwood.platform.core.security.Role;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class AdminUsersIT extends AuthIntegrationTest {

    /** An admin as the gateway forwards it (identity headers), without a full MFA sign-in. */
    private ServiceCaller as(TestUser user) {
        return api().as(user.id(), user.role().name());
    }

    @Test
    void listsUsersWithOffsetPaginationFiltersAndSearch() {
        TestUser admin = users.active(Role.ADMIN);
        String marker = "zq" + UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < 3; i++) {
            String email = marker + i + "@example.co.uk";
            jdbc.sql("""
                    INSERT INTO users (id, email, first_name, last_name, role, status, created_at, updated_at)
                    VALUES (?, ?, 'Listed', 'Person', 'CONSULTANT', 'ACTIVE', now() - (? || ' minutes')::interval, now())""")
                    .params(UUID.randomUUID(), email, Integer.toString(i)).update();
        }

        Reply page1 = as(admin).get("/v1/admin/users?search=" + marker + "&limit=2&sort=-createdAt");
        Reply page2 = as(admin).get("/v1/admin/users?search=" + marker + "&limit=2&page=2&sort=-createdAt");

        assertThat(page1.status()).as(page1.toString()).isEqualTo(200);
        JsonNode pagination = page1.json().get("pagination");
        assertThat(pagination.get("total").asInt()).isEqualTo(3);
        assertThat(pagination.get("totalPages").asInt()).isEqualTo(2);
        assertThat(pagination.get("hasNextPage").asBoolean()).isTrue();
        assertThat(page1.data().get(0).get("email").asString()).isEqualTo(marker + "0@example.co.uk");
        assertThat(page2.data().size()).isEqualTo(1);
        assertThat(page2.data().get(0).get("locked").asBoolean()).isFalse();
        assertThat(as(admin).get("/v1/admin/users?q=" + marker + "&role=CUSTOMER").json().get("pagination")
                .get("total").asInt()).isZero();
        assertThat(as(admin).get("/v1/admin/users?role=OWNER").status()).isEqualTo(400);
        assertThat(as(admin).get("/v1/admin/users?search=x").status()).isEqualTo(400);
        assertThat(as(admin).get("/v1/admin/users?limit=101").status()).isEqualTo(400);
        assertThat(as(admin).get("/v1/admin/users?search=%25_%5C").status()).isEqualTo(200);
    }

    @Test
    void onlyAdminsMayListAndAnonymousCallersMustSignIn() {
        assertThat(as(users.active(Role.CUSTOMER)).get("/v1/admin/users").code()).isEqualTo("FORBIDDEN");
        assertThat(as(users.active(Role.CONSULTANT)).get("/v1/admin/users").status()).isEqualTo(403);
        assertThat(api().get("/v1/admin/users").code()).isEqualTo("UNAUTHORIZED");
        assertThat(as(users.active(Role.SUPER_ADMIN)).get("/v1/admin/users").status()).isEqualTo(200);
    }

    @Test
    void showsTheDetailWithLockStateAndActiveSessions() {
        TestUser admin = users.active(Role.ADMIN);
        TestUser customer = users.active(Role.CUSTOMER);
        signIn(customer);

        Reply detail = as(admin).get("/v1/admin/users/" + customer.id());

        assertThat(detail.data().get("email").asString()).isEqualTo(customer.email());
        assertThat(detail.data().get("activeSessionCount").asInt()).isEqualTo(1);
        assertThat(detail.data().get("lockedUntil").isNull()).isTrue();
        assertThat(detail.data().get("customRoles").isArray()).isTrue();
        assertThat(as(admin).get("/v1/admin/users/" + UUID.randomUUID()).code()).isEqualTo("USER_NOT_FOUND");
    }

    @Test
    void anAdminPromotesACustomerToConsultantAndTheirSessionsEnd() {
        TestUser admin = users.active(Role.ADMIN);
        TestUser customer = users.active(Role.CUSTOMER);
        SignedIn session = signIn(customer);

        Reply reply = as(admin).patch("/v1/admin/users/" + customer.id() + "/role",
                body("role", "CONSULTANT", "reason", "Joined the design team"));

        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        assertThat(reply.data().get("role").asString()).isEqualTo("CONSULTANT");
        assertThat(verifySession(session.sessionId(), Jwt.jti(session.accessToken())).data().get("valid").asBoolean())
                .isFalse();
        assertThat(events("auth.role.changed", customer.id())).singleElement().satisfies(e -> {
            assertThat(e.get("previousRole").asString()).isEqualTo("CUSTOMER");
            assertThat(e.get("newRole").asString()).isEqualTo("CONSULTANT");
            assertThat(e.get("changedBy").asString()).isEqualTo(admin.id().toString());
        });
    }

    @Test
    void onlyASuperAdminGrantsOrTouchesAdminRoles() {
        TestUser admin = users.active(Role.ADMIN);
        TestUser customer = users.active(Role.CUSTOMER);
        TestUser otherAdmin = users.active(Role.ADMIN);

        assertThat(as(admin).patch("/v1/admin/users/" + customer.id() + "/role", body("role", "ADMIN")).code())
                .isEqualTo("FORBIDDEN");
        assertThat(as(admin).patch("/v1/admin/users/" + otherAdmin.id() + "/role", body("role", "CUSTOMER")).code())
                .isEqualTo("FORBIDDEN");
        assertThat(as(admin).patch("/v1/admin/users/" + otherAdmin.id() + "/status",
                body("status", "SUSPENDED", "reason", "test")).code()).isEqualTo("FORBIDDEN");
        assertThat(as(users.active(Role.SUPER_ADMIN)).patch("/v1/admin/users/" + customer.id() + "/role",
                body("role", "ADMIN")).status()).isEqualTo(200);
    }

    @Test
    void nobodyChangesTheirOwnRoleOrStatus() {
        TestUser superAdmin = users.active(Role.SUPER_ADMIN);

        assertThat(as(superAdmin).patch("/v1/admin/users/" + superAdmin.id() + "/role", body("role", "ADMIN")).code())
                .isEqualTo("CANNOT_MODIFY_SELF");
        assertThat(as(superAdmin).patch("/v1/admin/users/" + superAdmin.id() + "/status",
                body("status", "SUSPENDED", "reason", "x")).status()).isEqualTo(422);
    }

    @Test
    void theLastActiveSuperAdminCannotBeDemoted() {
        TestUser actor = users.active(Role.SUPER_ADMIN);
        TestUser target = users.active(Role.SUPER_ADMIN);
        jdbc.sql("UPDATE users SET status = 'SUSPENDED' WHERE role = 'SUPER_ADMIN' AND id NOT IN (?, ?)")
                .params(actor.id(), target.id()).update();
        jdbc.sql("UPDATE users SET status = 'SUSPENDED' WHERE id = ?").param(actor.id()).update();

        try {
            Reply reply = as(actor).patch("/v1/admin/users/" + target.id() + "/role", body("role", "ADMIN"));

            assertThat(reply.status()).isEqualTo(409);
            assertThat(reply.code()).isEqualTo("LAST_SUPER_ADMIN");
        } finally {
            jdbc.sql("UPDATE users SET status = 'ACTIVE' WHERE role = 'SUPER_ADMIN'").update();
        }
    }

    @Test
    void deactivatingRevokesSessionsAndFollowsTheStatusMachine() {
        TestUser admin = users.active(Role.ADMIN);
        TestUser customer = users.active(Role.CUSTOMER);
        SignedIn session = signIn(customer);

        Reply suspended = as(admin).patch("/v1/admin/users/" + customer.id() + "/status",
                body("status", "SUSPENDED", "reason", "Chargeback investigation"));

        assertThat(suspended.status()).as(suspended.toString()).isEqualTo(200);
        assertThat(suspended.data().get("status").asString()).isEqualTo("SUSPENDED");
        assertThat(verifySession(session.sessionId(), Jwt.jti(session.accessToken())).data().get("valid").asBoolean())
                .isFalse();
        assertThat(login(customer.email(), customer.password()).code()).isEqualTo("ACCOUNT_DEACTIVATED");
        assertThat(as(admin).patch("/v1/admin/users/" + customer.id() + "/status",
                body("status", "SUSPENDED", "reason", "again")).code()).isEqualTo("INVALID_STATUS_TRANSITION");
        assertThat(as(admin).patch("/v1/admin/users/" + customer.id() + "/status",
                body("status", "DELETED", "reason", "x")).status()).isEqualTo(400);
        assertThat(as(admin).patch("/v1/admin/users/" + customer.id() + "/status",
                body("status", "ACTIVE", "reason", "Resolved")).status()).isEqualTo(200);
        assertThat(events("auth.user.status_changed", customer.id())).hasSize(2);
    }

    @Test
    void anAdminUnlocksALockedAccount() {
        TestUser admin = users.active(Role.ADMIN);
        TestUser customer = users.active(Role.CUSTOMER);
        jdbc.sql("UPDATE users SET status_reason = 'ADMIN_LOCK', failed_login_attempts = 10 WHERE id = ?")
                .param(customer.id()).update();
        assertThat(as(admin).get("/v1/admin/users/" + customer.id()).data().get("locked").asBoolean()).isTrue();

        assertThat(as(admin).post("/v1/admin/users/" + customer.id() + "/unlock", null).status()).isEqualTo(200);

        assertThat(login(customer.email(), customer.password()).status()).isEqualTo(200);
    }
}
