package uk.co.lomashwood.auth.admin;

import uk.co.lomashwood.auth.user.User;
import uk.co.lomashwood.platform.core.error.ApiException;
import uk.co.lomashwood.platform.core.error.ErrorCode;
import uk.co.lomashwood.platform.core.security.Role;
import uk.co.lomashwood.platform.web.security.UserContext;

/**
 * Who may manage whom (spec 00 §2.4, spec 10 §2.4): ADMIN manages CUSTOMER and CONSULTANT accounts;
 * only SUPER_ADMIN manages ADMIN and SUPER_ADMIN accounts or grants those roles; nobody changes their
 * own role or status.
 */
final class AdminRules {

    private AdminRules() {
    }

    static boolean mayManage(Role actor, Role target) {
        return actor == Role.SUPER_ADMIN || (actor == Role.ADMIN && !target.isStaffAdmin());
    }

    /** @throws ApiException 422 CANNOT_MODIFY_SELF, 403 FORBIDDEN */
    static void requireManageable(UserContext actor, User target) {
        if (target.id().equals(actor.userId())) {
            throw new ApiException(ErrorCode.CANNOT_MODIFY_SELF, "You cannot change your own account here.");
        }
        if (!mayManage(actor.role(), target.role())) {
            throw forbidden();
        }
    }

    static void requireGrantable(UserContext actor, Role newRole) {
        if (!mayManage(actor.role(), newRole)) {
            throw forbidden();
        }
    }

    private static ApiException forbidden() {
        return new ApiException(ErrorCode.FORBIDDEN, "Only a super admin can manage admin accounts.");
    }
}
