name: Brochure internal alert (FR8.2)
category: BROCHURE_INTERNAL_ALERT
channel: EMAIL
topic: -
required: customerName, customerEmail, submittedAt
subject: Brochure request from [(${customerName})]
--- html
<p>A brochure has been requested.</p>
<p>Name: <span th:text="${customerName}">customerName</span><br>Email: <span th:text="${customerEmail}">customerEmail</span><br>Phone: <span th:text="${customerPhone}">customerPhone</span><br>Address: <span th:text="${address}">address</span><br>Postcode: <span th:text="${postcode}">postcode</span><br>Submitted: <span th:text="${submittedAt}">submittedAt</span></p>
<p><a th:href="${adminUrl}">Open in admin</a></p>
--- text
A brochure has been requested.

Name: [(${customerName})]
Email: [(${customerEmail})]
Phone: [(${customerPhone})]
Address: [(${address})]
Postcode: [(${postcode})]
Submitted: [(${submittedAt})]

Open in admin: [(${adminUrl})]
