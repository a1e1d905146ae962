package uk.co.lomashwood.gateway.auth;

/** No JWKS has ever been loaded, so no token can be verified (auth-service unreachable since start-up). */
public class KeysUnavailableException extends Exception {

    public KeysUnavailableException(String message) {
        super(message, null, false, false);
    }
}
