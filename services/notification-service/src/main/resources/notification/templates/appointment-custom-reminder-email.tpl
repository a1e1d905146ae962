name: Custom appointment reminder
category: APPOINTMENT_REMINDER
channel: EMAIL
topic: BOOKING_REMINDERS
required: subject, message, appointmentRef, manageUrl
subject: [(${subject})]
--- html
<p th:text="${message}">message</p>
<p>Reference: <span th:text="${appointmentRef}">appointmentRef</span> · <a th:href="${manageUrl}">Manage your appointment</a></p>
--- text
[(${message})]

Reference: [(${appointmentRef})]
Manage your appointment: [(${manageUrl})]
