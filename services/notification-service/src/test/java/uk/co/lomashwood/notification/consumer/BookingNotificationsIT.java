package uk.co.lomashwood.notification.consumer;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import uk.co.lomashwood.notification.support.Events;
import uk.co.lomashwood.platform.test.mail.Mailbox;
import uk.co.lomashwood.notification.support.NotificationIntegrationTest;
import uk.co.lomashwood.notification.support.ProviderStubs;
import uk.co.lomashwood.platform.events.EventEnvelope;
import uk.co.lomashwood.platform.events.transport.EventTransport;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/** Booking events from the bus (Redis Streams) → FR5.5 acknowledgement, FR5.6 team emails, SMS; once per event. */
class BookingNotificationsIT extends NotificationIntegrationTest {

    @Autowired
    private EventTransport bus;

    @BeforeEach
    void twilioAccepts() {
        ProviderStubs.server().stubFor(post(urlEqualTo(ProviderStubs.MESSAGES_PATH))
                .willReturn(ProviderStubs.json(201, ProviderStubs.twilioMessage("SM" + "1".repeat(32), "+447700900123"))));
    }

    private Map<String, Object> booking(String ref, String email, String phone, boolean kitchen, boolean bedroom) {
        return body("bookingId", UUID.randomUUID().toString(), "referenceCode", ref, "userId", null,
                "appointmentType", "HOME_MEASUREMENT", "forKitchen", kitchen, "forBedroom", bedroom,
                "customerDetails", body("name", "Priya Shah", "email", email, "phone", phone, "postcode", "SW1A 1AA"),
                "scheduledAt", "2026-03-03T10:00:00Z", "endsAt", "2026-03-03T11:00:00Z", "timezone", "Europe/London",
                "showroom", body("id", UUID.randomUUID().toString(), "name", "Chelsea showroom", "address", "1 King's Road"),
                "status", "PENDING", "channel", "WEB", "requiresDualTeamNotification", kitchen && bedroom,
                "manageUrl", "https://www.lomashwood.test/account/appointments/" + ref, "sendNotifications", true);
    }

    @Test
    void aKitchenAndBedroomBookingAcknowledgesTheCustomerAndAlertsBothTeams() {
        String ref = "LW-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        String email = unique("priya");
        String phone = uniquePhone();
        bus.publish(Events.envelope("appointment.booking.created", "appointment-service",
                booking(ref, email, phone, true, true)));

        Mailbox.Mail customer = Mailbox.latestTo(email);
        assertThat(customer.subject()).isEqualTo("We have received your booking " + ref);
        assertThat(customer.text()).contains("Hello Priya Shah,", "Home measurement", "Kitchen & Bedroom",
                "Tuesday 3 March 2026", "10:00", "Chelsea showroom", ref);
        assertThat(customer.html()).contains("Kitchen &amp; Bedroom", "Unsubscribe");
        for (String inbox : List.of("appointments@lomashwood.co.uk", "kitchen@lomashwood.co.uk", "bedroom@lomashwood.co.uk")) {
            List<Mailbox.Mail> alerts = await(() -> Mailbox.to(inbox).stream()
                    .filter(m -> m.subject().contains(ref)).toList(), list -> !list.isEmpty());
            assertThat(alerts).singleElement().satisfies(alert -> {
                assertThat(alert.subject()).isEqualTo("New Kitchen & Bedroom booking " + ref + " – Tuesday 3 March 2026");
                assertThat(alert.text()).contains("Priya Shah", email, phone, "SW1A 1AA");
            });
        }
        assertThat(Mailbox.to("kitchen@lomashwood.co.uk").stream().filter(m -> m.subject().contains(ref)).findFirst()
                .orElseThrow().text()).contains("for the kitchen team");
        await(() -> ProviderStubs.server().findAll(postRequestedFor(urlEqualTo(ProviderStubs.MESSAGES_PATH))
                .withRequestBody(containing(phone.substring(1)))).size(), n -> n == 1);
    }

    @Test
    void anEventDeliveredTwiceProducesOneEmail() {
        String ref = "LW-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        String email = unique("twice");
        EventEnvelope event = Events.envelope("appointment.booking.created", "appointment-service",
                booking(ref, email, null, true, false));
        bus.publish(event);
        bus.publish(event);

        Mailbox.awaitCount(email, 1);
        UUID id = jdbc.sql("SELECT id FROM notifications WHERE recipient_email = ?").param(email).query(UUID.class).single();
        awaitStatus(id, "SENT");
        await(() -> jdbc.sql("SELECT count(*) FROM processed_events WHERE event_id = ?").param(event.eventId())
                .query(Long.class).single(), n -> n >= 1);
        sleep(500);
        assertThat(Mailbox.to(email)).hasSize(1);
        assertThat(Mailbox.to("appointments@lomashwood.co.uk").stream().filter(m -> m.subject().contains(ref))).hasSize(1);

        JsonNode sent = events("notification.email.sent", id).getFirst();
        assertThat(sent.get("causationId").asString()).isEqualTo(event.eventId().toString());
        assertThat(sent.get("data").get("sourceTopic").asString()).isEqualTo("appointment.booking.created");
        assertThat(sent.get("data").get("sourceEventId").asString()).isEqualTo(event.eventId().toString());
        assertThat(sent.get("data").get("sourceEntityType").asString()).isEqualTo("BOOKING");
        assertThat(sent.get("data").get("templateSlug").asString()).isEqualTo("appointment-confirmation-email");
    }

    @Test
    void withoutSendNotificationsOnlyTheInternalAlertGoesOut() {
        String ref = "LW-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        String email = unique("quiet");
        Map<String, Object> data = booking(ref, email, null, false, true);
        data.put("sendNotifications", false);
        bus.publish(Events.envelope("appointment.booking.created", "appointment-service", data));

        await(() -> Mailbox.to("appointments@lomashwood.co.uk").stream().filter(m -> m.subject().contains(ref)).count(),
                n -> n == 1);
        assertThat(Mailbox.to(email)).isEmpty();
        assertThat(jdbc.sql("SELECT count(*) FROM notifications WHERE recipient_email = ?").param(email)
                .query(Long.class).single()).isZero();
    }

    @Test
    void aCompletedAppointmentThanksTheCustomerWithBrochureAndFeedbackLinks() {
        String ref = "LW-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        String email = unique("thanks");
        String bookingId = UUID.randomUUID().toString();
        // the payload appointment-service's BookingEvents.outcome publishes: no snapshot, customer details only
        bus.publish(Events.envelope("appointment.booking.completed", "appointment-service", body(
                "bookingId", bookingId, "referenceCode", ref, "userId", null,
                "consultantId", UUID.randomUUID().toString(), "appointmentType", "SHOWROOM_VISIT",
                "scheduledAt", "2026-07-01T13:30:00Z", "outcomeBy", UUID.randomUUID().toString(),
                "occurredAt", "2026-07-01T15:00:00Z",
                "customerDetails", body("name", "Priya Shah", "email", email, "phone", "+447700900123",
                        "postcode", "SW1A 1AA", "address", null))));

        Mailbox.Mail mail = Mailbox.latestTo(email);
        assertThat(mail.subject()).isEqualTo("Thank you for your Lomash Wood appointment");
        assertThat(mail.text()).contains("Hello Priya Shah,", "Showroom visit", ref, "Wednesday 1 July 2026",
                "https://www.lomashwood.test/brochure",
                "https://www.lomashwood.test/account/appointments/" + bookingId + "/feedback");
        assertThat(mail.html()).contains("Unsubscribe");
        assertThat(jdbc.sql("SELECT category FROM notifications WHERE recipient_email = ?").param(email)
                .query(String.class).single()).isEqualTo("APPOINTMENT_COMPLETED");
    }

    @Test
    void aConsultantChangeWithAffectedBookingsAlertsTheAppointmentsInboxOnce() {
        String consultant = UUID.randomUUID().toString();
        String first = UUID.randomUUID().toString();
        String second = UUID.randomUUID().toString();
        bus.publish(Events.envelope("appointment.consultant.updated", "appointment-service", body(
                "consultantId", UUID.randomUUID().toString(), "updateType", "AVAILABILITY_UPDATED",
                "changedFields", List.of(), "affectedBookingIds", List.of(), "updatedBy", null)));
        bus.publish(Events.envelope("appointment.consultant.updated", "appointment-service", body(
                "consultantId", consultant, "updateType", "DEACTIVATED", "changedFields", List.of("isActive"),
                "affectedBookingIds", List.of(first, second), "updatedBy", UUID.randomUUID().toString())));

        List<Mailbox.Mail> alerts = await(() -> Mailbox.to("appointments@lomashwood.co.uk").stream()
                .filter(m -> m.text().contains(consultant)).toList(), list -> !list.isEmpty());
        assertThat(alerts).singleElement().satisfies(alert -> {
            assertThat(alert.subject()).isEqualTo("Bookings to rebook after a consultant change (2)");
            assertThat(alert.text()).contains("Deactivated", "/admin/appointments/" + first,
                    "/admin/appointments/" + second);
        });
        assertThat(jdbc.sql("SELECT count(*) FROM notifications WHERE template_slug = 'appointment-rebook-alert-email'"
                + " AND source_entity_id = ?").param(consultant).query(Long.class).single()).isEqualTo(1);
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
