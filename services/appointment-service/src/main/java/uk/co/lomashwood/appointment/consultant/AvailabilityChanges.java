package uk.co.lomashwood.appointment.consultant;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import uk.co.lomashwood.appointment.consultant.ConsultantRequests.AvailabilityPatch;
import uk.co.lomashwood.platform.core.error.ApiException;
import uk.co.lomashwood.platform.core.error.ErrorCode;
import uk.co.lomashwood.platform.core.error.ValidationException;
import uk.co.lomashwood.platform.core.security.Role;
import uk.co.lomashwood.platform.web.security.UserContext;

import java.time.LocalTime;
import java.util.UUID;

/** Edits and removals of availability rules; slots follow through regeneration (booked slots are kept). */
@Service
public class AvailabilityChanges {

    private final AvailabilityRules rules;
    private final Consultants consultants;
    private final ApplicationEventPublisher events;

    public AvailabilityChanges(AvailabilityRules rules, Consultants consultants, ApplicationEventPublisher events) {
        this.rules = rules;
        this.consultants = consultants;
        this.events = events;
    }

    @Transactional
    public AvailabilityRule update(UUID id, AvailabilityPatch p, UserContext caller) {
        AvailabilityRule r = owned(id, caller);
        LocalTime start = p.startTime() != null ? LocalTime.parse(p.startTime()) : r.startTime();
        LocalTime end = p.endTime() == null ? r.endTime() : "24:00".equals(p.endTime()) ? LocalTime.MAX : LocalTime.parse(p.endTime());
        if (!start.isBefore(end)) {
            throw ValidationException.of("endTime", "must be after startTime");
        }
        AvailabilityRule updated = new AvailabilityRule(r.id(), r.consultantId(), r.dayOfWeek(), start, end, r.recurring(),
                r.specificDate(), p.isBlocked() != null ? p.isBlocked() : r.blocked(),
                p.blockReason() != null ? p.blockReason() : r.blockReason(),
                p.validFrom() != null ? p.validFrom() : r.validFrom(), p.validTo() != null ? p.validTo() : r.validTo());
        rules.update(updated);
        events.publishEvent(new ConsultantScheduleChanged(r.consultantId()));
        return updated;
    }

    @Transactional
    public void delete(UUID id, UserContext caller) {
        AvailabilityRule r = owned(id, caller);
        rules.delete(id);
        events.publishEvent(new ConsultantScheduleChanged(r.consultantId()));
    }

    /** Staff may change any rule, a consultant only their own; anything else is not found. */
    private AvailabilityRule owned(UUID id, UserContext caller) {
        return rules.find(id).filter(r -> caller.hasRole(Role.ADMIN) || consultants.find(r.consultantId())
                        .map(c -> caller.userId() != null && caller.userId().equals(c.userId())).orElse(false))
                .orElseThrow(() -> new ApiException(ErrorCode.AVAILABILITY_NOT_FOUND, "No availability rule with this id."));
    }
}
