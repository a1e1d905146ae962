name: Review moderation alert
category: SYSTEM_ALERT
channel: EMAIL
topic: -
required: productId, rating, adminUrl
subject: New [(${rating})]-star review awaiting moderation
--- html
<p>A customer has left a <strong th:text="${rating}">5</strong>-star review of product <span th:text="${productId}">productId</span>. It stays hidden until it is approved.</p>
<p><a th:href="${adminUrl}">Moderate the review</a></p>
--- text
A customer has left a [(${rating})]-star review of product [(${productId})]. It stays hidden until it is approved.

Moderate the review: [(${adminUrl})]
