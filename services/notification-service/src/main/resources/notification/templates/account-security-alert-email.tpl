name: Security alert
category: ACCOUNT_SECURITY
channel: EMAIL
topic: -
required: customerName, alertType, occurredAt
subject: Security alert for your Lomash Wood account
--- html
<p>Hello <span th:text="${customerName}">customerName</span>,</p>
<p>We noticed activity on your account that we want you to know about: <strong th:text="${alertType}">alert</strong> on <span th:text="${occurredAt}">occurredAt</span><th:block th:if="${device != null}"> from <span th:text="${device}">device</span></th:block>.</p>
<p>If this was you, there is nothing to do. If not, please change your password and contact <span th:text="${supportEmail}">support</span>.</p>
--- text
Hello [(${customerName})],

We noticed activity on your account that we want you to know about: [(${alertType})] on [(${occurredAt})][# th:if="${device != null}"] from [(${device})][/].

If this was you, there is nothing to do. If not, please change your password and contact [(${supportEmail})].
