name: Refund issued
category: REFUND_ISSUED
channel: EMAIL
topic: -
required: customerName, orderRef, refundAmount, processingDays
subject: Your refund for [(${orderRef})] is on its way
--- html
<p>Hello <span th:text="${customerName}">customerName</span>,</p>
<p>We have issued a refund of <strong th:text="${refundAmount}">£0.00</strong> for order <strong th:text="${orderRef}">REF</strong>.</p>
<p>It usually reaches your account within <span th:text="${processingDays}">processingDays</span>.</p>
--- text
Hello [(${customerName})],

We have issued a refund of [(${refundAmount})] for order [(${orderRef})].

It usually reaches your account within [(${processingDays})].
