package uk.co.lomashwood.appointment.consultant;

import com.fasterxml.jackson.annotation.JsonInclude;
import uk.co.lomashwood.appointment.common.Specialisation;

import java.util.List;
import java.util.UUID;

/** Public consultants carry no email or phone; admins see everything. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ConsultantView(UUID id, String name, String bio, String avatarUrl, Specialisation specialisation,
                             UUID showroomId, String email, String phone, UUID userId, List<String> coverageAreas,
                             Integer maxDailyBookings, Boolean isActive, Boolean isAvailable,
                             List<AvailabilityRule> availability) {

    static ConsultantView of(Consultant c, boolean admin, List<AvailabilityRule> availability) {
        return new ConsultantView(c.id(), c.name(), c.bio(), c.avatarUrl(), c.specialisation(), c.showroomId(),
                admin ? c.email() : null, admin ? c.phone() : null, admin ? c.userId() : null,
                admin ? c.coverageAreas() : null, admin ? c.maxDailyBookings() : null, admin ? c.isActive() : null,
                admin ? c.isAvailable() : null, availability);
    }
}
