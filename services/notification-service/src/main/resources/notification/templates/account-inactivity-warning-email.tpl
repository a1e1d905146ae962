name: Inactivity warning
category: ACCOUNT_DEACTIVATED
channel: EMAIL
topic: -
required: customerName, lastLoginAt, deactivatesOn, loginUrl
subject: Your Lomash Wood account will be deactivated soon
--- html
<p>Hello <span th:text="${customerName}">customerName</span>,</p>
<p>You last signed in on <span th:text="${lastLoginAt}">lastLoginAt</span>. To keep your data safe we deactivate accounts that have not been used for a year, and yours will be deactivated on <span th:text="${deactivatesOn}">deactivatesOn</span>.</p>
<p>To keep it, simply <a th:href="${loginUrl}">sign in</a> before then.</p>
--- text
Hello [(${customerName})],

You last signed in on [(${lastLoginAt})]. To keep your data safe we deactivate accounts that have not been used for a year, and yours will be deactivated on [(${deactivatesOn})].

To keep it, simply sign in before then: [(${loginUrl})]
