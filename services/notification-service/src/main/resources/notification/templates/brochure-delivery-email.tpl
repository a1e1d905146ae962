name: Brochure delivery (FR8.1)
category: BROCHURE_DELIVERY
channel: EMAIL
topic: -
required: customerName, brochureTitle, pdfUrl, appointmentUrl
subject: Your Lomash Wood brochure: [(${brochureTitle})]
--- html
<p>Hello <span th:text="${customerName}">customerName</span>,</p>
<p>Thank you for requesting <strong th:text="${brochureTitle}">brochure</strong>.</p>
<p><a th:href="${pdfUrl}">Download your brochure (PDF)</a></p>
<p>When you are ready, <a th:href="${appointmentUrl}">book a free design consultation</a>.</p>
--- text
Hello [(${customerName})],

Thank you for requesting [(${brochureTitle})].

Download your brochure (PDF): [(${pdfUrl})]

When you are ready, book a free design consultation: [(${appointmentUrl})]
