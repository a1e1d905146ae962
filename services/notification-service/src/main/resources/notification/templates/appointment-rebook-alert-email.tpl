name: Consultant change rebooking alert
category: APPOINTMENT_INTERNAL_ALERT
channel: EMAIL
topic: -
required: consultantId, updateType, affectedBookingIds, adminUrl
subject: Bookings to rebook after a consultant change ([(${affectedCount})])
--- html
<p>Consultant <span th:text="${consultantId}">consultantId</span> changed (<span th:text="${updateType}">updateType</span>). These bookings need a new consultant or a new time:</p>
<ul><li th:each="booking : ${affectedBookingIds}"><a th:href="${adminUrl + '/' + booking}" th:text="${booking}">bookingId</a></li></ul>
<p><a th:href="${adminUrl}">Open the bookings</a></p>
--- text
Consultant [(${consultantId})] changed ([(${updateType})]). These bookings need a new consultant or a new time:
[# th:each="booking : ${affectedBookingIds}"]- [(${booking})]: [(${adminUrl})]/[(${booking})]
[/]
Open the bookings: [(${adminUrl})]
