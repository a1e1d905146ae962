package uk.co.lomashwood.appointment.common;

/** What a consultant designs; decides which bookings they may take (spec 30 §1.4.3). */
public enum Specialisation {
    KITCHEN, BEDROOM, BOTH;

    public boolean serves(boolean forKitchen, boolean forBedroom) {
        if (forKitchen && forBedroom) {
            return true;
        }
        return this == BOTH || (forKitchen && this == KITCHEN) || (forBedroom && this == BEDROOM);
    }

    /** Exact match ranks first when several consultants are free at one time. */
    public boolean exactlyFits(boolean forKitchen, boolean forBedroom) {
        return this == (forKitchen && forBedroom ? BOTH : forKitchen ? KITCHEN : BEDROOM);
    }
}
