name: Booking cancelled internal alert
category: APPOINTMENT_INTERNAL_ALERT
channel: EMAIL
topic: -
required: customerName, appointmentRef, appointmentDate, cancelledBy
subject: Booking [(${appointmentRef})] cancelled
--- html
<p>Booking <strong th:text="${appointmentRef}">REF</strong> for <span th:text="${customerName}">customerName</span> on <span th:text="${appointmentDate}">appointmentDate</span> was cancelled by <span th:text="${cancelledBy}">cancelledBy</span>.</p>
<p th:if="${reason != null}">Reason: <span th:text="${reason}">reason</span></p>
<p><a th:href="${adminUrl}">Open the booking</a></p>
--- text
Booking [(${appointmentRef})] for [(${customerName})] on [(${appointmentDate})] was cancelled by [(${cancelledBy})].
[# th:if="${reason != null}"]Reason: [(${reason})]
[/]
Open the booking: [(${adminUrl})]
