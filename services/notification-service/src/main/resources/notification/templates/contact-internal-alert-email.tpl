name: Contact internal alert
category: CONTACT_INTERNAL_ALERT
channel: EMAIL
topic: -
required: customerName, customerEmail, subject, message, submittedAt
subject: Contact form: [(${subject})]
--- html
<p>New message from the contact form.</p>
<p>Name: <span th:text="${customerName}">customerName</span><br>Email: <span th:text="${customerEmail}">customerEmail</span><br>Phone: <span th:text="${customerPhone}">customerPhone</span><br>Submitted: <span th:text="${submittedAt}">submittedAt</span></p>
<p><strong th:text="${subject}">subject</strong></p>
<p th:text="${message}">message</p>
<p><a th:href="${adminUrl}">Open in admin</a></p>
--- text
New message from the contact form.

Name: [(${customerName})]
Email: [(${customerEmail})]
Phone: [(${customerPhone})]
Submitted: [(${submittedAt})]

[(${subject})]

[(${message})]

Open in admin: [(${adminUrl})]
