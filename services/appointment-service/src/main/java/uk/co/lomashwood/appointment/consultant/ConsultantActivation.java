package uk.co.lomashwood.appointment.consultant;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import uk.co.lomashwood.platform.core.error.ApiException;
import uk.co.lomashwood.platform.core.error.ErrorCode;
import uk.co.lomashwood.platform.events.outbox.OutboxPublisher;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Activate, deactivate and delete consultants (spec 30 §1.4.12). Deactivation blocks future free slots and lists the
 * bookings staff must rebook; deletion is refused while future bookings exist.
 */
@Service
public class ConsultantActivation {

    private final Consultants consultants;
    private final ConsultantBookingsGuard guard;
    private final OutboxPublisher outbox;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    public ConsultantActivation(Consultants consultants, ConsultantBookingsGuard guard, OutboxPublisher outbox,
                                ApplicationEventPublisher events, Clock clock) {
        this.consultants = consultants;
        this.guard = guard;
        this.outbox = outbox;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public Consultant activate(UUID id, UUID actor) {
        existing(id);
        Instant now = clock.instant();
        guard.setActive(id, true, now);
        guard.unblockSlots(id, now);
        publish(id, "ACTIVATED", List.of(), actor);
        events.publishEvent(new ConsultantScheduleChanged(id));
        return existing(id);
    }

    /** @return the future bookings that still name this consultant */
    @Transactional
    public List<UUID> deactivate(UUID id, UUID actor) {
        existing(id);
        Instant now = clock.instant();
        guard.setActive(id, false, now);
        guard.blockFreeSlots(id, now);
        List<UUID> affected = guard.futureActiveBookings(id, now);
        publish(id, "DEACTIVATED", affected, actor);
        events.publishEvent(new ConsultantScheduleChanged(id));
        return affected;
    }

    @Transactional
    public void delete(UUID id, UUID actor) {
        existing(id);
        Instant now = clock.instant();
        if (!guard.futureActiveBookings(id, now).isEmpty()) {
            throw new ApiException(ErrorCode.CONSULTANT_HAS_ACTIVE_BOOKINGS, "Move or cancel this consultant's bookings first.");
        }
        guard.softDelete(id, now);
        publish(id, "DELETED", List.of(), actor);
        events.publishEvent(new ConsultantScheduleChanged(id));
    }

    private Consultant existing(UUID id) {
        return consultants.find(id).orElseThrow(() -> new ApiException(ErrorCode.CONSULTANT_NOT_FOUND, "No consultant with this id."));
    }

    private void publish(UUID id, String updateType, List<UUID> affected, UUID actor) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("consultantId", id);
        data.put("updateType", updateType);
        data.put("changedFields", List.of("isActive"));
        data.put("affectedBookingIds", affected);
        data.put("updatedBy", actor);
        outbox.publish("appointment.consultant.updated", id.toString(), data);
    }
}
