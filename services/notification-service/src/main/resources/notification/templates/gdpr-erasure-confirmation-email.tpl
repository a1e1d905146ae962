name: Your account has been erased
category: DATA_REQUEST_UPDATE
channel: EMAIL
topic: -
required: customerName, completedAt
subject: Your Lomash Wood account has been deleted
--- html
<p>Hello <span th:text="${customerName}">customerName</span>,</p>
<p>As you asked, we deleted your Lomash Wood account and your personal data on <span th:text="${completedAt}">completedAt</span>.</p>
<p>We keep order and invoice records for 7 years because the law requires it, with your name and address removed.</p>
<p>This is the last email you will receive from us. Questions: <span th:text="${supportEmail}">support</span>.</p>
--- text
Hello [(${customerName})],

As you asked, we deleted your Lomash Wood account and your personal data on [(${completedAt})].

We keep order and invoice records for 7 years because the law requires it, with your name and address removed.

This is the last email you will receive from us. Questions: [(${supportEmail})].
