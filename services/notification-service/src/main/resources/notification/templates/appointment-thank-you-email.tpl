name: Appointment thank you
category: APPOINTMENT_COMPLETED
channel: EMAIL
topic: BOOKING_CONFIRMATIONS
required: appointmentType, appointmentDate, brochureUrl, reviewUrl
subject: Thank you for your Lomash Wood appointment
--- html
<p th:text="${customerName} ? |Hello ${customerName},| : 'Hello,'">Hello,</p>
<p>Thank you for your <span th:text="${appointmentType}">type</span> appointment<th:block th:if="${appointmentRef != null}"> (<span th:text="${appointmentRef}">REF</span>)</th:block> on <span th:text="${appointmentDate}">date</span>. We hope you enjoyed planning your new kitchen or bedroom with us.</p>
<p>While the ideas are fresh, our <a th:href="${brochureUrl}">brochures</a> show every range, colour and finish we talked about.</p>
<p>We would love to hear how it went: <a th:href="${reviewUrl}">tell us about your appointment</a>.</p>
--- text
[(${customerName} ? |Hello ${customerName},| : 'Hello,')]

Thank you for your [(${appointmentType})] appointment[# th:if="${appointmentRef != null}"] ([(${appointmentRef})])[/] on [(${appointmentDate})]. We hope you enjoyed planning your new kitchen or bedroom with us.

While the ideas are fresh, our brochures show every range, colour and finish we talked about: [(${brochureUrl})]

We would love to hear how it went: [(${reviewUrl})]
