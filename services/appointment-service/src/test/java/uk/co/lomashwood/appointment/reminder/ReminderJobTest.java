package uk.co.lomashwood.appointment.reminder;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import uk.co.lomashwood.appointment.support.AppointmentIntegrationTest;
import uk.co.lomashwood.platform.test.http.Reply;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class ReminderJobTest extends AppointmentIntegrationTest {

    @Autowired
    private ReminderDispatch dispatch;

    private String book(UUID consultant, LocalDate date) {
        Reply booked = api().post("/v1/appointments", onlineBooking(firstFreeSlot(consultant, date), true, false));
        assertThat(booked.status()).as(booked.toString()).isEqualTo(201);
        return booked.data().get("id").asString();
    }

    @Test
    void eachReminderIsSentOnceAtItsOffsetAndNeverForACancelledBooking() {
        clock.set(MONDAY_BEFORE_SPRING_CHANGE);
        UUID consultant = fixtures.consultant();
        String kept = book(consultant, LocalDate.of(2026, 4, 14));
        String cancelled = book(consultant, LocalDate.of(2026, 4, 15));
        assertThat(admin().patch("/v1/appointments/" + cancelled + "/cancel", body("reason", "Customer no longer needs it"))
                .status()).isEqualTo(200);

        clock.set(Instant.parse("2026-04-13T08:05:00Z"));
        dispatch.sendDue();
        dispatch.sendDue();
        List<JsonNode> due = events("appointment.reminder.due", kept);
        assertThat(due).hasSize(1);
        assertThat(due.getFirst().get("reminderType").asString()).isEqualTo("APPOINTMENT_24H");
        assertThat(due.getFirst().get("channel").asString()).isEqualTo("EMAIL");
        assertThat(due.getFirst().get("recipient").asString()).isEqualTo("jane.customer@example.com");
        assertThat(due.getFirst().get("localDateTime").asString()).contains("14 April 2026, 09:00 BST");

        clock.set(Instant.parse("2026-04-14T07:30:00Z"));
        dispatch.sendDue();
        assertThat(events("appointment.reminder.due", kept)).hasSize(2);
        assertThat(events("appointment.reminder.due", cancelled)).isEmpty();
        assertThat(jdbc.sql("SELECT count(*) FROM reminders WHERE booking_id = ?::uuid AND status = 'CANCELLED'")
                .param(cancelled).query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void aDayBeforeReminderFoundTooLateIsCancelledNotSent() {
        clock.set(MONDAY_BEFORE_SPRING_CHANGE);
        String id = book(fixtures.consultant(), LocalDate.of(2026, 4, 20));

        clock.set(Instant.parse("2026-04-20T07:05:00Z"));
        dispatch.sendDue();

        assertThat(events("appointment.reminder.due", id)).extracting(e -> e.get("reminderType").asString())
                .containsExactly("APPOINTMENT_1H");
    }
}
