package uk.co.lomashwood.gateway.routing;

/**
 * How a route treats the caller's access token (spec 10 §1.4).
 * <ul>
 * <li>PUBLIC — no token needed; a token, if sent, is ignored.</li>
 * <li>LENIENT — public, but a valid token is read and forwarded (the "P: a token, if sent, is still read" rows of
 *     files 20/30, and logout with an expired token); an invalid or expired token continues as anonymous.</li>
 * <li>OPTIONAL — a token is validated if present (invalid → 401); none → anonymous.</li>
 * <li>AUTHENTICATED — a valid token is required.</li>
 * <li>ROLE — AUTHENTICATED and the caller's role satisfies one of the rule's roles, else 403.</li>
 * </ul>
 */
public enum AccessClass {
    PUBLIC, LENIENT, OPTIONAL, AUTHENTICATED, ROLE;

    public boolean requiresToken() {
        return this == AUTHENTICATED || this == ROLE;
    }
}
