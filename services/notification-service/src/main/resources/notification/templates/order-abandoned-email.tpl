name: Order not completed
category: ORDER_UPDATED
channel: EMAIL
topic: ORDER_UPDATES
required: customerName, orderRef, totalAmount, basketUrl
subject: Your Lomash Wood order [(${orderRef})] was not completed
--- html
<p>Hello <span th:text="${customerName}">customerName</span>,</p>
<p>We did not receive payment for your order <strong th:text="${orderRef}">orderRef</strong> (<span th:text="${totalAmount}">totalAmount</span>) in time, so it has expired and nothing was charged.</p>
<p><a th:href="${basketUrl}">Return to your basket</a> whenever you are ready.</p>
--- text
Hello [(${customerName})],

We did not receive payment for your order [(${orderRef})] ([(${totalAmount})]) in time, so it has expired and nothing was charged.

Return to your basket whenever you are ready: [(${basketUrl})]
