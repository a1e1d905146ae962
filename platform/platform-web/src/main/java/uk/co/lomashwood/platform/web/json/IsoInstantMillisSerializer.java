package uk.co.lomashwood.platform.web.json;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ser.std.StdSerializer;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Instants as ISO-8601 UTC with exactly three fraction digits and {@code Z} (spec 00 §1.1). */
public class IsoInstantMillisSerializer extends StdSerializer<Instant> {

    static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    public IsoInstantMillisSerializer() {
        super(Instant.class);
    }

    @Override
    public void serialize(Instant value, JsonGenerator gen, SerializationContext context) {
        gen.writeString(FORMAT.format(value));
    }
}
