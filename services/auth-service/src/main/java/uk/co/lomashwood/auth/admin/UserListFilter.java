package uk.co.lomashwood.auth.admin;

import uk.co.lomashwood.auth.user.UserStatus;
import uk.co.lomashwood.platform.core.error.ValidationException;
import uk.co.lomashwood.platform.core.page.PageRequest;
import uk.co.lomashwood.platform.core.page.SortOrder;
import uk.co.lomashwood.platform.core.security.Role;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Set;

/** Validated query of {@code GET /v1/admin/users}. */
record UserListFilter(String search, Role role, UserStatus status, Boolean mfaEnabled, Instant createdFrom,
                      Instant createdTo, PageRequest page, SortOrder sort) {

    static final Set<String> SORTABLE = Set.of("createdAt", "lastLoginAt", "email");

    static UserListFilter parse(String search, String role, String status, Boolean mfaEnabled, String createdFrom,
                                String createdTo, Integer page, Integer limit, String sort) {
        String q = search == null ? null : search.strip();
        if (q != null && (q.length() < 2 || q.length() > 255)) {
            throw ValidationException.of("search", "must be 2 to 255 characters");
        }
        return new UserListFilter(q, role == null ? null : Role.parse(role)
                .orElseThrow(() -> ValidationException.of("role", "unknown role")),
                status == null ? null : parseStatus(status), mfaEnabled,
                instant("createdFrom", createdFrom), instant("createdTo", createdTo),
                PageRequest.of(page, limit), SortOrder.parse(sort, SORTABLE));
    }

    private static UserStatus parseStatus(String value) {
        try {
            return UserStatus.valueOf(value.strip());
        } catch (IllegalArgumentException e) {
            throw ValidationException.of("status", "unknown status");
        }
    }

    /** An ISO-8601 instant, or a date meaning its start (UTC). */
    private static Instant instant(String field, String value) {
        if (value == null) {
            return null;
        }
        try {
            return value.length() == 10 ? LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ValidationException.of(field, "must be an ISO-8601 date or instant");
        }
    }
}
