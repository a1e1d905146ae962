name: Order confirmation
category: ORDER_CONFIRMATION
channel: EMAIL
topic: ORDER_UPDATES
required: customerName, orderRef, orderDate, totalAmount, orderUrl
subject: Thank you for your order [(${orderRef})]
--- html
<p>Hello <span th:text="${customerName}">customerName</span>,</p>
<p>Thank you for your order. Here is a summary:</p>
<table role="presentation" cellpadding="4"><tr><td>Order</td><td><strong th:text="${orderRef}">REF</strong></td></tr>
<tr><td>Date</td><td th:text="${orderDate}">date</td></tr>
<tr><td>Total</td><td th:text="${totalAmount}">£0.00</td></tr>
<tr th:if="${paymentStatus != null}"><td>Payment</td><td th:text="${paymentStatus}">PAID</td></tr></table>
<p><a th:href="${orderUrl}">View your order</a></p>
--- text
Hello [(${customerName})],

Thank you for your order. Here is a summary:

Order: [(${orderRef})]
Date: [(${orderDate})]
Total: [(${totalAmount})]
[# th:if="${paymentStatus != null}"]Payment: [(${paymentStatus})]
[/]
View your order: [(${orderUrl})]
