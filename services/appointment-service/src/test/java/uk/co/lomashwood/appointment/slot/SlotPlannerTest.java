package uk.co.lomashwood.appointment.slot;

import org.junit.jupiter.api.Test;
import uk.co.lomashwood.appointment.consultant.AvailabilityRule;
import uk.co.lomashwood.appointment.showroom.OpeningHours;
import uk.co.lomashwood.appointment.slot.SlotPlanner.PlannedSlot;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class SlotPlannerTest {

    private static final UUID CONSULTANT = UUID.randomUUID();
    private final SlotPlanner planner = new SlotPlanner(60);

    private static List<AvailabilityRule> everyDay(int fromHour, int toHour) {
        List<AvailabilityRule> rules = new ArrayList<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            rules.add(AvailabilityRule.weekly(CONSULTANT, day, LocalTime.of(fromHour, 0), LocalTime.of(toHour, 0)));
        }
        return rules;
    }

    private List<PlannedSlot> week(LocalDate monday, List<AvailabilityRule> rules) {
        List<PlannedSlot> all = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            all.addAll(planner.plan(monday.plusDays(i), rules, Optional.empty(), true));
        }
        return all;
    }

    @Test
    void springForwardWeekKeepsNineOClockLondonOnBothSidesOfTheChange() {
        List<PlannedSlot> slots = week(LocalDate.of(2026, 3, 23), everyDay(9, 17));

        assertThat(slots).hasSize(7 * 8);
        assertThat(slots.getFirst().startsAt()).isEqualTo(Instant.parse("2026-03-23T09:00:00Z"));
        List<PlannedSlot> sunday = slots.stream().filter(s -> s.date().equals(LocalDate.of(2026, 3, 29))).toList();
        assertThat(sunday.getFirst().startsAt()).isEqualTo(Instant.parse("2026-03-29T08:00:00Z"));
        assertThat(sunday.getLast().endsAt()).isEqualTo(Instant.parse("2026-03-29T16:00:00Z"));
        assertThat(slots).allSatisfy(s -> assertThat(Duration.between(s.startsAt(), s.endsAt())).hasMinutes(60));
    }

    @Test
    void fallBackWeekMovesTheUtcInstantsAnHourLaterAfterSunday() {
        List<PlannedSlot> slots = week(LocalDate.of(2026, 10, 19), everyDay(9, 17));

        assertThat(slots).hasSize(7 * 8);
        assertThat(slots.getFirst().startsAt()).isEqualTo(Instant.parse("2026-10-19T08:00:00Z"));
        List<PlannedSlot> sunday = slots.stream().filter(s -> s.date().equals(LocalDate.of(2026, 10, 25))).toList();
        assertThat(sunday.getFirst().startsAt()).isEqualTo(Instant.parse("2026-10-25T09:00:00Z"));
    }

    @Test
    void noSlotFallsInTheMissingSpringHour() {
        List<PlannedSlot> night = planner.plan(LocalDate.of(2026, 3, 29), everyDay(0, 5), Optional.empty(), true);

        assertThat(night).extracting(PlannedSlot::localStart).doesNotContain(LocalTime.of(1, 0));
        assertThat(night).extracting(PlannedSlot::startsAt).doesNotHaveDuplicates()
                .containsExactly(Instant.parse("2026-03-29T01:00:00Z"), Instant.parse("2026-03-29T02:00:00Z"),
                        Instant.parse("2026-03-29T03:00:00Z"));
        assertThat(night).allSatisfy(s -> assertThat(Duration.between(s.startsAt(), s.endsAt())).hasMinutes(60));
    }

    @Test
    void theRepeatedAutumnHourProducesNoDuplicateOrOverlappingSlot() {
        List<PlannedSlot> night = planner.plan(LocalDate.of(2026, 10, 25), everyDay(0, 5), Optional.empty(), true);

        List<Instant> starts = night.stream().map(PlannedSlot::startsAt).toList();
        assertThat(new HashSet<>(starts)).hasSameSizeAs(starts);
        for (int i = 1; i < night.size(); i++) {
            assertThat(night.get(i).startsAt()).isAfterOrEqualTo(night.get(i - 1).endsAt());
        }
        assertThat(starts).contains(Instant.parse("2026-10-24T23:00:00Z"), Instant.parse("2026-10-25T02:00:00Z"));
    }

    @Test
    void showroomHoursAndClosuresLimitTheWorkingDay() {
        OpeningHours hours = OpeningHours.weekly("10:00", "15:30", "10:00", "14:00", false);
        LocalDate monday = LocalDate.of(2026, 3, 23);

        assertThat(planner.plan(monday, everyDay(9, 17), Optional.of(hours), true)).extracting(PlannedSlot::localStart)
                .containsExactly(LocalTime.of(10, 0), LocalTime.of(11, 0), LocalTime.of(12, 0), LocalTime.of(13, 0),
                        LocalTime.of(14, 0));
        assertThat(planner.plan(monday, everyDay(9, 17), Optional.of(hours), false)).isEmpty();
        assertThat(planner.plan(monday.plusDays(6), everyDay(9, 17), Optional.of(hours), true)).isEmpty();
    }

    @Test
    void blockedTimeIsCutOutAndExceptionsReplaceTheWeeklyPattern() {
        LocalDate monday = LocalDate.of(2026, 3, 23);
        List<AvailabilityRule> rules = new ArrayList<>(everyDay(9, 17));
        rules.add(new AvailabilityRule(UUID.randomUUID(), CONSULTANT, DayOfWeek.MONDAY, LocalTime.of(12, 0),
                LocalTime.of(13, 30), false, monday, true, "Dentist", null, null));
        rules.add(new AvailabilityRule(UUID.randomUUID(), CONSULTANT, DayOfWeek.TUESDAY, LocalTime.of(14, 0),
                LocalTime.of(16, 0), false, monday.plusDays(1), false, null, null, null));

        assertThat(planner.plan(monday, rules, Optional.empty(), true)).extracting(PlannedSlot::localStart)
                .containsExactly(LocalTime.of(9, 0), LocalTime.of(10, 0), LocalTime.of(11, 0), LocalTime.of(13, 30),
                        LocalTime.of(14, 30), LocalTime.of(15, 30));
        assertThat(planner.plan(monday.plusDays(1), rules, Optional.empty(), true)).extracting(PlannedSlot::localStart)
                .containsExactly(LocalTime.of(14, 0), LocalTime.of(15, 0));
    }
}
