package uk.co.lomashwood.gateway.routing;

import java.util.Set;

import uk.co.lomashwood.platform.core.security.Role;

/** One row of the access table: which requests it covers, their access class and, for ROLE, the admitted roles. */
public record AccessRule(RequestMatcher matcher, AccessClass access, Set<Role> roles, String source) {

    /** Whether a caller with {@code role} passes this rule's role guard (ADMIN admits SUPER_ADMIN). */
    public boolean admits(Role role) {
        if (access != AccessClass.ROLE) {
            return true;
        }
        return role != null && roles.stream().anyMatch(role::satisfies);
    }

    /** The route template for logs (spec 10 §1.11): the pattern, never the concrete path. */
    public String template() {
        return matcher.pattern().getPatternString();
    }

    @Override
    public String toString() {
        return matcher + " " + access + (roles.isEmpty() ? "" : roles.toString());
    }
}
