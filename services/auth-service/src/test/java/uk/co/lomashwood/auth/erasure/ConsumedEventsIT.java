package uk.co.lomashwood.auth.erasure;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import uk.co.lomashwood.auth.support.AuthIntegrationTest;
import uk.co.lomashwood.auth.support.Jwt;
import uk.co.lomashwood.auth.support.TestUsers.TestUser;
import uk.co.lomashwood.auth.user.ProfileSync;
import uk.co.lomashwood.platform.core.security.Role;
import uk.co.lomashwood.platform.events.EventEnvelope;
import uk.co.lomashwood.platform.events.EventHandler;
import uk.co.lomashwood.platform.test.http.HttpCalls;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The customer-service events auth-service consumes, handed to the handlers as the platform inbox would. */
class ConsumedEventsIT extends AuthIntegrationTest {

    @Autowired
    private UserErasure erasure;
    @Autowired
    private ProfileSync profileSync;
    @Autowired
    private TransactionTemplate transactions;

    private void deliver(EventHandler handler, String topic, Map<String, Object> data) {
        EventEnvelope event = new EventEnvelope(UUID.randomUUID(), topic, "1.0", Instant.now(), "customer-service",
                UUID.randomUUID().toString(), null, Map.of(), HttpCalls.JSON.valueToTree(data));
        transactions.executeWithoutResult(status -> handler.handle(event));
    }

    @Test
    void anErasedCustomerIsPseudonymisedSignedOutAndReportedDeleted() {
        TestUser customer = users.active(Role.CUSTOMER);
        SignedIn session = signIn(customer);

        deliver(erasure, "customer.user.erased", Map.of("userId", customer.id().toString(),
                "customerId", UUID.randomUUID().toString(), "reason", "SELF_SERVICE", "emailSha256", "ab", "erasedAt",
                Instant.now().toString()));

        Map<String, Object> row = jdbc.sql("SELECT email::text AS email, first_name, last_name, password_hash, status, status_reason FROM users WHERE id = ?")
                .param(customer.id()).query().singleRow();
        assertThat(row).containsEntry("email", "deleted-" + customer.id() + "@erased.invalid")
                .containsEntry("first_name", "Deleted").containsEntry("last_name", "User")
                .containsEntry("status", "DELETED").containsEntry("status_reason", "ERASURE");
        assertThat(row.get("password_hash")).isNull();
        assertThat(verifySession(session.sessionId(), Jwt.jti(session.accessToken())).data().get("valid").asBoolean()).isFalse();
        assertThat(jdbc.sql("SELECT count(*) FROM sessions WHERE user_id = ?").param(customer.id()).query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM password_history WHERE user_id = ?").param(customer.id()).query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM login_history WHERE user_id = ? AND (ip_address IS NOT NULL OR email = ?)")
                .params(customer.id(), customer.email()).query(Integer.class).single()).isZero();
        assertThat(events("auth.user.deleted", customer.id())).singleElement()
                .satisfies(e -> assertThat(e.get("reason").asString()).isEqualTo("ERASED"));
        assertThat(login(customer.email(), customer.password()).code()).isEqualTo("INVALID_CREDENTIALS");
    }

    @Test
    void profileEditsInCustomerServiceAreCopied() {
        TestUser customer = users.active(Role.CUSTOMER);

        deliver(profileSync, "customer.profile.updated", Map.of("customerId", UUID.randomUUID().toString(),
                "userId", customer.id().toString(), "updatedFields", java.util.List.of("firstName", "phone"),
                "firstName", "Beatrix", "lastName", "Ignored", "phone", "07700 900456", "updatedAt", Instant.now().toString()));

        Map<String, Object> row = jdbc.sql("SELECT first_name, last_name, phone_number FROM users WHERE id = ?")
                .param(customer.id()).query().singleRow();
        assertThat(row).containsEntry("first_name", "Beatrix").containsEntry("last_name", "Person")
                .containsEntry("phone_number", "+447700900456");
    }
}
