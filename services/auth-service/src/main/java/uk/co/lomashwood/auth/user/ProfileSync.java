package uk.co.lomashwood.auth.user;

import org.springframework.stereotype.Component;
import uk.co.lomashwood.auth.support.PhoneNumbers;
import uk.co.lomashwood.platform.events.EventEnvelope;
import uk.co.lomashwood.platform.events.EventHandler;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Consumes {@code customer.profile.updated} (spec 10 §2.6): customer-service edits customers' names and
 * phone; auth-service keeps its copy in step. Other changed fields are not ours.
 */
@Component
public class ProfileSync implements EventHandler {

    record ProfileUpdated(UUID userId, List<String> updatedFields, String firstName, String lastName, String phone) {
    }

    private final UserRepository users;
    private final Clock clock;

    public ProfileSync(UserRepository users, Clock clock) {
        this.users = users;
        this.clock = clock;
    }

    @Override
    public Set<String> topics() {
        return Set.of("customer.profile.updated");
    }

    @Override
    public void handle(EventEnvelope event) {
        ProfileUpdated update = event.dataAs(ProfileUpdated.class);
        if (update.userId() == null) {
            return;
        }
        List<String> fields = update.updatedFields() == null ? List.of() : update.updatedFields();
        users.findById(update.userId()).filter(u -> u.status() != UserStatus.DELETED).ifPresent(user -> {
            String phone = fields.contains("phone") && update.phone() != null
                    ? PhoneNumbers.toE164(update.phone()).orElse(null) : null;
            user.copyProfile(fields.contains("firstName") ? blankToNull(update.firstName()) : null,
                    fields.contains("lastName") ? blankToNull(update.lastName()) : null, phone, clock);
        });
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
