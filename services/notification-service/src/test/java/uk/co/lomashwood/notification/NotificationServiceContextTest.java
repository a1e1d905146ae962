package uk.co.lomashwood.notification;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.scheduling.config.ScheduledTaskHolder;
import uk.co.lomashwood.notification.message.ChannelSender;
import uk.co.lomashwood.notification.support.NotificationIntegrationTest;
import uk.co.lomashwood.notification.template.TemplateStore;
import uk.co.lomashwood.platform.events.EventHandler;
import uk.co.lomashwood.platform.events.outbox.OutboxPublisher;

import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The pieces the service relies on are really wired (some Boot 4 mismatches fail silently). */
class NotificationServiceContextTest extends NotificationIntegrationTest {

    @Autowired
    private ApplicationContext context;

    @Test
    void wiresDatabaseOutboxConsumersChannelsAndTemplates() {
        assertThat(context.getBean(DataSource.class)).isNotNull();
        assertThat(context.getBean(Flyway.class).info().applied()).extracting(m -> m.getScript())
                .contains("V1__notification_schema.sql", "V0_0_2__outbox_and_inbox.sql");
        assertThat(context.getBean(OutboxPublisher.class)).isNotNull();
        assertThat(context.getBeansOfType(EventHandler.class).values()).flatExtracting(EventHandler::topics)
                .contains("auth.user.created", "appointment.booking.created", "appointment.reminder.due",
                        "order.confirmed", "order.payment.refund_issued", "content.brochure.requested",
                        "content.contact.submitted");
        assertThat(context.getBeansOfType(ChannelSender.class).values()).extracting(ChannelSender::provider)
                .containsExactlyInAnyOrder("smtp", "twilio-sms", "firebase-fcm");
        assertThat(context.getBean(TemplateStore.class).all()).hasSizeGreaterThanOrEqualTo(34)
                .allSatisfy(t -> assertThat(t.active()).isTrue());
        assertThat(context.getBeansOfType(ScheduledTaskHolder.class).values())
                .flatExtracting(ScheduledTaskHolder::getScheduledTasks).isNotEmpty();
        assertThat(context.getEnvironment().getProperty("spring.application.name")).isEqualTo("notification-service");
    }

    @Test
    void answersHealthWithoutTheInternalToken() {
        assertThat(api().without("X-Internal-Token").get("/health/live").status()).isEqualTo(200);
        assertThat(api().without("X-Internal-Token").get("/v1/admin/notifications").status()).isEqualTo(401);
    }
}
