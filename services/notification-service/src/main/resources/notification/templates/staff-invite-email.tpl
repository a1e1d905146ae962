name: Staff invite
category: STAFF_INVITE
channel: EMAIL
topic: -
required: firstName, role, inviteUrl
subject: You have been invited to Lomash Wood
--- html
<p>Hello <span th:text="${firstName}">firstName</span>,</p>
<p>You have been given a Lomash Wood staff account with the role <strong th:text="${role}">role</strong>.</p>
<p><a th:href="${inviteUrl}">Set your password and sign in</a>. The link works once and expires in 72 hours.</p>
<p>If you were not expecting this invitation, please ignore this email and tell us at <span th:text="${supportEmail}">support</span>.</p>
--- text
Hello [(${firstName})],

You have been given a Lomash Wood staff account with the role [(${role})].

Set your password and sign in here: [(${inviteUrl})]
The link works once and expires in 72 hours.

If you were not expecting this invitation, please ignore this email and tell us at [(${supportEmail})].
