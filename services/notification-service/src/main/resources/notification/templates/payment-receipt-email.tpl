name: Payment receipt
category: PAYMENT_RECEIPT
channel: EMAIL
topic: -
required: customerName, paymentId, amount, paymentDate, orderRef
subject: Your Lomash Wood payment receipt for [(${orderRef})]
--- html
<p>Hello <span th:text="${customerName}">customerName</span>,</p>
<p>We have received your payment of <strong th:text="${amount}">£0.00</strong> for order <strong th:text="${orderRef}">REF</strong>.</p>
<p>Payment reference: <span th:text="${paymentId}">paymentId</span><br>Date: <span th:text="${paymentDate}">paymentDate</span><th:block th:if="${paymentMethod != null}"><br>Method: <span th:text="${paymentMethod}">paymentMethod</span></th:block></p>
--- text
Hello [(${customerName})],

We have received your payment of [(${amount})] for order [(${orderRef})].

Payment reference: [(${paymentId})]
Date: [(${paymentDate})]
[# th:if="${paymentMethod != null}"]Method: [(${paymentMethod})]
[/]
