name: Confirm your newsletter subscription
category: NEWSLETTER_CONFIRMATION
channel: EMAIL
topic: -
required: confirmUrl, expiresAt
subject: Please confirm your Lomash Wood newsletter subscription
--- html
<p>Hello,</p>
<p>Thank you for signing up to the Lomash Wood newsletter. Please confirm that this is your address:</p>
<p><a th:href="${confirmUrl}">Confirm my subscription</a></p>
<p>The link expires on <span th:text="${expiresAt}">expiresAt</span>. If you did not sign up, ignore this email and nothing will happen.</p>
--- text
Hello,

Thank you for signing up to the Lomash Wood newsletter. Please confirm that this is your address:

[(${confirmUrl})]

The link expires on [(${expiresAt})]. If you did not sign up, ignore this email and nothing will happen.
