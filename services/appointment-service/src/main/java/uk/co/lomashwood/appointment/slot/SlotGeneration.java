package uk.co.lomashwood.appointment.slot;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import uk.co.lomashwood.appointment.common.London;
import uk.co.lomashwood.appointment.consultant.AvailabilityRules;
import uk.co.lomashwood.appointment.consultant.Consultant;
import uk.co.lomashwood.appointment.consultant.Consultants;
import uk.co.lomashwood.appointment.showroom.OpeningHours;
import uk.co.lomashwood.appointment.showroom.Showroom;
import uk.co.lomashwood.appointment.showroom.Showrooms;
import uk.co.lomashwood.appointment.slot.SlotPlanner.PlannedSlot;
import uk.co.lomashwood.platform.events.outbox.OutboxPublisher;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** Materialises each consultant's slots for today … today + 90 (spec 30 §1.4.2, step 6). */
@Service
public class SlotGeneration {

    public static final int SLOT_MINUTES = 60;
    private static final Logger log = LoggerFactory.getLogger(SlotGeneration.class);

    private final Consultants consultants;
    private final AvailabilityRules rules;
    private final Showrooms showrooms;
    private final Slots slots;
    private final OutboxPublisher outbox;
    private final TransactionTemplate transactions;
    private final GridCache cache;
    private final Clock clock;
    private final SlotPlanner planner = new SlotPlanner(SLOT_MINUTES);

    public SlotGeneration(Consultants consultants, AvailabilityRules rules, Showrooms showrooms, Slots slots,
                          OutboxPublisher outbox, PlatformTransactionManager transactionManager, GridCache cache,
                          Clock clock) {
        this.cache = cache;
        this.consultants = consultants;
        this.rules = rules;
        this.showrooms = showrooms;
        this.slots = slots;
        this.outbox = outbox;
        // REQUIRES_NEW: also called after another transaction committed, while its resources are still bound
        this.transactions = new TransactionTemplate(transactionManager);
        this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    public void regenerateAll() {
        for (Consultant consultant : consultants.active()) {
            regenerate(consultant.id());
        }
    }

    public void regenerateShowroom(UUID showroomId) {
        consultants.active().stream().filter(c -> showroomId.equals(c.showroomId())).forEach(c -> regenerate(c.id()));
    }

    public void regenerate(UUID consultantId) {
        LocalDate from = London.today(clock);
        LocalDate to = from.plusDays(London.HORIZON_DAYS);
        transactions.executeWithoutResult(tx -> regenerate(consultantId, from, to));
    }

    private void regenerate(UUID consultantId, LocalDate from, LocalDate to) {
        Optional<Consultant> consultant = consultants.find(consultantId);
        List<PlannedSlot> planned = consultant.filter(Consultant::isActive).map(c -> plan(c, from, to)).orElse(List.of());
        Instant now = clock.instant();
        List<TimeSlot> existing = slots.activeBetween(consultantId, from, to);
        Set<Instant> plannedStarts = planned.stream().map(PlannedSlot::startsAt).collect(Collectors.toSet());
        Set<Instant> existingStarts = existing.stream().map(TimeSlot::startsAt).collect(Collectors.toSet());
        List<UUID> stale = existing.stream().filter(s -> s.status() == TimeSlot.SlotStatus.AVAILABLE)
                .filter(s -> !plannedStarts.contains(s.startsAt())).map(TimeSlot::id).toList();
        int removed = slots.removeGenerated(consultantId, stale, now);
        List<PlannedSlot> fresh = planned.stream().filter(p -> p.startsAt().isAfter(now))
                .filter(p -> !existingStarts.contains(p.startsAt())).toList();
        int created = consultant.isEmpty() ? 0 : slots.insertGenerated(consultantId, consultant.get().showroomId(), fresh);
        long bookedOutside = existing.stream().filter(s -> s.status() == TimeSlot.SlotStatus.BOOKED)
                .filter(s -> !plannedStarts.contains(s.startsAt())).count();
        cache.invalidate(from, to);
        if (created > 0 || removed > 0) {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("consultantId", consultantId);
            data.put("from", from);
            data.put("to", to);
            data.put("slotsCreated", created);
            data.put("slotsRemoved", removed);
            data.put("bookedSlotsOutsideRules", bookedOutside);
            outbox.publish("appointment.availability.changed", consultantId.toString(), data);
            log.info("slots regenerated consultantId={} created={} removed={}", consultantId, created, removed);
        }
    }

    private List<PlannedSlot> plan(Consultant consultant, LocalDate from, LocalDate to) {
        var consultantRules = rules.of(consultant.id());
        Optional<Showroom> showroom = Optional.ofNullable(consultant.showroomId()).flatMap(showrooms::find);
        if (consultant.showroomId() != null && showroom.isEmpty()) {
            return List.of();
        }
        Optional<OpeningHours> hours = showroom.map(Showroom::openingHours);
        List<LocalDate> closures = showroom.map(s -> showrooms.closures(s.id(), from, to)).orElse(List.of());
        List<PlannedSlot> all = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            boolean open = showroom.map(s -> s.isActive()).orElse(true) && !closures.contains(day);
            all.addAll(planner.plan(day, consultantRules, hours, open));
        }
        return all;
    }
}
