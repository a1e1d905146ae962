package uk.co.lomashwood.platform.web.security;

/** Header names of spec 00 §2.2. */
public final class IdentityHeaders {

    public static final String USER_ID = "X-User-Id";
    public static final String USER_ROLE = "X-User-Role";
    public static final String SESSION_ID = "X-Session-Id";
    public static final String INTERNAL_TOKEN = "X-Internal-Token";
    public static final String SERVICE_NAME = "X-Service-Name";
    public static final String TOKEN_JTI = "X-Token-Jti";
    public static final String TOKEN_EXP = "X-Token-Exp";

    private IdentityHeaders() {
    }
}
