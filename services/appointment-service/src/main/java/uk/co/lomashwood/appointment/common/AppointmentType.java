package uk.co.lomashwood.appointment.common;

/** FR5.1: the three kinds of consultation. */
public enum AppointmentType {
    HOME_MEASUREMENT, ONLINE, SHOWROOM;

    public String label() {
        return switch (this) {
            case HOME_MEASUREMENT -> "Home Measurement";
            case ONLINE -> "Online Consultation";
            case SHOWROOM -> "Showroom Visit";
        };
    }
}
