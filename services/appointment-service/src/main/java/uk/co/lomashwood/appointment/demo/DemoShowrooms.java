package uk.co.lomashwood.appointment.demo;

import uk.co.lomashwood.appointment.common.London;
import uk.co.lomashwood.appointment.showroom.OpeningHours;
import uk.co.lomashwood.appointment.showroom.Showroom;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/** Three demo showrooms with structured hours, and the England bank holidays as closures. */
final class DemoShowrooms {

    static final UUID CLAPHAM = UUID.fromString("0f5e3c2a-1b7d-4c6e-9a01-000000000001");
    static final UUID MANCHESTER = UUID.fromString("0f5e3c2a-1b7d-4c6e-9a01-000000000002");
    static final UUID BIRMINGHAM = UUID.fromString("0f5e3c2a-1b7d-4c6e-9a01-000000000003");

    static final Map<LocalDate, String> BANK_HOLIDAYS = new TreeMap<>(Map.of(
            LocalDate.of(2026, 12, 25), "Christmas Day",
            LocalDate.of(2026, 12, 28), "Boxing Day (substitute day)",
            LocalDate.of(2027, 1, 1), "New Year's Day",
            LocalDate.of(2027, 3, 26), "Good Friday",
            LocalDate.of(2027, 3, 29), "Easter Monday",
            LocalDate.of(2027, 5, 3), "Early May bank holiday",
            LocalDate.of(2027, 5, 31), "Spring bank holiday"));

    private DemoShowrooms() {
    }

    static List<Showroom> all() {
        return List.of(
                showroom(CLAPHAM, "Lomash Wood Clapham", "lomash-wood-clapham", "214 Clapham High Street, London", "London",
                        "SW4 7UD", "clapham@lomashwood.co.uk", "+442076220100", 51.4627, -0.1383,
                        OpeningHours.weekly("09:00", "18:00", "10:00", "16:00", true)),
                showroom(MANCHESTER, "Lomash Wood Manchester", "lomash-wood-manchester", "55 Deansgate, Manchester",
                        "Manchester", "M3 2BW", "manchester@lomashwood.co.uk", "+441612340200", 53.4808, -2.2475,
                        OpeningHours.weekly("09:00", "17:30", "10:00", "16:00", false)),
                showroom(BIRMINGHAM, "Lomash Wood Birmingham", "lomash-wood-birmingham", "18 Colmore Row, Birmingham",
                        "Birmingham", "B3 2QD", "birmingham@lomashwood.co.uk", "+441214960300", 52.4814, -1.8998,
                        OpeningHours.weekly("09:00", "17:30", "10:00", "15:00", false)));
    }

    private static Showroom showroom(UUID id, String name, String slug, String address, String city, String postcode,
                                     String email, String phone, double lat, double lng, OpeningHours hours) {
        return new Showroom(id, name, slug, address, city, postcode, "United Kingdom", email, phone, lat, lng,
                "https://maps.google.com/?q=" + lat + "," + lng, null, List.of(), hours, London.TIMEZONE, 5, true);
    }
}
