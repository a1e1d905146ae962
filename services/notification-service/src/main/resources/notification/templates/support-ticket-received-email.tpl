name: Support ticket received
category: SUPPORT_TICKET_UPDATE
channel: EMAIL
topic: -
required: ticketRef, subject, ticketUrl
subject: We have received your request [(${ticketRef})]
--- html
<p th:text="${customerName} ? |Hello ${customerName},| : 'Hello,'">Hello,</p>
<p>Thank you for getting in touch. Your request <strong th:text="${ticketRef}">REF</strong> (“<span th:text="${subject}">subject</span>”) has reached our customer care team, and we will reply as soon as we can.</p>
<p><a th:href="${ticketUrl}">View your request</a></p>
--- text
[(${customerName} ? |Hello ${customerName},| : 'Hello,')]

Thank you for getting in touch. Your request [(${ticketRef})] ("[(${subject})]") has reached our customer care team, and we will reply as soon as we can.

View your request: [(${ticketUrl})]
