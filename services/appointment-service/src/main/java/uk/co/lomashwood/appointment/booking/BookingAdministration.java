package uk.co.lomashwood.appointment.booking;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import uk.co.lomashwood.appointment.booking.BookingAccess.Caller;
import uk.co.lomashwood.appointment.booking.BookingRequests.Edit;

import java.time.Clock;
import java.util.UUID;

/** Staff edits and soft deletes of bookings (spec 30 §1.3, PATCH and DELETE /v1/appointments/{id}). */
@Service
public class BookingAdministration {

    private final BookingAccess access;
    private final Bookings bookings;
    private final BookingQueries queries;
    private final Clock clock;

    public BookingAdministration(BookingAccess access, Bookings bookings, BookingQueries queries, Clock clock) {
        this.access = access;
        this.bookings = bookings;
        this.queries = queries;
        this.clock = clock;
    }

    @Transactional
    public BookingDetails edit(UUID id, Edit edit, Caller caller) {
        Booking booking = access.lockForChange(id, caller);
        Booking.BookingData d = booking.data();
        booking.edit(edit.customerDetails() == null ? d.customer() : edit.customerDetails().over(d.customer()),
                edit.forKitchen() != null ? edit.forKitchen() : d.forKitchen(),
                edit.forBedroom() != null ? edit.forBedroom() : d.forBedroom(),
                edit.notes() != null ? edit.notes() : d.notes(),
                edit.internalNotes() != null ? edit.internalNotes() : d.internalNotes(),
                edit.meetingUrl() != null ? edit.meetingUrl() : d.meetingUrl());
        bookings.updateDetails(booking, caller.user().userId(), clock.instant());
        return queries.find(id).orElseThrow();
    }

    @Transactional
    public void delete(UUID id, Caller caller) {
        Booking booking = access.lockForChange(id, caller);
        booking.checkDeletable(clock);
        bookings.softDelete(id, caller.user().userId(), clock.instant());
    }
}
