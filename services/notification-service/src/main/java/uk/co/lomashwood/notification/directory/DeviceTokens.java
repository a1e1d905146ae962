package uk.co.lomashwood.notification.directory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import uk.co.lomashwood.platform.core.id.Uuids;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Push device registrations: at most 10 active per user, the least recently seen deactivated first. */
@Component
public class DeviceTokens {

    static final int MAX_ACTIVE = 10;

    public record Device(UUID id, String provider, String platform, boolean isActive, Instant lastSeenAt) {
    }

    public record Registration(Device device, boolean created) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    public DeviceTokens(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional
    public Registration register(UUID userId, String token, String provider, String platform, String deviceId,
                                 String appVersion) {
        Timestamp now = Timestamp.from(clock.instant());
        Optional<UUID> existing = jdbc.sql("SELECT id FROM push_device_tokens WHERE token = ? FOR UPDATE")
                .param(token).query(UUID.class).optional();
        UUID id = existing.orElseGet(Uuids::v7);
        if (existing.isPresent()) {
            jdbc.sql("""
                            UPDATE push_device_tokens SET user_id = ?, provider = ?, platform = ?, device_id = ?,
                                app_version = ?, is_active = true, deactivated_at = NULL, failure_count = 0,
                                last_seen_at = ?, updated_at = ? WHERE id = ?""")
                    .params(userId, provider, platform, deviceId, appVersion, now, now, id).update();
        } else {
            jdbc.sql("""
                            INSERT INTO push_device_tokens (id, user_id, token, provider, platform, device_id, app_version,
                                last_seen_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(id, userId, token, provider, platform, deviceId, appVersion, now, now).update();
        }
        jdbc.sql("""
                        UPDATE push_device_tokens SET is_active = false, deactivated_at = ?, updated_at = ?
                        WHERE id IN (SELECT id FROM push_device_tokens WHERE user_id = ? AND is_active
                                     ORDER BY last_seen_at DESC OFFSET ?)""")
                .params(now, now, userId, MAX_ACTIVE).update();
        return new Registration(new Device(id, provider, platform, true, now.toInstant()), existing.isEmpty());
    }

    public boolean deactivate(UUID userId, UUID id) {
        Timestamp now = Timestamp.from(clock.instant());
        return jdbc.sql("""
                        UPDATE push_device_tokens SET is_active = false, deactivated_at = COALESCE(deactivated_at, ?),
                            updated_at = ? WHERE id = ? AND user_id = ?""")
                .params(now, now, id, userId).update() == 1;
    }

    public void deactivateToken(String token) {
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("UPDATE push_device_tokens SET is_active = false, deactivated_at = ?, updated_at = ? WHERE token = ?")
                .params(now, now, token).update();
    }

    public List<String> activeTokens(UUID userId) {
        return jdbc.sql("SELECT token FROM push_device_tokens WHERE user_id = ? AND is_active ORDER BY last_seen_at DESC")
                .param(userId).query(String.class).list();
    }
}
