package uk.co.lomashwood.notification.internal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import uk.co.lomashwood.notification.message.Channel;
import uk.co.lomashwood.notification.message.Priority;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** Body of {@code POST /internal/notifications} (spec 40 §1.3 Internal). */
public record SendRequest(
        @NotBlank @Size(max = 100) @Pattern(regexp = "^[a-z0-9]+(?:-[a-z0-9]+)*$", message = "must be kebab-case")
        String templateSlug,
        @NotNull Channel channel,
        @NotNull @Valid RecipientBody recipient,
        @Size(max = 100) Map<String, Object> variables,
        Priority priority,
        Instant scheduledAt,
        @Valid SourceBody source) {

    public record RecipientBody(UUID userId, @Email @Size(max = 320) String email,
                                @Pattern(regexp = "^\\+[1-9]\\d{7,14}$", message = "must be E.164") String phone) {

        @AssertTrue(message = "needs userId, email or phone")
        public boolean isAddressed() {
            return userId != null || (email != null && !email.isBlank()) || (phone != null && !phone.isBlank());
        }
    }

    public record SourceBody(@Size(max = 100) String topic, @Size(max = 64) String eventId,
                             @Size(max = 40) String entityType, @Size(max = 64) String entityId) {
    }
}
