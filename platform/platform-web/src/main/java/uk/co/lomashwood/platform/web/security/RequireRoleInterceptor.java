package uk.co.lomashwood.platform.web.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import uk.co.lomashwood.platform.core.error.ApiException;
import uk.co.lomashwood.platform.core.error.ErrorCode;

import java.util.Arrays;

/** Enforces {@link RequireRole} before the controller runs. */
public class RequireRoleInterceptor implements HandlerInterceptor {

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method)) {
            return true;
        }
        RequireRole guard = AnnotatedElementUtils.findMergedAnnotation(method.getMethod(), RequireRole.class);
        if (guard == null) {
            guard = AnnotatedElementUtils.findMergedAnnotation(method.getBeanType(), RequireRole.class);
        }
        if (guard == null) {
            return true;
        }
        UserContext user = UserContexts.from(request);
        if (user.isAnonymous()) {
            throw new ApiException(ErrorCode.UNAUTHORIZED, "Sign in to use this endpoint.");
        }
        if (Arrays.stream(guard.value()).noneMatch(user::hasRole)) {
            throw new ApiException(ErrorCode.FORBIDDEN, "Your role does not allow this operation.");
        }
        return true;
    }
}
