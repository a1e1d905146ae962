package uk.co.lomashwood.notification.consumer;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Currency;
import java.util.Locale;

/** UK presentation of event values: "Tuesday 3 March 2026", "10:00", "£1,499.99", "Home measurement". */
final class Formats {

    static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.UK);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.UK);
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("d MMMM yyyy 'at' HH:mm", Locale.UK);

    private Formats() {
    }

    static Instant instant(String iso) {
        if (iso == null || iso.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(iso);
        } catch (DateTimeParseException e) {
            return java.time.OffsetDateTime.parse(iso).toInstant();
        }
    }

    static String date(Instant at, ZoneId zone) {
        return at == null ? null : DATE.format(at.atZone(zone));
    }

    static String time(Instant at, ZoneId zone) {
        return at == null ? null : TIME.format(at.atZone(zone));
    }

    static String dateTime(Instant at) {
        return at == null ? null : DATE_TIME.format(at.atZone(LONDON));
    }

    /** A date ({@code 2026-12-25}) or an instant, as a London calendar day ("Friday 25 December 2026"). */
    static String day(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return DATE.format(java.time.LocalDate.parse(value));
        } catch (DateTimeParseException e) {
            return date(instant(value), LONDON);
        }
    }

    static ZoneId zone(String id) {
        try {
            return id == null || id.isBlank() ? LONDON : ZoneId.of(id);
        } catch (java.time.DateTimeException e) {
            return LONDON;
        }
    }

    static String money(BigDecimal pounds, String currency) {
        if (pounds == null) {
            return null;
        }
        NumberFormat format = NumberFormat.getCurrencyInstance(Locale.UK);
        format.setCurrency(Currency.getInstance(currency == null || currency.isBlank() ? "GBP" : currency));
        return format.format(pounds);
    }

    /** {@code HOME_MEASUREMENT} → {@code Home measurement}. */
    static String label(String constant) {
        if (constant == null || constant.isBlank()) {
            return null;
        }
        String words = constant.replace('_', ' ').toLowerCase(Locale.UK);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
