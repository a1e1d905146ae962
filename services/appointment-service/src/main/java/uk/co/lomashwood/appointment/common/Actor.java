package uk.co.lomashwood.appointment.common;

/** Who cancelled, rescheduled or completed a booking. */
public enum Actor {
    CUSTOMER, ADMIN, SYSTEM
}
