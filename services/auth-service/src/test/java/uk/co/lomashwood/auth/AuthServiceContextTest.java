package uk.co.lomashwood.auth;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.scheduling.config.ScheduledTaskHolder;
import uk.co.lomashwood.auth.message.CredentialMessageSender;
import uk.co.lomashwood.auth.support.AuthIntegrationTest;
import uk.co.lomashwood.auth.token.SigningKeys;
import uk.co.lomashwood.platform.events.outbox.OutboxPublisher;
import uk.co.lomashwood.platform.web.client.InternalRestClientFactory;

import javax.sql.DataSource;
import java.time.Clock;

import static org.assertj.core.api.Assertions.assertThat;

/** Some Boot 4 mismatches fail silently: make sure the pieces the service relies on are really there. */
class AuthServiceContextTest extends AuthIntegrationTest {

    @Autowired
    private ApplicationContext context;

    @Test
    void wiresTheDatabaseMigrationsOutboxRedisMailAndKeys() {
        assertThat(context.getBean(DataSource.class)).isNotNull();
        Flyway flyway = context.getBean(Flyway.class);
        assertThat(flyway.info().applied()).extracting(m -> m.getScript())
                .contains("V1__identity_schema.sql", "V0_0_2__outbox_and_inbox.sql", "V0_0_1__idempotency_keys.sql");
        assertThat(context.getBean(OutboxPublisher.class)).isNotNull();
        assertThat(context.getBean(StringRedisTemplate.class)).isNotNull();
        assertThat(context.getBean(InternalRestClientFactory.class)).isNotNull();
        assertThat(context.getBean(CredentialMessageSender.class).getClass().getSimpleName())
                .isEqualTo("SmtpCredentialMessageSender");
        assertThat(context.getBean(SigningKeys.class).current().active().size()).isEqualTo(2048);
        assertThat(context.getBean(Clock.class)).isSameAs(clock);
        assertThat(context.getBeansOfType(ScheduledTaskHolder.class).values())
                .flatExtracting(ScheduledTaskHolder::getScheduledTasks).isNotEmpty();
        assertThat(context.getEnvironment().getProperty("spring.application.name")).isEqualTo("auth-service");
        assertThat(context.getBeansOfType(uk.co.lomashwood.platform.events.EventHandler.class).values())
                .flatExtracting(uk.co.lomashwood.platform.events.EventHandler::topics)
                .containsExactlyInAnyOrder("customer.user.erased", "customer.profile.updated");
    }

    @Test
    void publishesItsOpenApiDescription() {
        uk.co.lomashwood.platform.test.http.Reply docs = api().get("/v3/api-docs");

        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.raw()).contains("/v1/auth/login", "/v1/auth/refresh", "/v1/admin/users");
    }

    @Test
    void answersHealthWithoutTheInternalToken() {
        assertThat(api().without("X-Internal-Token").get("/health/live").status()).isEqualTo(200);
        assertThat(api().without("X-Internal-Token").get("/v1/auth/me").status()).isEqualTo(401);
    }
}
