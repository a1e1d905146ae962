name: Support ticket status
category: SUPPORT_TICKET_UPDATE
channel: EMAIL
topic: -
required: ticketRef, status, ticketUrl
subject: Your request [(${ticketRef})] is [(${status})]
--- html
<p th:text="${customerName} ? |Hello ${customerName},| : 'Hello,'">Hello,</p>
<p>Your request <strong th:text="${ticketRef}">REF</strong> is now <strong th:text="${status}">resolved</strong>. If anything is still not right, reply on the request and we will pick it up again.</p>
<p><a th:href="${ticketUrl}">View your request</a></p>
--- text
[(${customerName} ? |Hello ${customerName},| : 'Hello,')]

Your request [(${ticketRef})] is now [(${status})]. If anything is still not right, reply on the request and we will pick it up again.

View your request: [(${ticketUrl})]
