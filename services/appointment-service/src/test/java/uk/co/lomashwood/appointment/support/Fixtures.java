package uk.co.lomashwood.appointment.support;

import uk.co.lomashwood.appointment.common.Specialisation;
import uk.co.lomashwood.appointment.consultant.AvailabilityRule;
import uk.co.lomashwood.appointment.consultant.AvailabilityRules;
import uk.co.lomashwood.appointment.consultant.Consultant;
import uk.co.lomashwood.appointment.consultant.Consultants;
import uk.co.lomashwood.appointment.showroom.OpeningHours;
import uk.co.lomashwood.appointment.showroom.Showroom;
import uk.co.lomashwood.appointment.showroom.Showrooms;
import uk.co.lomashwood.appointment.slot.SlotGeneration;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

/** Builds isolated test data: every test gets its own consultant (and showroom), so tests share one database. */
public class Fixtures {

    private final Consultants consultants;
    private final AvailabilityRules rules;
    private final Showrooms showrooms;
    private final SlotGeneration generation;

    public Fixtures(Consultants consultants, AvailabilityRules rules, Showrooms showrooms, SlotGeneration generation) {
        this.consultants = consultants;
        this.rules = rules;
        this.showrooms = showrooms;
        this.generation = generation;
    }

    /** A consultant working 09:00–17:00 every day of the week, with slots generated from the clock's today. */
    public UUID consultant(Specialisation specialisation, UUID showroomId) {
        UUID id = UUID.randomUUID();
        consultants.insert(new Consultant(id, null, "Test Designer", "designer-" + id + "@lomashwood.test", null, null, null,
                specialisation, showroomId, List.of(), 8, true, true));
        for (DayOfWeek day : DayOfWeek.values()) {
            rules.insert(AvailabilityRule.weekly(id, day, LocalTime.of(9, 0), LocalTime.of(17, 0)));
        }
        generation.regenerate(id);
        return id;
    }

    public UUID consultant() {
        return consultant(Specialisation.BOTH, null);
    }

    public UUID showroom() {
        UUID id = UUID.randomUUID();
        showrooms.insert(new Showroom(id, "Test Showroom " + id, "test-" + id, "1 High Street, London", "London", "SW1A 1AA",
                "United Kingdom", "showroom@lomashwood.test", "+442070000000", null, null, null, null, List.of(),
                OpeningHours.weekly("10:00", "16:00", "10:00", "14:00", false), "Europe/London", 5, true));
        return id;
    }
}
