package uk.co.lomashwood.auth.password;

import uk.co.lomashwood.platform.core.security.Role;

/** Whose password is being set: the policy refuses passwords containing these (spec 10 §2.3). */
public record PasswordContext(String email, String firstName, String lastName, Role role) {
}
