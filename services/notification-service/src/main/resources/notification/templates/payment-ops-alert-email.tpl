name: Payment operations alert
category: SYSTEM_ALERT
channel: EMAIL
topic: -
required: alertType, orderRef, amount, adminUrl
subject: [(${alertType})] for order [(${orderRef})]
--- html
<p><strong th:text="${alertType}">alertType</strong> for order <span th:text="${orderRef}">orderRef</span>, amount <span th:text="${amount}">amount</span>.</p>
<p th:if="${reason}">Reason: <span th:text="${reason}">reason</span></p>
<p th:if="${evidenceDueBy}">Evidence due by <span th:text="${evidenceDueBy}">evidenceDueBy</span>.</p>
<p><a th:href="${adminUrl}">Open the order</a></p>
--- text
[(${alertType})] for order [(${orderRef})], amount [(${amount})].
[# th:if="${reason}"]Reason: [(${reason})]
[/][# th:if="${evidenceDueBy}"]Evidence due by [(${evidenceDueBy})].
[/]
Open the order: [(${adminUrl})]
