package uk.co.lomashwood.appointment.booking;

import uk.co.lomashwood.appointment.common.London;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** CSV export of the admin table (RFC 4180 quoting; cells starting with = + - @ are defused for spreadsheets). */
final class BookingCsv {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final String HEADER = "referenceCode,status,appointmentType,forKitchen,forBedroom,scheduledAtLondon,"
            + "customerName,customerEmail,customerPhone,customerPostcode,consultant,showroom,createdAt";

    private BookingCsv() {
    }

    static String write(List<BookingDetails> rows) {
        return Stream.concat(Stream.of(HEADER), rows.stream().map(BookingCsv::line)).collect(Collectors.joining("\r\n", "", "\r\n"));
    }

    private static String line(BookingDetails d) {
        Booking b = d.booking();
        Booking.BookingData data = b.data();
        return Stream.of(data.referenceCode(), b.status().name(), data.type().name(), String.valueOf(data.forKitchen()),
                        String.valueOf(data.forBedroom()), LOCAL.format(b.startsAt().atZone(London.ZONE)),
                        data.customer().name(), data.customer().email(), data.customer().phone(), data.customer().postcode(),
                        d.consultant().name(), d.showroom() == null ? "" : d.showroom().name(), d.createdAt().toString())
                .map(BookingCsv::cell).collect(Collectors.joining(","));
    }

    private static String cell(String value) {
        String v = value == null ? "" : value;
        if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0 && !v.matches("[+-]?[0-9 ]+")) {
            v = "'" + v;
        }
        return v.matches(".*[\",\r\n].*") ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
    }
}
