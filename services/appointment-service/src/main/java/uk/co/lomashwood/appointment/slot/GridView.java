package uk.co.lomashwood.appointment.slot;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** {@code { date | from,to, timezone, slots: [...] }} of the availability grid. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GridView(LocalDate date, LocalDate from, LocalDate to, String timezone, List<Entry> slots) {

    public record Consultant(UUID id, String name, String avatarUrl) {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Entry(UUID id, Instant startTime, Instant endTime, boolean isAvailable, Consultant consultant) {

        static Entry available(GridCandidate c) {
            return new Entry(c.slotId(), c.startsAt(), c.endsAt(), true,
                    new Consultant(c.consultantId(), c.consultantName(), c.avatarUrl()));
        }

        static Entry taken(GridCandidate c) {
            return new Entry(null, c.startsAt(), c.endsAt(), false, null);
        }
    }
}
