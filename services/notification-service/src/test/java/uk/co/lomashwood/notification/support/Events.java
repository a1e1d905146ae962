package uk.co.lomashwood.notification.support;

import uk.co.lomashwood.platform.core.id.Uuids;
import uk.co.lomashwood.platform.events.EventEnvelope;
import uk.co.lomashwood.platform.test.http.HttpCalls;

import java.time.Instant;
import java.util.Map;

/** Envelopes as the producing services would publish them. */
public final class Events {

    private Events() {
    }

    public static EventEnvelope envelope(String topic, String source, Map<String, Object> data) {
        return new EventEnvelope(Uuids.v7(), topic, "1.0", Instant.now(), source, Uuids.v7().toString(), null,
                Map.of(), HttpCalls.JSON.valueToTree(data));
    }
}
