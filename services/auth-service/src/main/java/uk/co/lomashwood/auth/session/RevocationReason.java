package uk.co.lomashwood.auth.session;

/** Why a session ended ({@code sessions.revoked_reason}, spec 10 §2.1). */
public enum RevocationReason {
    USER_LOGOUT, PASSWORD_CHANGE, EMAIL_CHANGE, ROLE_CHANGE, ADMIN_REVOKE, SECURITY_BREACH, INACTIVITY,
    EXPIRATION, CONCURRENT_LIMIT, TOKEN_REUSE, ACCOUNT_ERASED, STATUS_CHANGE
}
