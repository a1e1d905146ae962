package uk.co.lomashwood.gateway.auth;

/** An access token that cannot be trusted: bad format, algorithm, signature or claims. */
public class TokenRejectedException extends Exception {

    public TokenRejectedException(String reason) {
        super(reason, null, false, false);
    }
}
