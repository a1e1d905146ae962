package uk.co.lomashwood.notification.admin;

import uk.co.lomashwood.notification.dispatch.NotificationQueries;
import uk.co.lomashwood.notification.message.Channel;
import uk.co.lomashwood.notification.message.NotificationStatus;
import uk.co.lomashwood.platform.core.error.FieldViolation;
import uk.co.lomashwood.platform.core.error.ValidationException;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** Query parameters of the notification history, validated (bad values are 400 with the field named). */
public record HistoryFilter(NotificationQueries.Filter query) {

    public NotificationQueries.Filter toQuery() {
        return query;
    }

    public static HistoryFilter parse(String channel, String status, String category, UUID recipientId,
                                      String recipient, String templateSlug, String from, String to,
                                      boolean customerOnly) {
        List<FieldViolation> errors = new ArrayList<>();
        String parsedChannel = enumValue(channel, Channel.class, "channel", errors);
        List<String> statuses = null;
        if (status != null) {
            String value = enumValue(status, NotificationStatus.class, "status", errors);
            statuses = customerOnly && "PENDING".equals(value)
                    ? List.of("PENDING", "SCHEDULED", "QUEUED", "PROCESSING") : value == null ? null : List.of(value);
        }
        Instant fromInstant = instant(from, "from", errors);
        Instant toInstant = instant(to, "to", errors);
        if (recipient != null && recipient.length() > 320) {
            errors.add(new FieldViolation("recipient", "must be at most 320 characters"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return new HistoryFilter(new NotificationQueries.Filter(parsedChannel, statuses, category, recipientId,
                recipient, templateSlug, fromInstant, toInstant, customerOnly));
    }

    private static <E extends Enum<E>> String enumValue(String raw, Class<E> type, String field,
                                                         List<FieldViolation> errors) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, raw.trim().toUpperCase(Locale.ROOT)).name();
        } catch (IllegalArgumentException e) {
            errors.add(new FieldViolation(field, "is not a valid value"));
            return null;
        }
    }

    private static Instant instant(String raw, String field, List<FieldViolation> errors) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(raw);
        } catch (DateTimeParseException e) {
            errors.add(new FieldViolation(field, "must be an ISO-8601 UTC timestamp"));
            return null;
        }
    }
}
