package uk.co.lomashwood.auth.session;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import uk.co.lomashwood.auth.support.AssignedIdEntity;
import uk.co.lomashwood.auth.support.ClientInfo;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * One generation of a session's refresh token; only the SHA-256 of the opaque value is stored. The
 * family is the session id (spec 10 §2.5.4).
 */
@Entity
@Table(name = "refresh_tokens")
public class RefreshToken extends AssignedIdEntity {

    /** A token used this recently is a parallel tab, not a thief. */
    static final Duration REUSE_GRACE = Duration.ofSeconds(30);

    private UUID userId;
    private String tokenHash;
    private String family;
    private int generation;
    private boolean isUsed;
    private boolean isRevoked;
    private Instant usedAt;
    private Instant revokedAt;
    private Instant expiresAt;
    private String ipAddress;
    private String userAgent;
    private Instant createdAt;
    private Instant updatedAt;

    protected RefreshToken() {
    }

    private RefreshToken(UUID id) {
        super(id);
    }

    static RefreshToken issue(Session session, int generation, String tokenHash, Instant expiresAt,
                              ClientInfo client, Instant now) {
        RefreshToken token = new RefreshToken(UUID.randomUUID());
        token.userId = session.userId();
        token.family = session.id().toString();
        token.generation = generation;
        token.tokenHash = tokenHash;
        token.expiresAt = expiresAt;
        token.ipAddress = client.ipAddress();
        token.userAgent = client.userAgent();
        token.createdAt = now;
        token.updatedAt = now;
        return token;
    }

    /** Used before the grace period: presenting it again means someone else holds a copy. */
    boolean isReplayed(Instant now) {
        return isUsed && usedAt != null && usedAt.plus(REUSE_GRACE).isBefore(now);
    }

    /** Used within the grace period, e.g. by a parallel browser tab. */
    boolean isRecentlyRotated(Instant now) {
        return isUsed && !isReplayed(now);
    }

    boolean isExpired(Instant now) {
        return !expiresAt.isAfter(now);
    }

    void markUsed(Instant now) {
        isUsed = true;
        usedAt = now;
        updatedAt = now;
    }

    UUID sessionId() {
        return UUID.fromString(family);
    }

    boolean isRevoked() { return isRevoked; }
    int generation() { return generation; }
    UUID userId() { return userId; }
}
