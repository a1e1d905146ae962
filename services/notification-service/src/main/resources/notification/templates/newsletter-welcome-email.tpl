name: Newsletter welcome
category: NEWSLETTER_WELCOME
channel: EMAIL
topic: NEWSLETTER
required: baseUrl, unsubscribeUrl, currentYear
subject: Welcome to the Lomash Wood newsletter
--- html
<p th:text="${subscriberName} ? |Hello ${subscriberName},| : 'Hello,'">Hello,</p>
<p>You are now subscribed to the Lomash Wood newsletter: new kitchen and bedroom ranges, design ideas and showroom events.</p>
<p><a th:href="${baseUrl}">Visit Lomash Wood</a></p>
<p>You can <a th:href="${unsubscribeUrl}">unsubscribe</a> at any time.</p>
--- text
[(${subscriberName} ? |Hello ${subscriberName},| : 'Hello,')]

You are now subscribed to the Lomash Wood newsletter: new kitchen and bedroom ranges, design ideas and showroom events.

Visit us: [(${baseUrl})]

Unsubscribe at any time: [(${unsubscribeUrl})]
