name: Booking cancelled
category: APPOINTMENT_CANCELLATION
channel: EMAIL
topic: BOOKING_CONFIRMATIONS
required: customerName, appointmentRef, appointmentDate, appointmentTime, rebookUrl
subject: Your Lomash Wood appointment has been cancelled
--- html
<p>Hello <span th:text="${customerName}">customerName</span>,</p>
<p>Your appointment <strong th:text="${appointmentRef}">REF</strong> on <span th:text="${appointmentDate}">appointmentDate</span> at <span th:text="${appointmentTime}">appointmentTime</span> has been cancelled.</p>
<p th:if="${reason != null}">Reason: <span th:text="${reason}">reason</span></p>
<p>We would be glad to see you another time: <a th:href="${rebookUrl}">book a new appointment</a>.</p>
--- text
Hello [(${customerName})],

Your appointment [(${appointmentRef})] on [(${appointmentDate})] at [(${appointmentTime})] has been cancelled.
[# th:if="${reason != null}"]Reason: [(${reason})]
[/]
We would be glad to see you another time: [(${rebookUrl})]
