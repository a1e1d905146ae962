package uk.co.lomashwood.platform.core.money;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MoneyTest {

    @Test
    void poundsAlwaysCarryTwoDecimals() {
        assertThat(Money.ofPence(149999).pounds()).isEqualByComparingTo("1499.99");
        assertThat(Money.ofPence(1000).pounds().toPlainString()).isEqualTo("10.00");
    }

    @Test
    void parsingPoundsKeepsEveryPenny() {
        assertThat(Money.ofPounds("0.30").pence()).isEqualTo(30);
        assertThat(Money.ofPounds(new BigDecimal("999999.99")).pence()).isEqualTo(99999999);
    }

    @Test
    void fractionsOfAPennyAreRefusedNotRounded() {
        assertThatThrownBy(() -> Money.ofPounds("1.005")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void vatIsRoundedHalfUpToThePenny() {
        assertThat(Money.ofPence(1999).percent(new BigDecimal("20.00")).pence()).isEqualTo(400);
        assertThat(Money.ofPence(1).percent(new BigDecimal("20.00")).pence()).isZero();
        assertThat(Money.ofPence(3).percent(new BigDecimal("20.00")).pence()).isEqualTo(1);
    }

    @Test
    void arithmeticNeverOverflowsSilently() {
        assertThatThrownBy(() -> Money.ofPence(Long.MAX_VALUE).plus(Money.ofPence(1))).isInstanceOf(ArithmeticException.class);
    }
}
