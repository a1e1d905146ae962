name: Order update
category: ORDER_UPDATED
channel: EMAIL
topic: ORDER_UPDATES
required: customerName, orderRef, orderStatus, orderUrl
subject: Your Lomash Wood order is [(${orderStatus})]
--- html
<p>Hello <span th:text="${customerName}">customerName</span>,</p>
<p>Your order <strong th:text="${orderRef}">orderRef</strong> is <span th:text="${orderStatus}">orderStatus</span>.</p>
<p th:if="${trackingUrl}"><a th:href="${trackingUrl}">Track your delivery</a></p>
<p><a th:href="${orderUrl}">See your order</a></p>
--- text
Hello [(${customerName})],

Your order [(${orderRef})] is [(${orderStatus})].
[# th:if="${trackingUrl}"]
Track your delivery: [(${trackingUrl})]
[/]
See your order: [(${orderUrl})]
