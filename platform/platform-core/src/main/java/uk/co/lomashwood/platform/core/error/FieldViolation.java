package uk.co.lomashwood.platform.core.error;

/** One entry of a validation problem's {@code errors[]}: dotted field path and a readable message. */
public record FieldViolation(String field, String message) {
}
