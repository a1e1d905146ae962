package uk.co.lomashwood.platform.web.security;

import uk.co.lomashwood.platform.core.security.Role;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Route-level role guard (spec 00 §2.4): anonymous callers get 401, other roles 403. ADMIN also
 * admits SUPER_ADMIN. On a method it overrides the class-level guard.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface RequireRole {
    Role[] value();
}
