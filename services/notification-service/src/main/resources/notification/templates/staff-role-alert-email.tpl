name: Staff role granted
category: SYSTEM_ALERT
channel: EMAIL
topic: -
required: userId, newRole, changedAt
subject: Security alert: [(${newRole})] role granted
--- html
<p>The role <strong th:text="${newRole}">newRole</strong> was granted to user <code th:text="${userId}">userId</code> (previously <span th:text="${previousRole}">previousRole</span>) by <code th:text="${changedBy}">changedBy</code> on <span th:text="${changedAt}">changedAt</span>.</p>
<p>If this was not expected, revoke the role and the user's sessions at once.</p>
--- text
The role [(${newRole})] was granted to user [(${userId})] (previously [(${previousRole})]) by [(${changedBy})] on [(${changedAt})].

If this was not expected, revoke the role and the user's sessions at once.
