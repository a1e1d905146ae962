package uk.co.lomashwood.auth.session;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import uk.co.lomashwood.auth.support.AssignedIdEntity;
import uk.co.lomashwood.auth.support.ClientInfo;
import uk.co.lomashwood.platform.core.security.Role;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * A signed-in device (spec 10 §2.5.3). Customers and consultants: 7 days sliding, capped 30 days after
 * creation; ADMIN and SUPER_ADMIN: 8 hours absolute, no sliding beyond it.
 */
@Entity
@Table(name = "sessions")
public class Session extends AssignedIdEntity {

    static final Duration SLIDING = Duration.ofDays(7);
    static final Duration ABSOLUTE = Duration.ofDays(30);
    static final Duration STAFF_ABSOLUTE = Duration.ofHours(8);

    private UUID userId;
    private String ipAddress;
    private String userAgent;
    private String deviceType;
    private String browser;
    private String os;
    private boolean isActive;
    private Instant expiresAt;
    private Instant absoluteExpiresAt;
    private Instant lastAccessAt;
    private Instant revokedAt;
    private String revokedReason;
    private boolean mfaVerified;
    private Instant mfaVerifiedAt;
    private Instant createdAt;
    private Instant updatedAt;

    protected Session() {
    }

    private Session(UUID id) {
        super(id);
    }

    public static Session open(UUID userId, Role role, ClientInfo client, boolean mfaVerified, Clock clock) {
        Instant now = clock.instant();
        Session session = new Session(UUID.randomUUID());
        session.userId = userId;
        session.ipAddress = client.ipAddress();
        session.userAgent = client.userAgent();
        Device device = Device.parse(client.userAgent());
        session.deviceType = device.type();
        session.browser = device.browser();
        session.os = device.os();
        session.isActive = true;
        session.absoluteExpiresAt = now.plus(role.isStaffAdmin() ? STAFF_ABSOLUTE : ABSOLUTE);
        session.expiresAt = earliest(now.plus(SLIDING), session.absoluteExpiresAt);
        session.lastAccessAt = now;
        session.mfaVerified = mfaVerified;
        session.mfaVerifiedAt = mfaVerified ? now : null;
        session.createdAt = now;
        session.updatedAt = now;
        return session;
    }

    /** Usable for a refresh: active, not revoked, and neither expiry reached. */
    public boolean isLive(Instant now) {
        return isActive && revokedAt == null && expiresAt.isAfter(now) && absoluteExpiresAt.isAfter(now);
    }

    /** Moves the sliding expiry to now + 7 days, never beyond the absolute cap. */
    public void slide(Clock clock) {
        Instant now = clock.instant();
        expiresAt = earliest(now.plus(SLIDING), absoluteExpiresAt);
        lastAccessAt = now;
        updatedAt = now;
    }

    /** @return false when it was already revoked */
    public boolean revoke(String reason, Clock clock) {
        if (!isActive && revokedAt != null) {
            return false;
        }
        isActive = false;
        revokedAt = clock.instant();
        revokedReason = reason;
        updatedAt = revokedAt;
        return true;
    }

    private static Instant earliest(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    public UUID userId() { return userId; }
    public String ipAddress() { return ipAddress; }
    public String userAgent() { return userAgent; }
    public String deviceType() { return deviceType; }
    public String browser() { return browser; }
    public String os() { return os; }
    public boolean isActive() { return isActive; }
    public Instant expiresAt() { return expiresAt; }
    public Instant absoluteExpiresAt() { return absoluteExpiresAt; }
    public Instant lastAccessAt() { return lastAccessAt; }
    public Instant revokedAt() { return revokedAt; }
    public String revokedReason() { return revokedReason; }
    public boolean mfaVerified() { return mfaVerified; }
    public Instant createdAt() { return createdAt; }
}
