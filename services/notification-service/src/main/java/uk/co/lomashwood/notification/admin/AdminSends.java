package uk.co.lomashwood.notification.admin;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import uk.co.lomashwood.notification.directory.DeviceTokens;
import uk.co.lomashwood.notification.dispatch.NotificationIntake;
import uk.co.lomashwood.notification.dispatch.NotificationRequest;
import uk.co.lomashwood.notification.internal.ApiSends;
import uk.co.lomashwood.notification.message.Channel;
import uk.co.lomashwood.notification.message.Priority;
import uk.co.lomashwood.notification.message.Recipient;
import uk.co.lomashwood.platform.core.error.ApiException;
import uk.co.lomashwood.platform.core.error.ErrorCode;
import uk.co.lomashwood.platform.core.id.Uuids;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Ad-hoc and bulk sends by an admin (spec 40 §1.3 "Admin — notifications, ad-hoc and bulk sends") with an ACTIVE
 * template; every recipient goes through the normal gatekeeping. A bulk send takes 1–500 recipients, never aborts on
 * one bad recipient, and groups its notifications under a {@code batchId} that can be summarised and cancelled.
 */
@Component
public class AdminSends {

    public record To(@Size(max = 254) String email, @Size(max = 100) String name,
                     @Pattern(regexp = "^\\+[1-9]\\d{7,14}$", message = "must be E.164") String phone, UUID userId) {
    }

    public record Send(@NotNull Channel channel, @NotBlank @Size(max = 100) String templateSlug, @NotNull @Valid To to,
                       @Size(max = 100) Map<String, Object> variables, Priority priority, Instant scheduledAt,
                       UUID recipientId) {
    }

    public record BulkRecipient(@NotNull @Valid To to, @Size(max = 100) Map<String, Object> variables) {
    }

    public record Bulk(@NotNull Channel channel, @NotBlank @Size(max = 100) String templateSlug,
                       @NotNull @Size(min = 1, max = 500) List<@NotNull @Valid BulkRecipient> recipients,
                       @Size(max = 100) Map<String, Object> variables, Priority priority, Instant scheduledAt,
                       @Size(max = 255) String batchId) {
    }

    public record Accepted(UUID notificationId, String status, Instant scheduledAt) {
    }

    public record Rejected(int index, String code) {
    }

    public record BulkAccepted(String batchId, int totalQueued, int totalRejected, List<Rejected> rejected) {
    }

    public record Batch(String batchId, String status, long totalQueued, long processed, long sent, long delivered,
                        long bounced, long failed, long suppressed, long cancelled) {
    }

    private final ApiSends sends;
    private final DeviceTokens devices;
    private final JdbcClient jdbc;
    private final Clock clock;

    public AdminSends(ApiSends sends, DeviceTokens devices, JdbcClient jdbc, Clock clock) {
        this.sends = sends;
        this.devices = devices;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public Accepted send(Send request, String idempotencyKey) {
        when(request.scheduledAt());
        Recipient recipient = recipient(request.channel(), request.to(), request.recipientId());
        NotificationIntake.Accepted accepted = sends.send(request.templateSlug(), request.channel(), recipient,
                named(request.variables(), request.to()), request.priority(), request.scheduledAt(), NotificationRequest.SourceRef.NONE,
                "admin:" + (idempotencyKey == null ? Uuids.v7() : idempotencyKey), false);
        return new Accepted(accepted.notificationId(), accepted.status().name(), request.scheduledAt());
    }

    public BulkAccepted bulk(Bulk request) {
        when(request.scheduledAt());
        String batchId = request.batchId() == null ? "batch_" + Uuids.v7() : request.batchId();
        List<Rejected> rejected = new ArrayList<>();
        int queued = 0;
        for (int i = 0; i < request.recipients().size(); i++) {
            BulkRecipient item = request.recipients().get(i);
            Map<String, Object> variables = new HashMap<>(request.variables() == null ? Map.of() : request.variables());
            if (item.variables() != null) {
                variables.putAll(item.variables());
            }
            try {
                NotificationIntake.Accepted accepted = sends.send(request.templateSlug(), request.channel(),
                        recipient(request.channel(), item.to(), null), named(variables, item.to()), priority(request),
                        request.scheduledAt(), NotificationRequest.SourceRef.NONE, batchId + ":" + i, false);
                jdbc.sql("UPDATE notifications SET batch_id = ? WHERE id = ?").params(batchId, accepted.notificationId())
                        .update();
                queued++;
            } catch (ApiException e) {
                rejected.add(new Rejected(i, e.code().name()));
            }
        }
        return new BulkAccepted(batchId, queued, rejected.size(), rejected);
    }

    public Batch batch(String batchId) {
        Map<String, Object> row = jdbc.sql("""
                        SELECT count(*) AS total,
                            count(*) FILTER (WHERE status NOT IN ('PENDING', 'SCHEDULED', 'QUEUED', 'PROCESSING')) AS processed,
                            count(*) FILTER (WHERE sent_at IS NOT NULL) AS sent,
                            count(*) FILTER (WHERE status = 'DELIVERED') AS delivered,
                            count(*) FILTER (WHERE status = 'BOUNCED') AS bounced,
                            count(*) FILTER (WHERE status IN ('FAILED', 'DEAD_LETTERED')) AS failed,
                            count(*) FILTER (WHERE status = 'SUPPRESSED') AS suppressed,
                            count(*) FILTER (WHERE status = 'CANCELLED') AS cancelled
                        FROM notifications WHERE batch_id = ?""")
                .param(batchId).query().singleRow();
        long total = n(row, "total");
        if (total == 0) {
            throw new ApiException(ErrorCode.BATCH_NOT_FOUND, "No such batch.");
        }
        long processed = n(row, "processed");
        String status = processed == total ? (n(row, "cancelled") == total ? "CANCELLED" : "COMPLETED")
                : processed == 0 ? "QUEUED" : "RUNNING";
        return new Batch(batchId, status, total, processed, n(row, "sent"), n(row, "delivered"), n(row, "bounced"),
                n(row, "failed"), n(row, "suppressed"), n(row, "cancelled"));
    }

    public Batch cancel(String batchId) {
        batch(batchId);
        jdbc.sql("""
                        UPDATE notifications SET status = 'CANCELLED', status_reason = 'CANCELLED_BY_ADMIN', updated_at = now()
                        WHERE batch_id = ? AND status IN ('PENDING', 'SCHEDULED', 'QUEUED')""")
                .param(batchId).update();
        return batch(batchId);
    }

    private Recipient recipient(Channel channel, To to, UUID recipientId) {
        UUID userId = to.userId() != null ? to.userId() : recipientId;
        switch (channel) {
            case EMAIL -> require(to.email() != null && to.email().contains("@"), "to.email is required for EMAIL");
            case SMS -> require(to.phone() != null, "to.phone is required for SMS");
            case PUSH -> {
                require(to.userId() != null, "to.userId is required for PUSH");
                if (devices.activeTokens(to.userId()).isEmpty()) {
                    throw new ApiException(ErrorCode.PUSH_NO_TOKENS_REGISTERED, "The user has no active device.");
                }
            }
        }
        return Recipient.customer(userId, channel == Channel.EMAIL ? to.email() : null,
                channel == Channel.SMS ? to.phone() : null);
    }

    private static Map<String, Object> named(Map<String, Object> variables, To to) {
        Map<String, Object> all = new HashMap<>(variables == null ? Map.of() : variables);
        if (to.name() != null) {
            all.putIfAbsent("customerName", to.name());
        }
        return all;
    }

    private void when(Instant scheduledAt) {
        if (scheduledAt != null && (!scheduledAt.isAfter(clock.instant())
                || scheduledAt.isAfter(clock.instant().plus(Duration.ofDays(30))))) {
            throw new ApiException(ErrorCode.VALIDATION_ERROR, "scheduledAt must be in the future and at most 30 days ahead");
        }
    }

    private static Priority priority(Bulk request) {
        return request.priority() == null ? Priority.NORMAL : request.priority();
    }


    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new ApiException(ErrorCode.VALIDATION_ERROR, message);
        }
    }

    private static long n(Map<String, Object> row, String key) {
        return ((Number) row.get(key)).longValue();
    }
}
