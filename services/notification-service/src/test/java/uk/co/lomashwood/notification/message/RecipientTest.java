package uk.co.lomashwood.notification.message;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RecipientTest {

    @Test
    void ukNumbersAsCustomersTypeThemBecomeE164() {
        assertThat(Recipient.customer(null, null, "07700 900123").phone()).isEqualTo("+447700900123");
        assertThat(Recipient.customer(null, null, "(0)20-7946-0018").phone()).isEqualTo("+442079460018");
        assertThat(Recipient.customer(null, null, "0044 7700 900123").phone()).isEqualTo("+447700900123");
        assertThat(Recipient.customer(null, null, "+447700900123").phone()).isEqualTo("+447700900123");
        assertThat(Recipient.customer(null, null, " ").phone()).isNull();
    }
}
