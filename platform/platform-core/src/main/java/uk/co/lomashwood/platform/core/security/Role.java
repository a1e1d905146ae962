package uk.co.lomashwood.platform.core.security;

import java.util.Locale;
import java.util.Optional;

/** The four platform roles (spec 00 §2.4); custom roles never appear in tokens or headers. */
public enum Role {
    CUSTOMER, CONSULTANT, ADMIN, SUPER_ADMIN;

    /** Whether a caller with this role passes a guard that names {@code required}; ADMIN admits SUPER_ADMIN. */
    public boolean satisfies(Role required) {
        return this == required || (required == ADMIN && this == SUPER_ADMIN);
    }

    public boolean isStaffAdmin() {
        return this == ADMIN || this == SUPER_ADMIN;
    }

    public static Optional<Role> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(value.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
