name: Business enquiry internal alert (FR8.4)
category: BUSINESS_ENQUIRY_INTERNAL_ALERT
channel: EMAIL
topic: -
required: contactName, contactEmail, businessType, submittedAt
subject: Business enquiry from [(${contactName})]
--- html
<p>A new business enquiry has arrived.</p>
<p>Name: <span th:text="${contactName}">contactName</span><br>Email: <span th:text="${contactEmail}">contactEmail</span><br>Phone: <span th:text="${contactPhone}">contactPhone</span><br>Business: <span th:text="${businessName}">businessName</span><br>Type: <span th:text="${businessType}">businessType</span><br>Submitted: <span th:text="${submittedAt}">submittedAt</span></p>
<p th:if="${message != null}" th:text="${message}">message</p>
<p><a th:href="${adminUrl}">Open in admin</a></p>
--- text
A new business enquiry has arrived.

Name: [(${contactName})]
Email: [(${contactEmail})]
Phone: [(${contactPhone})]
Business: [(${businessName})]
Type: [(${businessType})]
Submitted: [(${submittedAt})]
[# th:if="${message != null}"]
[(${message})]
[/]
Open in admin: [(${adminUrl})]
