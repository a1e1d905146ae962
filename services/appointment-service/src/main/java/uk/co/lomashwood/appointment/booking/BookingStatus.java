package uk.co.lomashwood.appointment.booking;

public enum BookingStatus {
    PENDING, CONFIRMED, COMPLETED, CANCELLED, NO_SHOW;

    public boolean isActive() {
        return this == PENDING || this == CONFIRMED;
    }
}
