name: Booking acknowledgement (FR5.5)
category: APPOINTMENT_CONFIRMATION
channel: EMAIL
topic: BOOKING_CONFIRMATIONS
required: customerName, appointmentType, appointmentDate, appointmentTime, appointmentRef, manageUrl
subject: We have received your booking [(${appointmentRef})]
--- html
<p>Hello <span th:text="${customerName}">customerName</span>,</p>
<p>Thank you for booking with Lomash Wood. We have received your request and will be in touch to confirm it.</p>
<table role="presentation" cellpadding="4" style="border-collapse:collapse">
<tr><td>Reference</td><td><strong th:text="${appointmentRef}">REF</strong></td></tr>
<tr><td>Appointment</td><td th:text="${appointmentType}">type</td></tr>
<tr th:if="${appointmentScope != null}"><td>For</td><td th:text="${appointmentScope}">scope</td></tr>
<tr><td>Date</td><td th:text="${appointmentDate}">date</td></tr>
<tr><td>Time</td><td th:text="${appointmentTime}">time</td></tr>
<tr th:if="${showroomName != null}"><td>Showroom</td><td><span th:text="${showroomName}">name</span><th:block th:if="${showroomAddress != null}">, <span th:text="${showroomAddress}">address</span></th:block></td></tr>
</table>
<p><a th:href="${manageUrl}">View or change your appointment</a></p>
--- text
Hello [(${customerName})],

Thank you for booking with Lomash Wood. We have received your request and will be in touch to confirm it.

Reference: [(${appointmentRef})]
Appointment: [(${appointmentType})]
[# th:if="${appointmentScope != null}"]For: [(${appointmentScope})]
[/]Date: [(${appointmentDate})]
Time: [(${appointmentTime})]
[# th:if="${showroomName != null}"]Showroom: [(${showroomName})][# th:if="${showroomAddress != null}"], [(${showroomAddress})][/]
[/]
View or change your appointment: [(${manageUrl})]
