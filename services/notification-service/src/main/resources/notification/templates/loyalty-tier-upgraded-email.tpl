name: Loyalty tier upgraded
category: LOYALTY_TIER_UPGRADED
channel: EMAIL
topic: LOYALTY
required: newTier, accountUrl
subject: Welcome to Lomash Wood [(${newTier})]
--- html
<p th:text="${customerName} ? |Hello ${customerName},| : 'Hello,'">Hello,</p>
<p>Congratulations: you have reached our <strong th:text="${newTier}">Gold</strong> loyalty tier. Thank you for choosing Lomash Wood.</p>
<p><a th:href="${accountUrl}">See your rewards</a></p>
--- text
[(${customerName} ? |Hello ${customerName},| : 'Hello,')]

Congratulations: you have reached our [(${newTier})] loyalty tier. Thank you for choosing Lomash Wood.

See your rewards: [(${accountUrl})]
