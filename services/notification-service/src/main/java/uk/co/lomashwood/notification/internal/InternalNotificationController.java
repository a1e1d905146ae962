package uk.co.lomashwood.notification.internal;

import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import uk.co.lomashwood.notification.dispatch.NotificationIntake;
import uk.co.lomashwood.notification.dispatch.NotificationRequest;
import uk.co.lomashwood.notification.message.Recipient;
import uk.co.lomashwood.platform.web.idempotency.Idempotent;
import uk.co.lomashwood.platform.web.request.RequestIds;
import uk.co.lomashwood.platform.web.response.ApiResponse;

import java.util.UUID;

/**
 * {@code POST /internal/notifications}: service-to-service sends of secret-carrying messages (auth-service's
 * verification and reset emails). The platform replays a used {@code Idempotency-Key}; the key is also the
 * notification's own idempotency key, so a replay after the 24 h platform window still sends nothing new.
 */
@RestController
public class InternalNotificationController {

    public record Accepted(UUID notificationId, String status) {
    }

    private final ApiSends sends;

    public InternalNotificationController(ApiSends sends) {
        this.sends = sends;
    }

    @PostMapping("/internal/notifications")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Idempotent(required = true)
    public ApiResponse<Accepted> send(@RequestHeader("Idempotency-Key") String idempotencyKey,
                                      @Valid @RequestBody SendRequest body) {
        SendRequest.SourceBody source = body.source();
        NotificationRequest.SourceRef ref = source == null
                ? new NotificationRequest.SourceRef(null, null, null, null, RequestIds.current())
                : new NotificationRequest.SourceRef(source.topic(), source.eventId(), source.entityType(),
                        source.entityId(), RequestIds.current());
        NotificationIntake.Accepted accepted = sends.send(body.templateSlug(), body.channel(),
                Recipient.customer(body.recipient().userId(), body.recipient().email(), body.recipient().phone()),
                body.variables(), body.priority(), body.scheduledAt(), ref, "api:" + idempotencyKey, false);
        return ApiResponse.of(new Accepted(accepted.notificationId(), accepted.status().name()));
    }
}
