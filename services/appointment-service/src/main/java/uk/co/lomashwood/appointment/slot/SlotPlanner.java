package uk.co.lomashwood.appointment.slot;

import uk.co.lomashwood.appointment.common.London;
import uk.co.lomashwood.appointment.consultant.AvailabilityRule;
import uk.co.lomashwood.appointment.showroom.OpeningHours;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Turns one consultant's rules for one London date into slots (spec 30 §1.4.2, steps 1–5). Pure: no clock, no I/O.
 */
public final class SlotPlanner {

    /** A slot to materialise; {@code localStart} is the London wall-clock start. */
    public record PlannedSlot(LocalDate date, LocalTime localStart, Instant startsAt, Instant endsAt, UUID availabilityId) {
    }

    /** Minutes of the day, [start, end), end ≤ 1440. */
    record Span(int start, int end, UUID ruleId) {
    }

    private final ZoneId zone;
    private final int slotMinutes;

    public SlotPlanner(int slotMinutes) {
        this(London.ZONE, slotMinutes);
    }

    SlotPlanner(ZoneId zone, int slotMinutes) {
        this.zone = zone;
        this.slotMinutes = slotMinutes;
    }

    /**
     * @param openingHours the base showroom's hours, or empty when the consultant has no showroom
     * @param showroomOpen false when the base showroom is closed that day (closure, inactive)
     */
    public List<PlannedSlot> plan(LocalDate date, List<AvailabilityRule> rules, Optional<OpeningHours> openingHours,
                                  boolean showroomOpen) {
        List<AvailabilityRule> today = rules.stream().filter(r -> r.appliesTo(date)).toList();
        List<Span> working = workingWindows(today);
        for (AvailabilityRule blocked : today.stream().filter(AvailabilityRule::blocked).toList()) {
            working = subtract(working, minute(blocked.startTime()), endMinute(blocked.endTime()));
        }
        if (openingHours.isPresent()) {
            Optional<OpeningHours.Window> window = showroomOpen ? openingHours.get().on(date.getDayOfWeek()) : Optional.empty();
            if (window.isEmpty()) {
                return List.of();
            }
            working = intersect(working, minute(window.get().open()), endMinute(window.get().close()));
        }
        List<PlannedSlot> slots = new ArrayList<>();
        for (Span span : working) {
            for (int start = span.start(); start + slotMinutes <= span.end(); start += slotMinutes) {
                toInstants(date, start, span.ruleId()).ifPresent(slots::add);
            }
        }
        slots.sort(Comparator.comparing(PlannedSlot::startsAt));
        return slots;
    }

    /** Exceptions for the date replace the weekly windows of that weekday. */
    private static List<Span> workingWindows(List<AvailabilityRule> today) {
        List<AvailabilityRule> open = today.stream().filter(r -> !r.blocked()).toList();
        List<AvailabilityRule> exceptions = open.stream().filter(r -> !r.recurring()).toList();
        return (exceptions.isEmpty() ? open : exceptions).stream()
                .map(r -> new Span(minute(r.startTime()), endMinute(r.endTime()), r.id()))
                .sorted(Comparator.comparingInt(Span::start)).toList();
    }

    /**
     * A wall-clock slot becomes instants only if its start exists that day and its elapsed length equals its
     * wall-clock length: that drops slots in the missing spring hour and slots that span either clock change
     * (including the repeated autumn hour, whose first occurrence would otherwise overlap its second).
     */
    private Optional<PlannedSlot> toInstants(LocalDate date, int startMinute, UUID ruleId) {
        LocalDateTime localStart = date.atStartOfDay().plusMinutes(startMinute);
        if (zone.getRules().getValidOffsets(localStart).isEmpty()) {
            return Optional.empty();
        }
        Instant start = ZonedDateTime.ofLocal(localStart, zone, null).toInstant();
        Instant end = start.plus(Duration.ofMinutes(slotMinutes));
        if (!LocalDateTime.ofInstant(end, zone).equals(localStart.plusMinutes(slotMinutes))) {
            return Optional.empty();
        }
        return Optional.of(new PlannedSlot(date, localStart.toLocalTime(), start, end, ruleId));
    }

    private static List<Span> subtract(List<Span> spans, int from, int to) {
        List<Span> out = new ArrayList<>();
        for (Span s : spans) {
            if (to <= s.start() || from >= s.end()) {
                out.add(s);
                continue;
            }
            if (from > s.start()) {
                out.add(new Span(s.start(), from, s.ruleId()));
            }
            if (to < s.end()) {
                out.add(new Span(to, s.end(), s.ruleId()));
            }
        }
        return out;
    }

    private static List<Span> intersect(List<Span> spans, int from, int to) {
        return spans.stream().map(s -> new Span(Math.max(s.start(), from), Math.min(s.end(), to), s.ruleId()))
                .filter(s -> s.start() < s.end()).toList();
    }

    private static int minute(LocalTime time) {
        return time.getHour() * 60 + time.getMinute();
    }

    /** 23:59:59.999 (LocalTime.MAX) stands for 24:00. */
    private static int endMinute(LocalTime time) {
        return time.equals(LocalTime.MAX) ? 24 * 60 : minute(time);
    }
}
