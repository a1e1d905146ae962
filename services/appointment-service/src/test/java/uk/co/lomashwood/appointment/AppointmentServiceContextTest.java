package uk.co.lomashwood.appointment;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.scheduling.config.ScheduledTaskHolder;
import uk.co.lomashwood.appointment.reminder.ReminderJob;
import uk.co.lomashwood.appointment.support.AppointmentIntegrationTest;
import uk.co.lomashwood.platform.events.EventHandler;
import uk.co.lomashwood.platform.events.outbox.OutboxPublisher;

import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Some Boot 4 mismatches fail silently: make sure the pieces the service relies on are really there. */
class AppointmentServiceContextTest extends AppointmentIntegrationTest {

    @Autowired
    private ApplicationContext context;

    @Test
    void wiresDatabaseMigrationsOutboxRedisAndJobs() {
        assertThat(context.getBean(DataSource.class)).isNotNull();
        assertThat(context.getBean(Flyway.class).info().applied()).extracting(m -> m.getScript())
                .contains("V1__appointment_schema.sql", "V0_0_2__outbox_and_inbox.sql", "V0_0_1__idempotency_keys.sql");
        assertThat(context.getBean(OutboxPublisher.class)).isNotNull();
        assertThat(context.getBean(StringRedisTemplate.class)).isNotNull();
        assertThat(context.getBean(ReminderJob.class)).isNotNull();
        assertThat(context.getBeansOfType(EventHandler.class).values()).flatExtracting(EventHandler::topics)
                .containsExactlyInAnyOrder("auth.email.verified", "customer.user.erased", "notification.reminder.sent");
        assertThat(context.getBeansOfType(ScheduledTaskHolder.class).values())
                .flatExtracting(ScheduledTaskHolder::getScheduledTasks).hasSizeGreaterThanOrEqualTo(2);
        assertThat(context.getEnvironment().getProperty("spring.application.name")).isEqualTo("appointment-service");
    }

    @Test
    void refusesCallsWithoutTheInternalTokenExceptHealth() {
        assertThat(api().with("X-Internal-Token", "wrong").get("/v1/appointments/types").status()).isEqualTo(401);
        assertThat(api().get("/health/live").status()).isEqualTo(200);
        assertThat(api().get("/v1/appointments/types").data()).hasSize(3);
    }
}
