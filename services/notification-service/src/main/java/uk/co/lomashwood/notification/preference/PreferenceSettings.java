package uk.co.lomashwood.notification.preference;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import uk.co.lomashwood.notification.gate.Preferences;
import uk.co.lomashwood.notification.message.Channel;
import uk.co.lomashwood.notification.message.PreferenceTopic;
import uk.co.lomashwood.platform.core.error.FieldViolation;
import uk.co.lomashwood.platform.core.error.ValidationException;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The customer's preferences in the shape of spec 40 §1.3 ({@code email}, {@code sms}, {@code push},
 * {@code quietHours}), resolved with the defaults of §1.4.6, and their JSON-merge update.
 */
@Component
public class PreferenceSettings {

    private static final Pattern HH_MM = Pattern.compile("^([01]\\d|2[0-3]):[0-5]\\d$");
    private static final Map<String, PreferenceTopic> KEYS = Map.of("enabled", PreferenceTopic.ALL,
            "bookingConfirmations", PreferenceTopic.BOOKING_CONFIRMATIONS,
            "bookingReminders", PreferenceTopic.BOOKING_REMINDERS, "orderUpdates", PreferenceTopic.ORDER_UPDATES,
            "newsletter", PreferenceTopic.NEWSLETTER, "promotions", PreferenceTopic.PROMOTIONS,
            "loyalty", PreferenceTopic.LOYALTY);
    private static final Map<Channel, List<String>> SHAPE = Map.of(
            Channel.EMAIL, List.of("bookingConfirmations", "bookingReminders", "orderUpdates", "newsletter",
                    "promotions", "loyalty"),
            Channel.SMS, List.of("bookingConfirmations", "bookingReminders", "orderUpdates"),
            Channel.PUSH, List.of("enabled", "bookingReminders", "orderUpdates", "loyalty"));

    private final Preferences preferences;

    public PreferenceSettings(Preferences preferences) {
        this.preferences = preferences;
    }

    public Map<String, Object> view(UUID userId) {
        Map<String, Object> view = new LinkedHashMap<>();
        for (Channel channel : Channel.values()) {
            Map<String, Boolean> values = new LinkedHashMap<>();
            SHAPE.get(channel).forEach(key -> values.put(key, preferences.enabled(userId, channel, KEYS.get(key))));
            view.put(channel.topicWord(), values);
        }
        Preferences.QuietHours hours = preferences.quietHours(userId, Channel.SMS);
        Map<String, Object> quiet = new LinkedHashMap<>();
        quiet.put("enabled", hours.enabled());
        quiet.put("start", hours.start());
        quiet.put("end", hours.end());
        quiet.put("timezone", hours.timezone());
        view.put("quietHours", quiet);
        return view;
    }

    @Transactional
    public Map<String, Object> update(UUID userId, JsonNode patch) {
        List<FieldViolation> errors = new ArrayList<>();
        if (patch == null || !patch.isObject() || patch.isEmpty()) {
            throw new ValidationException(List.of(new FieldViolation("body", "must change at least one field")));
        }
        Map<Runnable, String> writes = new LinkedHashMap<>();
        for (var field : patch.properties()) {
            String name = field.getKey();
            if ("quietHours".equals(name)) {
                quietHours(userId, field.getValue(), errors, writes);
                continue;
            }
            Channel channel = channel(name);
            if (channel == null || !field.getValue().isObject()) {
                errors.add(new FieldViolation(name, "is not a preference group"));
                continue;
            }
            for (var leaf : field.getValue().properties()) {
                String path = name + "." + leaf.getKey();
                if (!SHAPE.get(channel).contains(leaf.getKey())) {
                    errors.add(new FieldViolation(path, "is not a preference"));
                } else if (!leaf.getValue().isBoolean()) {
                    errors.add(new FieldViolation(path, "must be true or false"));
                } else {
                    boolean enabled = leaf.getValue().asBoolean();
                    writes.put(() -> preferences.set(userId, channel, KEYS.get(leaf.getKey()), enabled), path);
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        writes.keySet().forEach(Runnable::run);
        return view(userId);
    }

    private void quietHours(UUID userId, JsonNode node, List<FieldViolation> errors, Map<Runnable, String> writes) {
        if (!node.isObject()) {
            errors.add(new FieldViolation("quietHours", "must be an object"));
            return;
        }
        Preferences.QuietHours current = preferences.quietHours(userId, Channel.SMS);
        boolean enabled = current.enabled();
        String start = current.start();
        String end = current.end();
        String zone = current.timezone();
        for (var field : node.properties()) {
            JsonNode value = field.getValue();
            String path = "quietHours." + field.getKey();
            switch (field.getKey()) {
                case "enabled" -> {
                    if (value.isBoolean()) {
                        enabled = value.asBoolean();
                    } else {
                        errors.add(new FieldViolation(path, "must be true or false"));
                    }
                }
                case "start", "end" -> {
                    if (!value.isString() || !HH_MM.matcher(value.asString()).matches()) {
                        errors.add(new FieldViolation(path, "must be HH:mm"));
                    } else if ("start".equals(field.getKey())) {
                        start = value.asString();
                    } else {
                        end = value.asString();
                    }
                }
                case "timezone" -> {
                    if (!value.isString() || !validZone(value.asString())) {
                        errors.add(new FieldViolation(path, "must be an IANA time zone"));
                    } else {
                        zone = value.asString();
                    }
                }
                default -> errors.add(new FieldViolation(path, "is not a preference"));
            }
        }
        Preferences.QuietHours hours = new Preferences.QuietHours(enabled, start, end, zone);
        writes.put(() -> {
            preferences.setQuietHours(userId, Channel.SMS, hours);
            preferences.setQuietHours(userId, Channel.PUSH, hours);
        }, "quietHours");
    }

    private static Channel channel(String name) {
        for (Channel channel : Channel.values()) {
            if (channel.topicWord().equals(name)) {
                return channel;
            }
        }
        return null;
    }

    private static boolean validZone(String zone) {
        try {
            ZoneId.of(zone);
            return zone.contains("/") || "UTC".equals(zone);
        } catch (DateTimeException e) {
            return false;
        }
    }
}
