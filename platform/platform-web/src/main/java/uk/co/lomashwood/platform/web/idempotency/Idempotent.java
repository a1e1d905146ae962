package uk.co.lomashwood.platform.web.idempotency;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a POST endpoint that honours {@code Idempotency-Key} (spec 00 §1.6). With
 * {@code required = true} a missing key is refused with 400 {@code IDEMPOTENCY_KEY_REQUIRED}.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface Idempotent {
    boolean required() default false;
}
