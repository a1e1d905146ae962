name: Booking internal alert (FR5.6)
category: APPOINTMENT_INTERNAL_ALERT
channel: EMAIL
topic: -
required: customerName, appointmentType, appointmentScope, appointmentDate, appointmentTime, appointmentRef
subject: New [(${appointmentScope})] booking [(${appointmentRef})] – [(${appointmentDate})]
--- html
<p>A new booking has been made<th:block th:if="${teamName != null}"> for the <strong th:text="${teamName}">team</strong></th:block>.</p>
<table role="presentation" cellpadding="4" style="border-collapse:collapse">
<tr><td>Reference</td><td><strong th:text="${appointmentRef}">REF</strong></td></tr>
<tr><td>Appointment</td><td th:text="${appointmentType}">type</td></tr>
<tr th:if="${appointmentScope != null}"><td>For</td><td th:text="${appointmentScope}">scope</td></tr>
<tr><td>Date</td><td th:text="${appointmentDate}">date</td></tr>
<tr><td>Time</td><td th:text="${appointmentTime}">time</td></tr>
<tr th:if="${showroomName != null}"><td>Showroom</td><td><span th:text="${showroomName}">name</span><th:block th:if="${showroomAddress != null}">, <span th:text="${showroomAddress}">address</span></th:block></td></tr>
</table>
<p>Customer: <span th:text="${customerName}">customerName</span><br>Email: <span th:text="${customerEmail}">customerEmail</span><br>Phone: <span th:text="${customerPhone}">customerPhone</span><br>Postcode: <span th:text="${customerPostcode}">customerPostcode</span></p>
<p><a th:href="${adminUrl}">Open the booking</a></p>
--- text
A new booking has been made[# th:if="${teamName != null}"] for the [(${teamName})][/].

Reference: [(${appointmentRef})]
Appointment: [(${appointmentType})]
[# th:if="${appointmentScope != null}"]For: [(${appointmentScope})]
[/]Date: [(${appointmentDate})]
Time: [(${appointmentTime})]
[# th:if="${showroomName != null}"]Showroom: [(${showroomName})][# th:if="${showroomAddress != null}"], [(${showroomAddress})][/]
[/]
Customer: [(${customerName})]
Email: [(${customerEmail})]
Phone: [(${customerPhone})]
Postcode: [(${customerPostcode})]

Open the booking: [(${adminUrl})]
