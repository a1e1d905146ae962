package uk.co.lomashwood.platform.web.request;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class RequestIdsTest {

    @Test
    void generatedIdsAreDistinctVersion4Uuids() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String id = RequestIds.newId();
            UUID uuid = UUID.fromString(id);
            assertThat(uuid.version()).isEqualTo(4);
            assertThat(uuid.variant()).isEqualTo(2);
            ids.add(id);
        }
        assertThat(ids).hasSize(10_000);
    }

    @Test
    void aValidInboundIdIsKeptAndAnythingElseReplaced() {
        assertThat(RequestIds.acceptOrGenerate("abc-123_XYZ")).isEqualTo("abc-123_XYZ");
        String replaced = RequestIds.acceptOrGenerate("bad id; drop table");
        assertThat(replaced).isNotEqualTo("bad id; drop table");
        assertThat(UUID.fromString(replaced).version()).isEqualTo(4);
        assertThat(RequestIds.acceptOrGenerate(null)).hasSize(36);
    }
}
