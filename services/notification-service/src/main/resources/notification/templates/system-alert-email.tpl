name: System alert
category: SYSTEM_ALERT
channel: EMAIL
topic: -
required: alertType, summary, detectedAt
subject: System alert: [(${alertType})]
--- html
<p><strong th:text="${alertType}">alertType</strong> detected at <span th:text="${detectedAt}">detectedAt</span>.</p>
<p th:text="${summary}">summary</p>
<p th:if="${details != null}" th:text="${details}">details</p>
--- text
[(${alertType})] detected at [(${detectedAt})].

[(${summary})]
[# th:if="${details != null}"]
[(${details})]
[/]
