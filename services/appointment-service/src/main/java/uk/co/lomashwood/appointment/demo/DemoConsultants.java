package uk.co.lomashwood.appointment.demo;

import uk.co.lomashwood.appointment.common.Specialisation;
import uk.co.lomashwood.appointment.consultant.Consultant;

import java.time.DayOfWeek;
import java.util.List;
import java.util.Set;

import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.SATURDAY;
import static java.time.DayOfWeek.THURSDAY;
import static java.time.DayOfWeek.TUESDAY;
import static java.time.DayOfWeek.WEDNESDAY;

/** Six demo designers: two per showroom (kitchen, bedroom) and two who cover home visits and video calls. */
final class DemoConsultants {

    record Entry(Consultant consultant, Set<DayOfWeek> days) {
    }

    private static final Set<DayOfWeek> WEEKDAYS = Set.of(MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY);
    private static final Set<DayOfWeek> TUE_TO_SAT = Set.of(TUESDAY, WEDNESDAY, THURSDAY, FRIDAY, SATURDAY);

    private DemoConsultants() {
    }

    static List<Entry> all() {
        return List.of(
                new Entry(DemoSeed.consultant("6b1f0000-0000-4000-8000-000000000001", "Priya Shah", "priya.shah@lomashwood.co.uk",
                        Specialisation.KITCHEN, DemoShowrooms.CLAPHAM, List.of(), "Kitchen designer; shaker and handleless ranges."),
                        WEEKDAYS),
                new Entry(DemoSeed.consultant("6b1f0000-0000-4000-8000-000000000002", "Tom Whitaker", "tom.whitaker@lomashwood.co.uk",
                        Specialisation.BEDROOM, DemoShowrooms.CLAPHAM, List.of(), "Fitted wardrobes and walk-in dressing rooms."),
                        TUE_TO_SAT),
                new Entry(DemoSeed.consultant("6b1f0000-0000-4000-8000-000000000003", "Aisha Okafor", "aisha.okafor@lomashwood.co.uk",
                        Specialisation.BOTH, DemoShowrooms.MANCHESTER, List.of(), "Whole-home design, kitchens and bedrooms."),
                        WEEKDAYS),
                new Entry(DemoSeed.consultant("6b1f0000-0000-4000-8000-000000000004", "Gareth Evans", "gareth.evans@lomashwood.co.uk",
                        Specialisation.KITCHEN, DemoShowrooms.BIRMINGHAM, List.of(), "Kitchen islands and larder storage."),
                        TUE_TO_SAT),
                new Entry(DemoSeed.consultant("6b1f0000-0000-4000-8000-000000000005", "Hannah Clarke", "hannah.clarke@lomashwood.co.uk",
                        Specialisation.BOTH, null, List.of("SW", "SE", "W", "N", "E", "EC", "WC", "NW"),
                        "Home measurements across London; online consultations."), WEEKDAYS),
                new Entry(DemoSeed.consultant("6b1f0000-0000-4000-8000-000000000006", "Daniel Moore", "daniel.moore@lomashwood.co.uk",
                        Specialisation.BEDROOM, null, List.of(), "Online consultations for bedrooms nationwide."),
                        Set.of(MONDAY, WEDNESDAY, FRIDAY, SATURDAY)));
    }
}
