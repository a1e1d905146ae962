name: Support reply
category: SUPPORT_TICKET_UPDATE
channel: EMAIL
topic: -
required: ticketRef, ticketUrl
subject: New reply to your request [(${ticketRef})]
--- html
<p th:text="${customerName} ? |Hello ${customerName},| : 'Hello,'">Hello,</p>
<p>Our customer care team has replied to your request <strong th:text="${ticketRef}">REF</strong>. For your privacy the reply is only shown in your account.</p>
<p><a th:href="${ticketUrl}">Read the reply</a></p>
--- text
[(${customerName} ? |Hello ${customerName},| : 'Hello,')]

Our customer care team has replied to your request [(${ticketRef})]. For your privacy the reply is only shown in your account.

Read the reply: [(${ticketUrl})]
