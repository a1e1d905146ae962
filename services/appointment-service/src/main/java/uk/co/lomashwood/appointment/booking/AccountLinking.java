package uk.co.lomashwood.appointment.booking;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import uk.co.lomashwood.platform.events.EventEnvelope;
import uk.co.lomashwood.platform.events.EventHandler;

import java.util.Set;
import java.util.UUID;

/** {@code auth.email.verified}: guest bookings made with that email now belong to the account (spec 30 §1.4.9). */
@Component
public class AccountLinking implements EventHandler {

    record Verified(UUID userId, String email) {
    }

    private final JdbcClient jdbc;

    public AccountLinking(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Set<String> topics() {
        return Set.of("auth.email.verified");
    }

    @Override
    public void handle(EventEnvelope event) {
        Verified verified = event.dataAs(Verified.class);
        if (verified.userId() == null || verified.email() == null) {
            return;
        }
        jdbc.sql("UPDATE bookings SET user_id = ?, updated_at = now() WHERE customer_email = CAST(? AS citext) AND user_id IS NULL")
                .params(verified.userId(), verified.email()).update();
    }
}
