name: Low stock ops alert
category: SYSTEM_ALERT
channel: EMAIL
topic: -
required: productId, productTitle, level, availableQuantity, threshold, adminUrl
subject: [(${level})]: [(${productTitle})][# th:if="${sku != null}"] ([(${sku})])[/]
--- html
<p><strong th:text="${level}">Low stock</strong>: <span th:text="${productTitle}">productTitle</span><th:block th:if="${sku != null}"> (SKU <span th:text="${sku}">sku</span>)</th:block>.</p>
<p><span th:text="${availableQuantity}">0</span> available; the alert threshold is <span th:text="${threshold}">10</span>.</p>
<p><a th:href="${adminUrl}">Open the product's stock</a></p>
--- text
[(${level})]: [(${productTitle})][# th:if="${sku != null}"] (SKU [(${sku})])[/].

[(${availableQuantity})] available; the alert threshold is [(${threshold})].

Open the product's stock: [(${adminUrl})]
