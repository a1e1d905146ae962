package uk.co.lomashwood.platform.web.idempotency;

/** A completed response kept for replay. */
public record StoredResponse(int status, String contentType, String location, byte[] body) {
}
