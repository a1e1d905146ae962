name: Your data export is ready
category: DATA_REQUEST_UPDATE
channel: EMAIL
topic: -
required: customerName, downloadUrl
subject: Your Lomash Wood data export is ready
--- html
<p>Hello <span th:text="${customerName}">customerName</span>,</p>
<p>The copy of your personal data that you asked for is ready.</p>
<p><a th:href="${downloadUrl}">Download your data</a>. The link works for 24 hours; after that the file is deleted and you can ask for a new export from your account.</p>
<p>If you did not ask for this, please contact us at <span th:text="${supportEmail}">support</span>.</p>
--- text
Hello [(${customerName})],

The copy of your personal data that you asked for is ready.

Download it here: [(${downloadUrl})]
The link works for 24 hours; after that the file is deleted and you can ask for a new export from your account.

If you did not ask for this, please contact us at [(${supportEmail})].
