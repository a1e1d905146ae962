package uk.co.lomashwood.platform.events;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import uk.co.lomashwood.platform.core.id.Uuids;

import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventJsonTest {

    private final EventJson json = new EventJson(JsonMapper.shared());

    @Test
    void writesTheSpecFieldsWithAMillisecondUtcTimestamp() {
        EventEnvelope event = envelope("1.0", Instant.parse("2026-03-01T09:15:00Z"), Map.of("userId", "u-1"));

        String written = json.write(event);

        assertThat(written).contains("\"timestamp\":\"2026-03-01T09:15:00.000Z\"")
                .contains("\"eventId\":\"" + event.eventId() + "\"", "\"topic\":\"auth.user.created\"",
                        "\"version\":\"1.0\"", "\"source\":\"auth-service\"", "\"correlationId\":\"req-1\"",
                        "\"metadata\":{\"aggregateId\":\"u-1\"}", "\"data\":{\"userId\":\"u-1\"}")
                .doesNotContain("causationId");
        assertThat(json.read(written)).isEqualTo(event);
    }

    @Test
    void acceptsLaterMinorVersionsAndIgnoresUnknownFields() {
        String written = json.write(envelope("1.7", Instant.now(), Map.of("userId", "u-1", "nickname", "new")));
        String withExtra = written.replaceFirst("\\{", "{\"addedLater\":true,");

        EventEnvelope read = json.read(withExtra);

        assertThat(read.version()).isEqualTo("1.7");
        assertThat(read.dataAs(UserCreated.class)).isEqualTo(new UserCreated("u-1"));
    }

    @Test
    void rejectsWhatIsNotAnEnvelopeOfMajorVersionOne() {
        String valid = json.write(envelope("1.0", Instant.now(), Map.of("userId", "u-1")));

        assertReason("{oops", MalformedEventException.Reason.MALFORMED);
        assertReason("[]", MalformedEventException.Reason.MALFORMED);
        assertReason(valid.replaceFirst("\"eventId\":\"[^\"]+\"", "\"eventId\":\"nope\""),
                MalformedEventException.Reason.MALFORMED);
        assertReason(valid.replaceFirst("\"data\":\\{[^}]*}", "\"data\":\"text\""),
                MalformedEventException.Reason.MALFORMED);
        assertReason(valid.replace("\"version\":\"1.0\"", "\"version\":\"2.0\""),
                MalformedEventException.Reason.UNSUPPORTED_VERSION);
        assertReason(valid.replace("\"version\":\"1.0\"", "\"version\":\"one\""),
                MalformedEventException.Reason.UNSUPPORTED_VERSION);
    }

    @Test
    void refusesEnvelopesOver64Kilobytes() {
        String big = "x".repeat(EventEnvelope.MAX_SERIALISED_BYTES);

        assertThatThrownBy(() -> json.write(envelope("1.0", Instant.now(), Map.of("blob", big))))
                .isInstanceOf(EventTooLargeException.class).hasMessageContaining("auth.user.created");
    }

    private void assertReason(String text, MalformedEventException.Reason reason) {
        assertThatThrownBy(() -> json.read(text)).isInstanceOfSatisfying(MalformedEventException.class,
                e -> assertThat(e.reason()).isEqualTo(reason));
    }

    private static EventEnvelope envelope(String version, Instant at, Map<String, Object> data) {
        return new EventEnvelope(Uuids.v7(), "auth.user.created", version, at, "auth-service", "req-1", null,
                Map.of("aggregateId", "u-1"), JsonMapper.shared().valueToTree(data));
    }

    record UserCreated(String userId) {
    }
}
