name: Newsletter unsubscribe confirmation
category: NEWSLETTER_UNSUBSCRIBE_CONFIRMATION
channel: EMAIL
topic: -
required: resubscribeUrl
subject: You have unsubscribed from the Lomash Wood newsletter
--- html
<p>Hello,</p>
<p>You will not receive the Lomash Wood newsletter any more. We are sorry to see you go.</p>
<p>Changed your mind? <a th:href="${resubscribeUrl}">Subscribe again</a>.</p>
--- text
Hello,

You will not receive the Lomash Wood newsletter any more. We are sorry to see you go.

Changed your mind? Subscribe again: [(${resubscribeUrl})]
