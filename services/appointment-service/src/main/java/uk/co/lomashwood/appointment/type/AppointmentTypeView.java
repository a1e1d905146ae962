package uk.co.lomashwood.appointment.type;

import uk.co.lomashwood.appointment.common.AppointmentType;

/** One row of appointment_types as the API shows it (spec 30 §1.2). */
public record AppointmentTypeView(AppointmentType type, String title, String description, int durationMinutes,
                                  int leadTimeHours, boolean requiresAddress, boolean requiresShowroom,
                                  boolean isActive, int sortOrder, String imageUrl) {
}
