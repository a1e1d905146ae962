name: Significant price change ops alert
category: SYSTEM_ALERT
channel: EMAIL
topic: -
required: productId, newPrice, changedBy, adminUrl
subject: Significant price change on product [(${productId})]
--- html
<p>The price of product <span th:text="${productId}">productId</span> changed<th:block th:if="${previousPrice != null}"> from <strong th:text="${previousPrice}">£0.00</strong></th:block> to <strong th:text="${newPrice}">£0.00</strong><th:block th:if="${changePercentage != null}"> (<span th:text="${changePercentage}">10%</span>)</th:block>.</p>
<p>Changed by <span th:text="${changedBy}">changedBy</span>.</p>
<p><a th:href="${adminUrl}">Open the product</a></p>
--- text
The price of product [(${productId})] changed[# th:if="${previousPrice != null}"] from [(${previousPrice})][/] to [(${newPrice})][# th:if="${changePercentage != null}"] ([(${changePercentage})])[/].
Changed by [(${changedBy})].

Open the product: [(${adminUrl})]
