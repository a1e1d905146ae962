package uk.co.lomashwood.platform.web.idempotency;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import org.springframework.web.util.ServletRequestPathUtils;
import uk.co.lomashwood.platform.core.error.ApiException;
import uk.co.lomashwood.platform.core.error.ErrorCode;
import uk.co.lomashwood.platform.web.error.ProblemResponseWriter;
import uk.co.lomashwood.platform.web.request.BodySizeLimitFilter;
import uk.co.lomashwood.platform.web.request.CachedBodyRequest;
import uk.co.lomashwood.platform.web.security.IdentityHeaders;

import java.io.IOException;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * Implements {@code Idempotency-Key} for endpoints marked {@link Idempotent}: the first request
 * runs and its final answer is stored; a replay gets the stored answer with
 * {@code Idempotent-Replayed: true}; the same key with another body is 422; a key still running is
 * 409 with {@code Retry-After: 1}. Scope: the user (or client IP) and the route.
 */
public class IdempotencyFilter extends OncePerRequestFilter {

    public static final String HEADER = "Idempotency-Key";
    private static final Pattern VALID_KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");

    private final ObjectProvider<RequestMappingHandlerMapping> handlerMapping;
    private final IdempotencyStore store;

    public IdempotencyFilter(ObjectProvider<RequestMappingHandlerMapping> handlerMapping, IdempotencyStore store) {
        this.handlerMapping = handlerMapping;
        this.store = store;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Idempotent marker = markerOf(request);
        String key = request.getHeader(HEADER);
        if (marker == null || (key == null && !marker.required())) {
            chain.doFilter(request, response);
            return;
        }
        if (key == null) {
            ProblemResponseWriter.write(request, response, new ApiException(ErrorCode.IDEMPOTENCY_KEY_REQUIRED,
                    "This operation needs an Idempotency-Key header (a UUID is recommended)."));
            return;
        }
        if (!VALID_KEY.matcher(key).matches()) {
            ProblemResponseWriter.write(request, response, new ApiException(ErrorCode.VALIDATION_ERROR,
                    "Idempotency-Key must be 1 to 255 visible ASCII characters."));
            return;
        }
        CachedBodyRequest cached;
        try {
            cached = CachedBodyRequest.wrap(request, BodySizeLimitFilter.DEFAULT_MAX_BYTES);
        } catch (ApiException tooLarge) {
            ProblemResponseWriter.write(request, response, tooLarge);
            return;
        }
        String scope = scopeOf(request);
        String fingerprint = RequestFingerprint.of(request.getMethod(), request.getRequestURI(), cached.body());
        switch (store.claim(scope, key, fingerprint)) {
            case IdempotencyStore.Claimed c -> runAndStore(cached, response, chain, scope, key);
            case IdempotencyStore.Completed done -> replay(response, done.response());
            case IdempotencyStore.InProgress p -> ProblemResponseWriter.write(request, response,
                    new ApiException(ErrorCode.IDEMPOTENCY_REQUEST_IN_PROGRESS,
                            "A request with this Idempotency-Key is still being processed.").retryAfter(Duration.ofSeconds(1)));
            case IdempotencyStore.Mismatch m -> ProblemResponseWriter.write(request, response,
                    new ApiException(ErrorCode.IDEMPOTENCY_KEY_MISMATCH,
                            "This Idempotency-Key was already used for a different request."));
        }
    }

    private void runAndStore(HttpServletRequest request, HttpServletResponse response, FilterChain chain, String scope,
                             String key) throws ServletException, IOException {
        ContentCachingResponseWrapper wrapper = new ContentCachingResponseWrapper(response);
        boolean stored = false;
        try {
            chain.doFilter(request, wrapper);
            int status = wrapper.getStatus();
            if (status < 500 && status != 429) {
                store.complete(scope, key, new StoredResponse(status, wrapper.getContentType(),
                        wrapper.getHeader(HttpHeaders.LOCATION), wrapper.getContentAsByteArray()));
                stored = true;
            }
        } finally {
            if (!stored) {
                store.release(scope, key);
            }
            wrapper.copyBodyToResponse();
        }
    }

    private static void replay(HttpServletResponse response, StoredResponse stored) throws IOException {
        response.setStatus(stored.status());
        if (stored.contentType() != null) {
            response.setContentType(stored.contentType());
        }
        if (stored.location() != null) {
            response.setHeader(HttpHeaders.LOCATION, stored.location());
        }
        response.setHeader("Idempotent-Replayed", "true");
        if (stored.body() != null) {
            response.getOutputStream().write(stored.body());
        }
    }

    private Idempotent markerOf(HttpServletRequest request) {
        // Filters run before the DispatcherServlet has parsed the path that handler lookup needs.
        Object previous = request.getAttribute(ServletRequestPathUtils.PATH_ATTRIBUTE);
        try {
            ServletRequestPathUtils.parseAndCache(request);
            HandlerExecutionChain handler = handlerMapping.getObject().getHandler(request);
            if (handler != null && handler.getHandler() instanceof HandlerMethod method) {
                return method.getMethodAnnotation(Idempotent.class);
            }
            return null;
        } catch (Exception e) {
            return null;
        } finally {
            if (previous == null) {
                ServletRequestPathUtils.clearParsedRequestPath(request);
            }
        }
    }

    private static String scopeOf(HttpServletRequest request) {
        String user = request.getHeader(IdentityHeaders.USER_ID);
        String caller = user != null ? "user:" + user : "ip:" + uk.co.lomashwood.platform.web.request.ClientIp.of(request);
        return caller + "|" + request.getMethod() + " " + request.getRequestURI();
    }
}
