name: Review published
category: REVIEW_PUBLISHED
channel: EMAIL
topic: LOYALTY
required: reviewUrl
subject: Your Lomash Wood review is live
--- html
<p th:text="${customerName} ? |Hello ${customerName},| : 'Hello,'">Hello,</p>
<p>Thank you for your review. It has been approved and other customers can now read it.</p>
<p><a th:href="${reviewUrl}">See your reviews</a></p>
--- text
[(${customerName} ? |Hello ${customerName},| : 'Hello,')]

Thank you for your review. It has been approved and other customers can now read it.

See your reviews: [(${reviewUrl})]
