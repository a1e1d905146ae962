package uk.co.lomashwood.platform.web.request;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerMapping;

import java.io.IOException;

/**
 * One access line per request with the route template, never the query string or a body
 * (spec 00 §8.2). Health probes are logged at debug to keep the log readable.
 */
public class AccessLogFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger("access");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long start = System.nanoTime();
        try {
            chain.doFilter(request, response);
        } finally {
            long durationMs = (System.nanoTime() - start) / 1_000_000;
            Object template = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
            String route = template != null ? template.toString() : "unmatched";
            if (request.getRequestURI().startsWith("/health")) {
                log.debug("{} {} {} {}ms", request.getMethod(), route, response.getStatus(), durationMs);
            } else {
                log.info("{} {} {} {}ms", request.getMethod(), route, response.getStatus(), durationMs);
            }
        }
    }
}
