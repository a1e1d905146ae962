package uk.co.lomashwood.auth.demo;

import uk.co.lomashwood.platform.core.security.Role;

/**
 * A seeded demo account. Staff accounts have an enrolled authenticator: add {@code totpSecretBase32OrNull}
 * to any authenticator app, or print the current code with
 * {@code java services/auth-service/src/main/java/uk/co/lomashwood/auth/mfa/Totp.java SECRET} (JDK 22+)
 * or {@code oathtool --totp -b SECRET}.
 */
public record DemoAccount(String email, String password, Role role, String totpSecretBase32OrNull) {

    @Override
    public String toString() {
        return "DemoAccount[" + email + ", " + role + "]";
    }
}
