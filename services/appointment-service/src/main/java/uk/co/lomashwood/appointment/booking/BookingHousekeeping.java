package uk.co.lomashwood.appointment.booking;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import uk.co.lomashwood.appointment.common.Actor;
import uk.co.lomashwood.appointment.common.Sql;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The state-changing parts of {@code auto-cancel-expired-slots} and {@code cleanup-bookings} (spec 30 §1.6):
 * confirmed bookings that ended over 2 h ago become COMPLETED (SYSTEM); PENDING holds are cancelled (SYSTEM) once
 * their start has passed or they are 48 h old. Rows are claimed with SKIP LOCKED, so instances never collide.
 */
@Service
public class BookingHousekeeping {

    private static final int BATCH = 200;

    private final JdbcClient jdbc;
    private final Bookings bookings;
    private final BookingQueries queries;
    private final BookingCancellation cancellation;
    private final BookingEvents events;
    private final Clock clock;

    public BookingHousekeeping(JdbcClient jdbc, Bookings bookings, BookingQueries queries, BookingCancellation cancellation,
                               BookingEvents events, Clock clock) {
        this.jdbc = jdbc;
        this.bookings = bookings;
        this.queries = queries;
        this.cancellation = cancellation;
        this.events = events;
        this.clock = clock;
    }

    /** @return bookings completed plus holds cancelled */
    @Transactional
    public int run() {
        Instant now = clock.instant();
        List<UUID> ended = claim("status = 'CONFIRMED' AND ends_at < ?", now.minus(Duration.ofHours(2)));
        for (UUID id : ended) {
            Booking booking = bookings.find(id).orElseThrow();
            booking.recordOutcome(BookingStatus.COMPLETED, Actor.SYSTEM, clock);
            bookings.updateState(booking, null, now);
            events.outcome(queries.find(id).orElseThrow());
        }
        List<UUID> stale = claim("status = 'PENDING' AND (starts_at <= ? OR created_at <= ?)", now, now.minus(Duration.ofHours(48)));
        for (UUID id : stale) {
            Booking booking = bookings.find(id).orElseThrow();
            booking.cancel(Actor.SYSTEM, "expired", clock);
            cancellation.apply(booking, null);
        }
        return ended.size() + stale.size();
    }

    private List<UUID> claim(String condition, Instant... instants) {
        var spec = jdbc.sql("SELECT id FROM bookings WHERE deleted_at IS NULL AND " + condition
                + " ORDER BY starts_at LIMIT " + BATCH + " FOR UPDATE SKIP LOCKED");
        for (Instant instant : instants) {
            spec = spec.param(Sql.ts(instant));
        }
        return spec.query(UUID.class).list();
    }
}
