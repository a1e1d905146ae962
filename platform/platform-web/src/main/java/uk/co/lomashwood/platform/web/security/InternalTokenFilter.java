package uk.co.lomashwood.platform.web.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.filter.OncePerRequestFilter;
import uk.co.lomashwood.platform.core.error.ApiException;
import uk.co.lomashwood.platform.core.error.ErrorCode;
import uk.co.lomashwood.platform.web.error.ProblemResponseWriter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;

/**
 * Services accept traffic only from the gateway and each other (spec 00 §2.2): every request must
 * carry the shared {@code X-Internal-Token}, compared in constant time. Health probes, API docs and
 * provider webhooks (which carry their own signatures) are exempt.
 */
public class InternalTokenFilter extends OncePerRequestFilter {

    private static final List<String> ALWAYS_OPEN = List.of("/health", "/health/**", "/metrics", "/actuator/**", "/v3/api-docs/**",
            "/v3/api-docs", "/error");
    private final byte[] expected;
    private final List<String> openPaths;
    private final AntPathMatcher matcher = new AntPathMatcher();

    public InternalTokenFilter(String internalToken, List<String> publicPaths) {
        if (internalToken == null || internalToken.isBlank()) {
            throw new IllegalStateException("lomash.security.internal-token (env INTERNAL_TOKEN) must be set");
        }
        this.expected = internalToken.getBytes(StandardCharsets.UTF_8);
        this.openPaths = java.util.stream.Stream.concat(ALWAYS_OPEN.stream(), publicPaths.stream()).toList();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        return openPaths.stream().anyMatch(p -> matcher.match(p, path));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String presented = request.getHeader(IdentityHeaders.INTERNAL_TOKEN);
        if (presented == null || !MessageDigest.isEqual(expected, presented.getBytes(StandardCharsets.UTF_8))) {
            ProblemResponseWriter.write(request, response,
                    new ApiException(ErrorCode.UNAUTHORIZED, "This service only accepts requests through the gateway."));
            return;
        }
        String userId = request.getHeader(IdentityHeaders.USER_ID);
        if (userId != null) {
            org.slf4j.MDC.put("userId", userId);
        }
        chain.doFilter(request, response);
    }
}
