name: Order cancelled
category: ORDER_CANCELLED
channel: EMAIL
topic: -
required: customerName, orderRef
subject: Your order [(${orderRef})] has been cancelled
--- html
<p>Hello <span th:text="${customerName}">customerName</span>,</p>
<p>Your order <strong th:text="${orderRef}">REF</strong> has been cancelled<th:block th:if="${reason != null}"> (<span th:text="${reason}">reason</span>)</th:block>.</p>
<p th:if="${refundExpected}">Any payment you made will be refunded to your original payment method.</p>
--- text
Hello [(${customerName})],

Your order [(${orderRef})] has been cancelled[# th:if="${reason != null}"] ([(${reason})])[/].
[# th:if="${refundExpected}"]Any payment you made will be refunded to your original payment method.
[/]
