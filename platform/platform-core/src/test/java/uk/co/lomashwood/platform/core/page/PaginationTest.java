package uk.co.lomashwood.platform.core.page;

import org.junit.jupiter.api.Test;
import uk.co.lomashwood.platform.core.error.ValidationException;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PaginationTest {

    @Test
    void totalPagesIsOneForAnEmptyTableAndRoundsUp() {
        assertThat(new OffsetPage<>(List.of(), 1, 20, 0).totalPages()).isEqualTo(1);
        assertThat(new OffsetPage<>(List.of(), 1, 20, 41).totalPages()).isEqualTo(3);
        assertThat(new OffsetPage<>(List.of(), 3, 20, 41).hasNextPage()).isFalse();
        assertThat(new OffsetPage<>(List.of(), 2, 20, 41).hasPrevPage()).isTrue();
    }

    @Test
    void limitOutsideOneToHundredIsAValidationError() {
        assertThatThrownBy(() -> PageRequest.of(1, 0)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> PageRequest.of(1, 101)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> PageRequest.of(0, 10)).isInstanceOf(ValidationException.class);
        assertThat(PageRequest.of(null, null)).isEqualTo(new PageRequest(1, 20));
        assertThat(PageRequest.of(3, 10).offset()).isEqualTo(20);
    }

    @Test
    void overfetchedRowDecidesTheNextPage() {
        CursorPage<Integer> page = CursorPage.fromOverfetch(List.of(1, 2, 3), 2, String::valueOf, null);
        assertThat(page.items()).containsExactly(1, 2);
        assertThat(page.nextCursor()).isEqualTo("2");
        assertThat(CursorPage.fromOverfetch(List.of(1, 2), 2, String::valueOf, null).hasNextPage()).isFalse();
    }

    @Test
    void sortAcceptsOnlyWhitelistedFields() {
        assertThat(SortOrder.parse("basePrice,-createdAt", Set.of("basePrice", "createdAt")).canonical())
                .isEqualTo("basePrice,-createdAt");
        assertThat(SortOrder.parse(null, Set.of("createdAt")).keys()).containsExactly(new SortOrder.Key("createdAt", true));
        assertThatThrownBy(() -> SortOrder.parse("password", Set.of("createdAt"))).isInstanceOf(ValidationException.class);
    }
}
