package uk.co.lomashwood.notification.message;

/** A provider refused or failed; {@code retryable} separates timeouts/5xx/throttling from permanent refusals. */
public class ProviderException extends RuntimeException {

    private final boolean retryable;
    private final String code;

    public ProviderException(boolean retryable, String code, String message, Throwable cause) {
        super(message, cause);
        this.retryable = retryable;
        this.code = code;
    }

    public static ProviderException retryable(String code, String message, Throwable cause) {
        return new ProviderException(true, code, message, cause);
    }

    public static ProviderException permanent(String code, String message, Throwable cause) {
        return new ProviderException(false, code, message, cause);
    }

    public boolean retryable() {
        return retryable;
    }

    public String code() {
        return code;
    }
}
