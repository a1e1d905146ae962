name: Account locked
category: ACCOUNT_SECURITY
channel: EMAIL
topic: -
required: customerName, lockedUntil, resetUrl
subject: Your Lomash Wood account has been locked
--- html
<p>Hello <span th:text="${customerName}">customerName</span>,</p>
<p>After several unsuccessful sign-in attempts we have locked your account until <span th:text="${lockedUntil}">lockedUntil</span>.</p>
<p>If this was not you, <a th:href="${resetUrl}">reset your password</a> or contact <span th:text="${supportEmail}">support</span>.</p>
--- text
Hello [(${customerName})],

After several unsuccessful sign-in attempts we have locked your account until [(${lockedUntil})].

If this was not you, reset your password at [(${resetUrl})] or contact [(${supportEmail})].
