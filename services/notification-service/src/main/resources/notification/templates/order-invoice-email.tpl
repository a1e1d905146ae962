name: Invoice available
category: INVOICE_AVAILABLE
channel: EMAIL
topic: -
required: customerName, invoiceNumber, orderRef, invoiceUrl
subject: Your Lomash Wood invoice [(${invoiceNumber})]
--- html
<p>Hello <span th:text="${customerName}">customerName</span>,</p>
<p>Invoice <strong th:text="${invoiceNumber}">invoiceNumber</strong> for your order <span th:text="${orderRef}">orderRef</span> is ready.</p>
<p><a th:href="${invoiceUrl}">Download it from your account</a></p>
--- text
Hello [(${customerName})],

Invoice [(${invoiceNumber})] for your order [(${orderRef})] is ready.

Download it from your account: [(${invoiceUrl})]
