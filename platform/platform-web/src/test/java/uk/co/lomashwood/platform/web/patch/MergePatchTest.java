package uk.co.lomashwood.platform.web.patch;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import uk.co.lomashwood.platform.core.error.ValidationException;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MergePatchTest {

    record Profile(String id, String firstName, String phone, List<String> tags) {
    }

    private final JsonMapper mapper = JsonMapper.builder().build();
    private final Profile current = new Profile("p1", "Ada", "+447700900123", List.of("a", "b"));
    private final Set<String> writable = Set.of("firstName", "phone", "tags");

    @Test
    void absentMembersStayNullClearsAndArraysReplace() {
        Profile patched = MergePatch.apply(mapper.readTree("{\"phone\":null,\"tags\":[\"c\"]}"), current, Profile.class, writable, mapper);
        assertThat(patched).isEqualTo(new Profile("p1", "Ada", null, List.of("c")));
    }

    @Test
    void readOnlyAndUnknownMembersAreRefused() {
        assertThatThrownBy(() -> MergePatch.apply(mapper.readTree("{\"id\":\"p2\",\"role\":\"ADMIN\"}"), current, Profile.class, writable, mapper))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations()).extracting("field")
                        .containsExactlyInAnyOrder("id", "role"));
    }

    @Test
    void aPatchMustBeAnObject() {
        assertThatThrownBy(() -> MergePatch.apply(mapper.readTree("[1]"), current, Profile.class, writable, mapper))
                .isInstanceOf(ValidationException.class);
    }

    @Test
    void aWrongTypeIsAValidationError() {
        assertThatThrownBy(() -> MergePatch.apply(mapper.readTree("{\"tags\":\"x\"}"), current, Profile.class, writable, mapper))
                .isInstanceOf(ValidationException.class);
    }
}
