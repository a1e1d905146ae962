package uk.co.lomashwood.product.inventory;

import org.junit.jupiter.api.Test;
import uk.co.lomashwood.product.catalogue.Availability;

import static org.assertj.core.api.Assertions.assertThat;

class StockLevelTest {

    @Test
    void statusFollowsAvailableStockAgainstTheThreshold() {
        assertThat(new StockLevel(20, 0, 10).status()).isEqualTo(Availability.IN_STOCK);
        assertThat(new StockLevel(20, 10, 10).status()).isEqualTo(Availability.LOW_STOCK);
        assertThat(new StockLevel(20, 20, 10).status()).isEqualTo(Availability.OUT_OF_STOCK);
        assertThat(new StockLevel(0, 0, 0).status()).isEqualTo(Availability.OUT_OF_STOCK);
    }

    @Test
    void reservedStockCannotBeReservedAgain() {
        StockLevel level = new StockLevel(5, 3, 1);
        assertThat(level.canReserve(2)).isTrue();
        assertThat(level.canReserve(3)).isFalse();
    }

    @Test
    void committingRemovesTheUnitsFromHandAndFromReserved() {
        StockLevel committed = new StockLevel(10, 4, 2).commit(3);
        assertThat(committed.quantity()).isEqualTo(7);
        assertThat(committed.reserved()).isEqualTo(1);
        assertThat(committed.available()).isEqualTo(6);
        assertThat(new StockLevel(10, 4, 2).release(4).available()).isEqualTo(10);
        assertThat(new StockLevel(10, 4, 2).take(6).available()).isZero();
    }
}
