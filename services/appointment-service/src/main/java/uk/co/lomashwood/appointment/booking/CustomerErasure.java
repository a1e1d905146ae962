package uk.co.lomashwood.appointment.booking;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import uk.co.lomashwood.appointment.common.Actor;
import uk.co.lomashwood.appointment.common.Sql;
import uk.co.lomashwood.platform.events.EventEnvelope;
import uk.co.lomashwood.platform.events.EventHandler;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * {@code customer.user.erased} (NFR2.2, spec 30 §1.4.12): future active bookings are cancelled by SYSTEM, then every
 * booking of the user is anonymised.
 */
@Component
public class CustomerErasure implements EventHandler {

    record Erased(UUID userId) {
    }

    private final JdbcClient jdbc;
    private final Bookings bookings;
    private final BookingCancellation cancellation;
    private final Clock clock;

    public CustomerErasure(JdbcClient jdbc, Bookings bookings, BookingCancellation cancellation, Clock clock) {
        this.jdbc = jdbc;
        this.bookings = bookings;
        this.cancellation = cancellation;
        this.clock = clock;
    }

    @Override
    public Set<String> topics() {
        return Set.of("customer.user.erased");
    }

    @Override
    public void handle(EventEnvelope event) {
        UUID userId = event.dataAs(Erased.class).userId();
        if (userId == null) {
            return;
        }
        List<UUID> future = jdbc.sql("""
                        SELECT id FROM bookings WHERE user_id = ? AND status IN ('PENDING', 'CONFIRMED')
                          AND deleted_at IS NULL AND starts_at > ?""")
                .params(userId, Sql.ts(clock.instant())).query(UUID.class).list();
        for (UUID id : future) {
            bookings.lock(id).ifPresent(booking -> {
                booking.cancel(Actor.SYSTEM, "Customer account erased", clock);
                cancellation.apply(booking, null);
            });
        }
        jdbc.sql("""
                        UPDATE bookings SET customer_name = 'Deleted User', customer_email = 'deleted-' || user_id || '@erased.invalid',
                            customer_phone = NULL, customer_address = NULL, notes = NULL,
                            customer_postcode = split_part(customer_postcode, ' ', 1), updated_at = now()
                        WHERE user_id = ?""")
                .param(userId).update();
    }
}
