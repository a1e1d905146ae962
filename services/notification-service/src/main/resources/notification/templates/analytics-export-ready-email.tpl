name: Analytics export ready
category: SYSTEM_ALERT
channel: EMAIL
topic: -
required: reportType, format, rowCount, exportUrl, expiresAt
subject: Your [(${reportType})] export is ready
--- html
<p th:text="${adminName} ? |Hello ${adminName},| : 'Hello,'">Hello,</p>
<p>Your <span th:text="${reportType}">report</span> export (<span th:text="${format}">CSV</span>, <span th:text="${rowCount}">0</span> rows) is ready. It can be downloaded from the admin area until <span th:text="${expiresAt}">expiresAt</span>.</p>
<p><a th:href="${exportUrl}">Open your exports</a></p>
--- text
[(${adminName} ? |Hello ${adminName},| : 'Hello,')]

Your [(${reportType})] export ([(${format})], [(${rowCount})] rows) is ready. It can be downloaded from the admin area until [(${expiresAt})].

Open your exports: [(${exportUrl})]
