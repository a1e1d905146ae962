package uk.co.lomashwood.platform.web.request;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;
import uk.co.lomashwood.platform.core.error.ApiException;
import uk.co.lomashwood.platform.core.error.ErrorCode;
import uk.co.lomashwood.platform.web.error.ProblemResponseWriter;

import java.io.IOException;

/**
 * Defence in depth behind the gateway's 1 MB limit (spec 00 §1.1): a declared body over the limit
 * is refused with 413 before anything reads it. Multipart uploads have their own limits.
 */
public class BodySizeLimitFilter extends OncePerRequestFilter {

    public static final int DEFAULT_MAX_BYTES = 1024 * 1024;
    private final long maxBytes;

    public BodySizeLimitFilter(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.toLowerCase().startsWith("multipart/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > maxBytes) {
            ProblemResponseWriter.write(request, response,
                    new ApiException(ErrorCode.PAYLOAD_TOO_LARGE, "The request body is larger than 1 MB."));
            return;
        }
        chain.doFilter(request, response);
    }
}
