package uk.co.lomashwood.notification.directory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import uk.co.lomashwood.notification.gate.Addresses;
import uk.co.lomashwood.notification.message.Channel;
import uk.co.lomashwood.platform.core.id.Uuids;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code notification_subscriptions}: the email and phone of each platform user, filled from auth events, so
 * that events carrying only a {@code userId} can still be delivered (spec 40 §1.4.2 recipient resolution).
 */
@Component
public class ContactDirectory {

    public record Contact(String address, String firstName) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    public ContactDirectory(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The email and phone an identity or profile event carries (either may be absent). */
    public void remember(UUID userId, String email, String phone, String firstName) {
        upsert(userId, Channel.EMAIL, email, firstName);
        upsert(userId, Channel.SMS, phone, firstName);
    }

    /** Makes {@code address} the user's primary address of the channel. */
    public void upsert(UUID userId, Channel channel, String address, String firstName) {
        if (userId == null || address == null || address.isBlank()) {
            return;
        }
        String normalised = channel == Channel.EMAIL ? Addresses.normalise(address) : address.trim();
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("UPDATE notification_subscriptions SET is_primary = false, updated_at = ? WHERE user_id = ? AND channel = ? AND address <> ?")
                .params(now, userId, channel.name(), normalised).update();
        jdbc.sql("""
                        INSERT INTO notification_subscriptions (id, user_id, channel, address, first_name, is_primary, updated_at)
                        VALUES (?, ?, ?, ?, ?, true, ?)
                        ON CONFLICT (user_id, channel, address) DO UPDATE SET is_primary = true,
                            first_name = COALESCE(EXCLUDED.first_name, notification_subscriptions.first_name),
                            updated_at = EXCLUDED.updated_at""")
                .params(Uuids.v7(), userId, channel.name(), normalised, firstName, now).update();
    }

    public Optional<Contact> primary(UUID userId, Channel channel) {
        if (userId == null) {
            return Optional.empty();
        }
        return jdbc.sql("""
                        SELECT address, first_name FROM notification_subscriptions
                        WHERE user_id = ? AND channel = ? AND status = 'SUBSCRIBED'
                        ORDER BY is_primary DESC, updated_at DESC LIMIT 1""")
                .params(userId, channel.name())
                .query((rs, n) -> new Contact(rs.getString(1), rs.getString(2))).optional();
    }

    /** A permanent bounce (SES): the address is no longer used to resolve recipients. */
    public void markBounced(String email) {
        jdbc.sql("UPDATE notification_subscriptions SET status = 'BOUNCED', updated_at = ? WHERE channel = 'EMAIL' AND address = ?")
                .params(Timestamp.from(clock.instant()), Addresses.normalise(email)).update();
    }

    /** The first name known for the user on any channel, for greetings. */
    public Optional<String> firstName(UUID userId) {
        return primary(userId, Channel.EMAIL).map(Contact::firstName);
    }
}
