package uk.co.lomashwood.appointment.slot;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import uk.co.lomashwood.platform.core.error.ApiException;
import uk.co.lomashwood.platform.core.error.ErrorCode;
import uk.co.lomashwood.platform.core.error.ValidationException;

import java.time.Clock;
import java.util.UUID;

/** Staff blocking and unblocking of single slots; a booked slot is never touched (spec 30 §1.4.12). */
@Service
public class SlotAdministration {

    private final Slots slots;
    private final GridCache cache;
    private final Clock clock;

    public SlotAdministration(Slots slots, GridCache cache, Clock clock) {
        this.slots = slots;
        this.cache = cache;
        this.clock = clock;
    }

    @Transactional
    public TimeSlot setStatus(UUID id, TimeSlot.SlotStatus status, String blockReason) {
        TimeSlot slot = slots.lock(id).filter(s -> !s.deleted())
                .orElseThrow(() -> new ApiException(ErrorCode.SLOT_NOT_FOUND, "No slot with this id."));
        if (slot.status() == TimeSlot.SlotStatus.BOOKED) {
            throw new ApiException(ErrorCode.SLOT_ALREADY_BOOKED, "A booked slot cannot be changed; move the booking first.");
        }
        if (status == TimeSlot.SlotStatus.BOOKED) {
            throw ValidationException.of("status", "must be AVAILABLE or BLOCKED");
        }
        slots.setStatus(id, status, status == TimeSlot.SlotStatus.BLOCKED ? blockReason : null, clock.instant());
        cache.invalidate(slot.localDate(), slot.localDate());
        return slots.find(id).orElseThrow();
    }

    @Transactional
    public void delete(UUID id) {
        TimeSlot slot = slots.lock(id).filter(s -> !s.deleted())
                .orElseThrow(() -> new ApiException(ErrorCode.SLOT_NOT_FOUND, "No slot with this id."));
        if (slot.status() == TimeSlot.SlotStatus.BOOKED) {
            throw new ApiException(ErrorCode.SLOT_ALREADY_BOOKED, "A booked slot cannot be deleted; move the booking first.");
        }
        slots.softDelete(id, clock.instant());
        cache.invalidate(slot.localDate(), slot.localDate());
    }
}
