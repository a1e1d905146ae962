package uk.co.lomashwood.appointment.consultant;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import uk.co.lomashwood.appointment.common.London;
import uk.co.lomashwood.appointment.common.Specialisation;
import uk.co.lomashwood.appointment.consultant.ConsultantRequests.NewAvailability;
import uk.co.lomashwood.appointment.consultant.ConsultantRequests.NewConsultant;
import uk.co.lomashwood.appointment.showroom.Showrooms;
import uk.co.lomashwood.platform.core.error.ApiException;
import uk.co.lomashwood.platform.core.error.ErrorCode;
import uk.co.lomashwood.platform.core.error.ValidationException;
import uk.co.lomashwood.platform.events.outbox.OutboxPublisher;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** Registers consultants and their working patterns; slot generation follows each change. */
@Service
public class ConsultantRoster {

    private final Consultants consultants;
    private final AvailabilityRules rules;
    private final Showrooms showrooms;
    private final OutboxPublisher outbox;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    public ConsultantRoster(Consultants consultants, AvailabilityRules rules, Showrooms showrooms, OutboxPublisher outbox,
                            ApplicationEventPublisher events, Clock clock) {
        this.consultants = consultants;
        this.rules = rules;
        this.showrooms = showrooms;
        this.outbox = outbox;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public Consultant register(NewConsultant r, UUID actor) {
        String email = r.email().trim().toLowerCase(Locale.ROOT);
        if (consultants.emailTaken(email)) {
            throw new ApiException(ErrorCode.CONSULTANT_ALREADY_EXISTS, "A consultant with this email already exists.");
        }
        if (r.showroomId() != null && showrooms.find(r.showroomId()).isEmpty()) {
            throw ApiException.reference(ErrorCode.SHOWROOM_NOT_FOUND, "No showroom with this id.");
        }
        Consultant consultant = new Consultant(UUID.randomUUID(), r.userId(), r.name().trim(), email, r.phone(), r.bio(),
                r.avatarUrl(), r.specialisation() == null ? Specialisation.BOTH : r.specialisation(), r.showroomId(),
                r.coverageAreas() == null ? List.of() : r.coverageAreas(),
                r.maxDailyBookings() == null ? 8 : r.maxDailyBookings(), true, true);
        consultants.insert(consultant);
        publishUpdate(consultant.id(), "PROFILE_UPDATED", actor);
        return consultant;
    }

    /** {@code self}: a consultant editing their own profile, limited to bio, avatar and phone. */
    @Transactional
    public Consultant update(UUID id, ConsultantRequests.ConsultantPatch patch, UUID actor, boolean self) {
        Consultant current = consultants.find(id).orElseThrow(() ->
                new ApiException(ErrorCode.CONSULTANT_NOT_FOUND, "No consultant with this id."));
        if (self && !patch.onlySelfServiceFields()) {
            throw ValidationException.of("name", "consultants may change only bio, avatarUrl and phone");
        }
        Consultant updated = patch.over(current);
        if (!updated.email().equals(current.email()) && consultants.emailTaken(updated.email())) {
            throw new ApiException(ErrorCode.CONSULTANT_ALREADY_EXISTS, "A consultant with this email already exists.");
        }
        if (patch.showroomId() != null && showrooms.find(patch.showroomId()).isEmpty()) {
            throw ApiException.reference(ErrorCode.SHOWROOM_NOT_FOUND, "No showroom with this id.");
        }
        consultants.update(updated);
        publishUpdate(id, patch.showroomId() != null ? "SHOWROOM_ASSIGNED"
                : patch.specialisation() != null ? "SPECIALISATION_UPDATED" : "PROFILE_UPDATED", actor);
        if (patch.showroomId() != null) {
            events.publishEvent(new ConsultantScheduleChanged(id));
        }
        return updated;
    }

    @Transactional
    public AvailabilityRule addAvailability(NewAvailability r, UUID actor) {
        consultants.find(r.consultantId()).orElseThrow(() ->
                ApiException.reference(ErrorCode.CONSULTANT_NOT_FOUND, "No consultant with this id."));
        boolean recurring = r.isRecurring() == null || r.isRecurring();
        LocalTime start = LocalTime.parse(r.startTime());
        LocalTime end = "24:00".equals(r.endTime()) ? LocalTime.MAX : LocalTime.parse(r.endTime());
        if (!start.isBefore(end)) {
            throw ValidationException.of("endTime", "must be after startTime");
        }
        if (recurring && r.dayOfWeek() == null) {
            throw ValidationException.of("dayOfWeek", "is required for a weekly rule");
        }
        LocalDate date = r.specificDate();
        if (!recurring) {
            LocalDate today = London.today(clock);
            if (date == null || date.isBefore(today) || date.isAfter(today.plusDays(365))) {
                throw ValidationException.of("specificDate", "is required, not in the past and at most 365 days ahead");
            }
        }
        AvailabilityRule rule = new AvailabilityRule(UUID.randomUUID(), r.consultantId(),
                recurring ? r.dayOfWeek() : date.getDayOfWeek(), start, end, recurring, recurring ? null : date,
                Boolean.TRUE.equals(r.isBlocked()), r.blockReason(), r.validFrom(), r.validTo());
        rules.insert(rule);
        publishUpdate(r.consultantId(), "AVAILABILITY_UPDATED", actor);
        events.publishEvent(new ConsultantScheduleChanged(r.consultantId()));
        return rule;
    }

    private void publishUpdate(UUID consultantId, String updateType, UUID actor) {
        Map<String, Object> data = new java.util.LinkedHashMap<>();
        data.put("consultantId", consultantId);
        data.put("updateType", updateType);
        data.put("changedFields", List.of());
        data.put("affectedBookingIds", List.of());
        data.put("updatedBy", actor);
        outbox.publish("appointment.consultant.updated", consultantId.toString(), data);
    }
}
