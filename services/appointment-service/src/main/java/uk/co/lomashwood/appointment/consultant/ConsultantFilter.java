package uk.co.lomashwood.appointment.consultant;

import uk.co.lomashwood.appointment.common.Specialisation;

import java.util.UUID;

/** Filters of GET /v1/appointments/consultants; {@code isActive} null means any (admins only). */
public record ConsultantFilter(Boolean isActive, UUID showroomId, Specialisation specialisation, String search) {
}
