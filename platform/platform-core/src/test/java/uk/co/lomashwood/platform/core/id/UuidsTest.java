package uk.co.lomashwood.platform.core.id;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class UuidsTest {

    @Test
    void v7IdsAreVersionSevenAndOrderedByTime() {
        UUID earlier = Uuids.v7(Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC));
        UUID later = Uuids.v7(Clock.fixed(Instant.parse("2026-01-01T00:00:01Z"), ZoneOffset.UTC));
        assertThat(earlier.version()).isEqualTo(7);
        assertThat(earlier.variant()).isEqualTo(2);
        assertThat(earlier.toString()).isLessThan(later.toString());
    }

    @Test
    void parseOrNullNeverThrows() {
        assertThat(Uuids.parseOrNull("not-a-uuid")).isNull();
        assertThat(Uuids.parseOrNull(null)).isNull();
        UUID id = UUID.randomUUID();
        assertThat(Uuids.parseOrNull(id.toString())).isEqualTo(id);
    }
}
