name: Password changed
category: ACCOUNT_PASSWORD_CHANGED
channel: EMAIL
topic: -
required: customerName, changedAt
subject: Your Lomash Wood password has been changed
--- html
<p>Hello <span th:text="${customerName}">customerName</span>,</p>
<p>The password of your Lomash Wood account was changed on <span th:text="${changedAt}">changedAt</span>.</p>
<p>If this was not you, please reset your password straight away and contact us at <a th:href="|mailto:${supportEmail}|" th:text="${supportEmail}">support</a>.</p>
--- text
Hello [(${customerName})],

The password of your Lomash Wood account was changed on [(${changedAt})].

If this was not you, please reset your password straight away and contact us at [(${supportEmail})].
