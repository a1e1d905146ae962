package uk.co.lomashwood.appointment.support;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import uk.co.lomashwood.appointment.consultant.AvailabilityRules;
import uk.co.lomashwood.appointment.consultant.Consultants;
import uk.co.lomashwood.appointment.showroom.Showrooms;
import uk.co.lomashwood.appointment.slot.SlotGeneration;

@TestConfiguration(proxyBeanMethods = false)
public class TestConfig {

    @Bean
    @Primary
    MutableClock mutableClock() {
        return new MutableClock();
    }

    @Bean
    Fixtures fixtures(Consultants consultants, AvailabilityRules rules, Showrooms showrooms, SlotGeneration generation) {
        return new Fixtures(consultants, rules, showrooms, generation);
    }
}
