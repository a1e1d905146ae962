package uk.co.lomashwood.auth.support;

import com.nimbusds.jwt.SignedJWT;

/** Reads claims of tokens in tests (no verification). */
public final class Jwt {

    private Jwt() {
    }

    public static String claim(String token, String name) {
        try {
            Object value = SignedJWT.parse(token).getJWTClaimsSet().getClaim(name);
            return value == null ? null : value.toString();
        } catch (java.text.ParseException e) {
            throw new IllegalArgumentException(e);
        }
    }

    public static String jti(String token) {
        return claim(token, "jti");
    }
}
