name: Welcome
category: ACCOUNT_WELCOME
channel: EMAIL
topic: -
required: customerName
subject: Welcome to Lomash Wood
--- html
<p>Hello <span th:text="${customerName}">customerName</span>,</p>
<p>Thank you for joining Lomash Wood. Your account lets you book a free design consultation, request a brochure and follow your orders.</p>
<p><a th:href="${baseUrl}">Visit Lomash Wood</a></p>
--- text
Hello [(${customerName})],

Thank you for joining Lomash Wood. Your account lets you book a free design consultation, request a brochure and follow your orders.

[(${baseUrl})]
