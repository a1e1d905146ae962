name: Booking rescheduled
category: APPOINTMENT_RESCHEDULED
channel: EMAIL
topic: BOOKING_CONFIRMATIONS
required: customerName, appointmentRef, appointmentDate, appointmentTime, manageUrl
subject: Your Lomash Wood appointment has moved
--- html
<p>Hello <span th:text="${customerName}">customerName</span>,</p>
<p>Your appointment <strong th:text="${appointmentRef}">REF</strong><th:block th:if="${previousDate != null}"> (previously <span th:text="${previousDate}">previousDate</span>)</th:block> is now on <strong th:text="${appointmentDate}">date</strong> at <strong th:text="${appointmentTime}">time</strong>.</p>
<p><a th:href="${manageUrl}">View or change your appointment</a></p>
--- text
Hello [(${customerName})],

Your appointment [(${appointmentRef})][# th:if="${previousDate != null}"] (previously [(${previousDate})])[/] is now on [(${appointmentDate})] at [(${appointmentTime})].

View or change your appointment: [(${manageUrl})]
