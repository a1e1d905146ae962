package uk.co.lomashwood.appointment.booking;

import org.junit.jupiter.api.Test;
import uk.co.lomashwood.appointment.support.AppointmentIntegrationTest;
import uk.co.lomashwood.platform.test.http.Reply;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class ConcurrentBookingTest extends AppointmentIntegrationTest {

    @Test
    void aHundredSimultaneousAttemptsAtOneSlotGiveExactlyOneBookingAndCleanConflicts() throws Exception {
        clock.set(MONDAY_BEFORE_SPRING_CHANGE);
        UUID consultant = fixtures.consultant();
        UUID slot = firstFreeSlot(consultant, LocalDate.of(2026, 4, 7));
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Reply>> replies = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 100; i++) {
                replies.add(pool.submit(() -> {
                    start.await();
                    return api().post("/v1/appointments", onlineBooking(slot, true, false));
                }));
            }
            start.countDown();
        }
        List<Reply> all = new ArrayList<>();
        for (Future<Reply> reply : replies) {
            all.add(reply.get());
        }

        Map<Integer, Long> byStatus = all.stream().collect(Collectors.groupingBy(Reply::status, Collectors.counting()));
        assertThat(byStatus).as(byStatus.toString()).containsOnlyKeys(201, 409);
        assertThat(byStatus.get(201)).isEqualTo(1);
        assertThat(all.stream().filter(r -> r.status() == 409).map(Reply::code).collect(Collectors.toSet()))
                .containsExactly("SLOT_UNAVAILABLE");
        assertThat(jdbc.sql("SELECT count(*) FROM bookings WHERE slot_id = ?").param(slot).query(Long.class).single())
                .isEqualTo(1);
    }

    @Test
    void theDatabaseRefusesAnOverlappingActiveBookingForOneConsultant() {
        clock.set(MONDAY_BEFORE_SPRING_CHANGE);
        UUID consultant = fixtures.consultant();
        UUID slot = firstFreeSlot(consultant, LocalDate.of(2026, 4, 8));
        Reply booked = api().post("/v1/appointments", onlineBooking(slot, true, false));
        assertThat(booked.status()).isEqualTo(201);

        // Bypass the slot row: only the exclusion constraint stands between a second booking and the consultant's hour.
        Function<String, Integer> insertOverlap = id -> jdbc.sql("""
                        INSERT INTO bookings (id, reference_code, appointment_type, for_kitchen, customer_name, customer_email,
                            customer_phone, customer_postcode, slot_id, consultant_id, starts_at, ends_at, status)
                        SELECT ?::uuid, 'BK-TEST-' || substr(?, 1, 8), 'ONLINE', true, 'X', 'x@example.com', '+447700900000',
                               'SW1A 1AA', slot_id, consultant_id, starts_at + interval '30 minutes', ends_at, 'CONFIRMED'
                        FROM bookings WHERE id = ?::uuid""")
                .params(id, id, booked.data().get("id").asString()).update();
        String second = UUID.randomUUID().toString();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> insertOverlap.apply(second))
                .hasMessageContaining("bookings_no_double_booking");
    }
}
