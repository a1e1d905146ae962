name: Loyalty points expiring
category: LOYALTY_POINTS_EXPIRING
channel: EMAIL
topic: LOYALTY
required: points, expiresAt, accountUrl
subject: [(${points})] Lomash Wood points expire on [(${expiresAt})]
--- html
<p th:text="${customerName} ? |Hello ${customerName},| : 'Hello,'">Hello,</p>
<p><strong th:text="${points}">100</strong> of your loyalty points expire on <strong th:text="${expiresAt}">date</strong>. Use them on your next order before then.</p>
<p><a th:href="${accountUrl}">See your points</a></p>
--- text
[(${customerName} ? |Hello ${customerName},| : 'Hello,')]

[(${points})] of your loyalty points expire on [(${expiresAt})]. Use them on your next order before then.

See your points: [(${accountUrl})]
