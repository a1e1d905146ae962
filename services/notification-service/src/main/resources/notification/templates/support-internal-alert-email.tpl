name: Support inbox alert
category: SUPPORT_INTERNAL_ALERT
channel: EMAIL
topic: -
required: alert, ticketRef, adminUrl
subject: [(${alert})]: [(${ticketRef})]
--- html
<p><strong th:text="${alert}">alert</strong> on ticket <span th:text="${ticketRef}">REF</span><th:block th:if="${subject != null}">: “<span th:text="${subject}">subject</span>”</th:block>.</p>
<p th:if="${category != null}">Category <span th:text="${category}">category</span>, priority <span th:text="${priority}">priority</span>.</p>
<p><a th:href="${adminUrl}">Open the ticket</a></p>
--- text
[(${alert})] on ticket [(${ticketRef})][# th:if="${subject != null}"]: "[(${subject})]"[/].
[# th:if="${category != null}"]Category [(${category})], priority [(${priority})].
[/]
Open the ticket: [(${adminUrl})]
