name: Contact acknowledgement (FR7.4)
category: CONTACT_ACKNOWLEDGEMENT
channel: EMAIL
topic: -
required: customerName, messagePreview
subject: We have received your message
--- html
<p>Hello <span th:text="${customerName}">customerName</span>,</p>
<p>Thank you for getting in touch. We have received your message and will reply within one working day.</p>
<blockquote style="color:#555;border-left:3px solid #ddd;padding-left:12px" th:text="${messagePreview}">message</blockquote>
--- text
Hello [(${customerName})],

Thank you for getting in touch. We have received your message and will reply within one working day.

> [(${messagePreview})]
