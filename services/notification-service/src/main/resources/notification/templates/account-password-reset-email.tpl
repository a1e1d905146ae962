name: Password reset
category: ACCOUNT_PASSWORD_RESET
channel: EMAIL
topic: -
required: customerName, resetUrl
subject: Reset your Lomash Wood password
--- html
<p>Hello <span th:text="${customerName}">customerName</span>,</p>
<p>We received a request to reset the password of your Lomash Wood account.</p>
<p><a th:href="${resetUrl}">Choose a new password</a> (the link works for 15 minutes).</p>
<p>If you did not ask for this, you can ignore this email: your password has not changed.</p>
--- text
Hello [(${customerName})],

We received a request to reset the password of your Lomash Wood account. To choose a new password, open this link within 15 minutes:

[(${resetUrl})]

If you did not ask for this, you can ignore this email: your password has not changed.
