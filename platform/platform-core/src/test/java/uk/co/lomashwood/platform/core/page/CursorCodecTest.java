package uk.co.lomashwood.platform.core.page;

import org.junit.jupiter.api.Test;
import uk.co.lomashwood.platform.core.error.ApiException;
import uk.co.lomashwood.platform.core.error.ErrorCode;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CursorCodecTest {

    private final UUID id = UUID.randomUUID();

    @Test
    void aCursorRoundTripsItsPosition() {
        String cursor = CursorCodec.encode("colour=white|sort=-createdAt", Arrays.asList("2026-02-19T10:30:00.000Z", null, "a.b"), id);

        CursorCodec.Position position = CursorCodec.decode(cursor, "colour=white|sort=-createdAt", 3);

        assertThat(position.id()).isEqualTo(id);
        assertThat(position.sortValues()).containsExactly("2026-02-19T10:30:00.000Z", null, "a.b");
        assertThat(cursor).matches("[A-Za-z0-9_-]+");
    }

    @Test
    void aCursorMadeForOtherFiltersIsRefused() {
        String cursor = CursorCodec.encode("colour=white", List.of("x"), id);

        assertThatThrownBy(() -> CursorCodec.decode(cursor, "colour=cream", 1))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_CURSOR));
    }

    @Test
    void garbageIsRefusedAsAnInvalidCursor() {
        for (String garbage : List.of("", "!!!", "bm90LWEtY3Vyc29y", "x".repeat(5000))) {
            assertThatThrownBy(() -> CursorCodec.decode(garbage, "f", 1))
                    .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(400));
        }
    }
}
