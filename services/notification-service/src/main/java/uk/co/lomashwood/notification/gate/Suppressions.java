package uk.co.lomashwood.notification.gate;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import uk.co.lomashwood.notification.message.Channel;
import uk.co.lomashwood.notification.message.PreferenceTopic;
import uk.co.lomashwood.platform.core.id.Uuids;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.UUID;

/**
 * The address-level suppression list (spec 40 §1.2, hashed addresses). Bounces and invalid recipients block
 * every message; unsubscribes and manual entries block only messages that have a preference topic.
 */
@Component
public class Suppressions {

    private final JdbcClient jdbc;
    private final Clock clock;

    public Suppressions(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** @param topic null for a mandatory message */
    public boolean suppressed(Channel channel, String address, PreferenceTopic topic) {
        return jdbc.sql("""
                        SELECT count(*) FROM notification_suppressions
                        WHERE channel = ? AND address_hash = ? AND (expires_at IS NULL OR expires_at > ?)
                          AND (reason IN ('HARD_BOUNCE', 'INVALID_RECIPIENT')
                               OR (CAST(? AS varchar) IS NOT NULL AND (topic IS NULL OR topic = CAST(? AS varchar))))""")
                .params(channel.name(), Addresses.hash(address), Timestamp.from(clock.instant()),
                        topic == null ? null : topic.name(), topic == null ? null : topic.name())
                .query(Long.class).single() > 0;
    }

    /** @param topic null for every non-mandatory topic */
    public void add(Channel channel, String address, UUID userId, PreferenceTopic topic, String reason, String source) {
        jdbc.sql("""
                        INSERT INTO notification_suppressions (id, channel, address_hash, address_masked, user_id, topic,
                            reason, source)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                .params(Uuids.v7(), channel.name(), Addresses.hash(address), Addresses.mask(address), userId,
                        topic == null ? null : topic.name(), reason, source)
                .update();
    }

    /** A new, confirmed opt-in for a topic lifts an earlier unsubscribe from it (bounces and complaints stay). */
    public void lift(Channel channel, String address, PreferenceTopic topic) {
        // topic null: the every-topic entry (e.g. Twilio STOP, lifted by START)
        jdbc.sql("DELETE FROM notification_suppressions WHERE channel = ? AND address_hash = ? "
                        + "AND COALESCE(topic, '*') = ? AND reason = 'UNSUBSCRIBED'")
                .params(channel.name(), Addresses.hash(address), topic == null ? "*" : topic.name()).update();
    }
}
