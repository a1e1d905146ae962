package uk.co.lomashwood.appointment.showroom;

import com.fasterxml.jackson.annotation.JsonInclude;
import uk.co.lomashwood.platform.core.error.ValidationException;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** A showroom's weekly hours: {@code monday … sunday} → {@code {open, close}} or {@code {closed: true}}. */
public record OpeningHours(Map<String, Day> days) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Day(String open, String close, Boolean closed) {

        static Day openBetween(String open, String close) {
            return new Day(open, close, null);
        }

        static Day shut() {
            return new Day(null, null, true);
        }

        boolean isClosed() {
            return Boolean.TRUE.equals(closed);
        }
    }

    /** A wall-clock window [open, close). */
    public record Window(LocalTime open, LocalTime close) {
    }

    public OpeningHours {
        days = Map.copyOf(days);
    }

    public static OpeningHours weekly(String open, String close, String saturdayOpen, String saturdayClose, boolean sundayOpen) {
        Map<String, Day> days = new LinkedHashMap<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            Day hours = switch (day) {
                case SATURDAY -> Day.openBetween(saturdayOpen, saturdayClose);
                case SUNDAY -> sundayOpen ? Day.openBetween("11:00", "16:00") : Day.shut();
                default -> Day.openBetween(open, close);
            };
            days.put(key(day), hours);
        }
        return new OpeningHours(days);
    }

    /** 400 unless all seven days are present and each is closed or open before it closes. */
    public OpeningHours validated() {
        for (DayOfWeek day : DayOfWeek.values()) {
            Day hours = days.get(key(day));
            String field = "openingHours." + key(day);
            if (hours == null) {
                throw ValidationException.of(field, "is required");
            }
            if (!hours.isClosed()) {
                try {
                    if (!LocalTime.parse(hours.open()).isBefore(LocalTime.parse(hours.close()))) {
                        throw ValidationException.of(field, "open must be before close");
                    }
                } catch (DateTimeParseException | NullPointerException e) {
                    throw ValidationException.of(field, "needs open and close as HH:mm, or closed: true");
                }
            }
        }
        return this;
    }

    public Optional<Window> on(DayOfWeek day) {
        Day hours = days.get(key(day));
        if (hours == null || hours.isClosed()) {
            return Optional.empty();
        }
        return Optional.of(new Window(LocalTime.parse(hours.open()), LocalTime.parse(hours.close())));
    }

    /** "Mon–Fri 09:00–18:00, Sat 10:00–16:00, Sun closed": consecutive days with equal hours are merged. */
    public String text() {
        List<String> parts = new ArrayList<>();
        DayOfWeek[] week = DayOfWeek.values();
        int i = 0;
        while (i < week.length) {
            int j = i;
            while (j + 1 < week.length && describe(week[j + 1]).equals(describe(week[i]))) {
                j++;
            }
            String range = shortName(week[i]) + (j > i ? "–" + shortName(week[j]) : "");
            parts.add(range + " " + describe(week[i]));
            i = j + 1;
        }
        return String.join(", ", parts);
    }

    private String describe(DayOfWeek day) {
        return on(day).map(w -> w.open() + "–" + w.close()).orElse("closed");
    }

    private static String shortName(DayOfWeek day) {
        return day.getDisplayName(TextStyle.SHORT, Locale.UK);
    }

    static String key(DayOfWeek day) {
        return day.name().toLowerCase(Locale.ROOT);
    }
}
