name: Payment failed
category: PAYMENT_FAILED
channel: EMAIL
topic: -
required: customerName, orderRef, failureMessage, retryUrl
subject: Your payment for [(${orderRef})] did not go through
--- html
<p>Hello <span th:text="${customerName}">customerName</span>,</p>
<p>Unfortunately your payment for order <strong th:text="${orderRef}">REF</strong> did not go through: <span th:text="${failureMessage}">failureMessage</span></p>
<p><a th:href="${retryUrl}">Try again</a></p>
--- text
Hello [(${customerName})],

Unfortunately your payment for order [(${orderRef})] did not go through: [(${failureMessage})]

Try again: [(${retryUrl})]
