package uk.co.lomashwood.auth.audit;

import uk.co.lomashwood.auth.support.ClientInfo;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * One audit record (spec 00 §3.13): the subject user, the acting user (null before authentication),
 * the resource, where the request came from, the outcome and an internal failure reason that is
 * never returned to the client. Metadata never holds secrets.
 */
public record AuditEntry(AuditAction action, UUID userId, Actor actor, String resource, String resourceId,
                         ClientInfo client, Map<String, Object> metadata, boolean success, String failureReason) {

    /** Who did it; {@link #NONE} before authentication and for jobs. */
    public record Actor(UUID userId, String role, UUID sessionId) {
        public static final Actor NONE = new Actor(null, null, null);
    }

    public AuditEntry {
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
        client = client == null ? ClientInfo.system() : client;
        actor = actor == null ? Actor.NONE : actor;
    }

    public static AuditEntry success(AuditAction action, UUID userId, ClientInfo client) {
        return new AuditEntry(action, userId, null, "user", userId == null ? null : userId.toString(), client,
                Map.of(), true, null);
    }

    public static AuditEntry failure(AuditAction action, UUID userId, ClientInfo client, String reason) {
        return new AuditEntry(action, userId, null, "user", userId == null ? null : userId.toString(), client,
                Map.of(), false, reason);
    }

    public AuditEntry by(UUID actorId, String actorRole, UUID sessionId) {
        return new AuditEntry(action, userId, new Actor(actorId, actorRole, sessionId), resource, resourceId, client,
                metadata, success, failureReason);
    }

    public AuditEntry on(String resourceType, Object id) {
        return new AuditEntry(action, userId, actor, resourceType, id == null ? null : id.toString(), client,
                metadata, success, failureReason);
    }

    public AuditEntry with(String key, Object value) {
        Map<String, Object> more = new LinkedHashMap<>(metadata);
        if (value != null) {
            more.put(key, value instanceof Enum<?> e ? e.name() : value);
        }
        return new AuditEntry(action, userId, actor, resource, resourceId, client, more, success, failureReason);
    }
}
