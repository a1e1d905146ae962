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
        String uuid = "3F2504E0-4F89-41D3-9A0C-0305E82C3301";
        assertThat(RequestIds.acceptOrGenerate(uuid)).isEqualTo(uuid);
        assertThat(RequestIds.acceptOrGenerate("a".repeat(64))).isEqualTo("a".repeat(64));
        for (String refused : new String[] {"short7c", "a".repeat(65), "abcdefgh\r\nX-Evil: 1", "abcdéfgh", "abc defgh",
                "abcdefg.h", ""}) {
            assertThat(RequestIds.acceptOrGenerate(refused)).as(refused).isNotEqualTo(refused).hasSize(36);
        }
    }
}
