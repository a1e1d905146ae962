package uk.co.lomashwood.appointment.demo;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import uk.co.lomashwood.appointment.common.Specialisation;
import uk.co.lomashwood.appointment.consultant.AvailabilityRule;
import uk.co.lomashwood.appointment.consultant.AvailabilityRules;
import uk.co.lomashwood.appointment.consultant.Consultant;
import uk.co.lomashwood.appointment.consultant.Consultants;
import uk.co.lomashwood.appointment.showroom.Showrooms;
import uk.co.lomashwood.appointment.slot.SlotGeneration;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

/**
 * Demo showrooms, consultants and weekly patterns for local runs ({@code lomash.demo.seed=true}). Idempotent: it seeds
 * only an empty directory, then (re)generates slots for the 90-day horizon.
 */
@Component
@ConditionalOnProperty(name = "lomash.demo.seed", havingValue = "true")
public class DemoSeed {

    private static final Logger log = LoggerFactory.getLogger(DemoSeed.class);

    private final Showrooms showrooms;
    private final Consultants consultants;
    private final AvailabilityRules rules;
    private final SlotGeneration generation;
    private final TransactionTemplate transactions;

    public DemoSeed(Showrooms showrooms, Consultants consultants, AvailabilityRules rules, SlotGeneration generation,
                    TransactionTemplate transactions) {
        this.showrooms = showrooms;
        this.consultants = consultants;
        this.rules = rules;
        this.generation = generation;
        this.transactions = transactions;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void seed() {
        transactions.executeWithoutResult(tx -> {
            if (!consultants.active().isEmpty()) {
                return;
            }
            DemoShowrooms.all().forEach(showroom -> {
                showrooms.insert(showroom);
                DemoShowrooms.BANK_HOLIDAYS.forEach((date, reason) -> showrooms.addClosure(showroom.id(), date, reason));
            });
            for (DemoConsultants.Entry entry : DemoConsultants.all()) {
                Consultant c = entry.consultant();
                consultants.insert(c);
                for (DayOfWeek day : entry.days()) {
                    LocalTime start = day == DayOfWeek.SATURDAY ? LocalTime.of(10, 0) : LocalTime.of(9, 0);
                    LocalTime end = day == DayOfWeek.SATURDAY ? LocalTime.of(16, 0) : LocalTime.of(17, 0);
                    rules.insert(AvailabilityRule.weekly(c.id(), day, start, end));
                }
            }
            log.info("demo appointment data seeded: {} showrooms, {} consultants", DemoShowrooms.all().size(),
                    DemoConsultants.all().size());
        });
        generation.regenerateAll();
    }

    static Consultant consultant(String id, String name, String email, Specialisation specialisation, UUID showroomId,
                                 List<String> coverage, String bio) {
        return new Consultant(UUID.fromString(id), null, name, email, "+442079460" + id.substring(33), bio,
                null, specialisation, showroomId, coverage, 8, true, true);
    }
}
