name: Email verification
category: ACCOUNT_EMAIL_VERIFICATION
channel: EMAIL
topic: -
required: customerName, verifyUrl, otpCode, expiresInMinutes
subject: Confirm your Lomash Wood email address
--- html
<p>Hello <span th:text="${customerName}">customerName</span>,</p>
<p>Thank you for registering with Lomash Wood. Please confirm your email address:</p>
<p><a th:href="${verifyUrl}">Confirm my email address</a></p>
<p>Or enter this code: <strong style="font-size:20px;letter-spacing:4px" th:text="${otpCode}">000000</strong></p>
<p>The code expires in <span th:text="${expiresInMinutes}">expiresInMinutes</span> minutes. If you did not create an account, you can ignore this email.</p>
--- text
Hello [(${customerName})],

Thank you for registering with Lomash Wood. Please confirm your email address by opening this link:

[(${verifyUrl})]

Or enter this code: [(${otpCode})]

The code expires in [(${expiresInMinutes})] minutes. If you did not create an account, you can ignore this email.
