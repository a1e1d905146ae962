package uk.co.lomashwood.gateway.routing;

import java.util.Comparator;
import java.util.Locale;
import java.util.Set;

import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * "METHOD[,METHOD] /path/pattern[?param]" as written in the gateway's configuration tables. {@code *} matches every
 * method; HEAD is matched as GET; a trailing {@code ?q} requires that query parameter to be present.
 */
public final class RequestMatcher {

    private static final PathPatternParser PARSER = new PathPatternParser();
    private static final java.util.function.Predicate<String> NO_PARAMS = p -> false;

    /** Most specific first: longest literal prefix, then no catch-all, fewer variables, longer, explicit method. */
    public static final java.util.Comparator<RequestMatcher> MOST_SPECIFIC_FIRST = java.util.Comparator
            .comparingInt((RequestMatcher m) -> m.literalPrefixLength).reversed()
            .thenComparing(Comparator.comparingInt((RequestMatcher m) -> m.literalLength).reversed())
            .thenComparing((RequestMatcher m) -> m.catchAll)
            .thenComparingInt((RequestMatcher m) -> m.variableCount)
            .thenComparing(Comparator.comparingInt((RequestMatcher m) -> m.patternLength).reversed())
            .thenComparing(RequestMatcher::anyMethod)
            .thenComparing(m -> m.requiredParam == null);

    private final Set<String> methods;
    private final PathPattern pattern;
    private final String requiredParam;
    private final String text;
    /** The pattern when it has no variable or wildcard: such a pattern matches exactly its own text. */
    private final String literal;
    /** Text every path the pattern matches starts with: its literal prefix without a trailing slash. */
    private final String prefix;
    // the comparator's measures, computed once: resolving a request compares many rows
    private final int literalPrefixLength;
    private final int literalLength;
    private final boolean catchAll;
    private final int variableCount;
    private final int patternLength;

    private RequestMatcher(Set<String> methods, PathPattern pattern, String requiredParam, String text) {
        this.methods = methods;
        this.pattern = pattern;
        this.requiredParam = requiredParam;
        this.text = text;
        this.literalPrefixLength = literalPrefixLength();
        this.literalLength = literalLength();
        this.catchAll = hasCatchAll();
        this.variableCount = variableCount();
        this.patternLength = pattern.getPatternString().length();
        String p = pattern.getPatternString();
        this.literal = p.indexOf('{') < 0 && p.indexOf('*') < 0 && p.indexOf('?') < 0 ? p : null;
        String start = p.substring(0, literalPrefixLength);
        this.prefix = start.endsWith("/") ? start.substring(0, start.length() - 1) : start;
    }

    public static RequestMatcher parse(String expression) {
        String[] parts = expression.trim().split("\\s+");
        if (parts.length != 2) {
            throw new IllegalArgumentException("Expected 'METHOD /pattern': " + expression);
        }
        String path = parts[1];
        String param = null;
        int q = path.indexOf('?');
        if (q >= 0) {
            param = path.substring(q + 1);
            path = path.substring(0, q);
        }
        Set<String> methods = parts[0].equals("*") ? Set.of()
                : Set.of(parts[0].toUpperCase(Locale.ROOT).split(","));
        return new RequestMatcher(methods, PARSER.parse(path), param, expression.trim());
    }

    /** For tables whose rows never require a query parameter. */
    public boolean matches(String method, String path) {
        return matches(method, path, NO_PARAMS);
    }

    public boolean matches(String method, String path, java.util.function.Predicate<String> hasParam) {
        return matchesMethod(method) && matchesPath(path) && (requiredParam == null || hasParam.test(requiredParam));
    }

    public boolean matchesMethod(String method) {
        String m = "HEAD".equals(method) ? "GET" : method;
        return methods.isEmpty() || methods.contains(m) || methods.contains(method);
    }

    /**
     * Compared as text where text decides: a literal pattern matches only its own text, and no pattern matches a path
     * that does not start with its literal prefix. A path with percent-escapes or matrix parameters is always left to
     * the path parser, which reads them as the pattern does.
     */
    public boolean matchesPath(String path) {
        if (path.indexOf('%') < 0 && path.indexOf(';') < 0) {
            if (literal != null) {
                return literal.equals(path);
            }
            if (!path.startsWith(prefix)) {
                return false;
            }
        }
        return pattern.matches(parsed(path));
    }

    /**
     * The first two segments of the pattern ("/v1/products" for {@code /v1/products/{id}} or {@code /v1/products/**})
     * when both are literal, else null: a path can only match when {@link #stemOf} gives the same.
     */
    public String literalStem() {
        String p = pattern.getPatternString();
        int end = stemEnd(p);
        return end > 0 && literalPrefixLength >= end ? p.substring(0, end) : null;
    }

    /** The first two segments of a request path, or null when it has fewer. */
    public static String stemOf(String path) {
        int end = stemEnd(path);
        return end > 0 ? path.substring(0, end) : null;
    }

    private static int stemEnd(String p) {
        int second = p.startsWith("/") ? p.indexOf('/', 1) : -1;
        if (second < 0 || second + 1 >= p.length()) {
            return -1;
        }
        int third = p.indexOf('/', second + 1);
        return third < 0 ? p.length() : third;
    }

    private record Parsed(String path, PathContainer container) {
    }

    /** The last parsed path, shared: one request asks several tables about the same path (parsing is not free). */
    private static volatile Parsed last;

    static PathContainer parsed(String path) {
        Parsed p = last;
        if (p != null && p.path.equals(path)) {
            return p.container;
        }
        PathContainer container = PathContainer.parsePath(path);
        last = new Parsed(path, container);
        return container;
    }

    public boolean anyMethod() {
        return methods.isEmpty();
    }

    public PathPattern pattern() {
        return pattern;
    }

    /** Length of the literal text before the first variable or wildcard: the "longest prefix" measure. */
    public int literalPrefixLength() {
        String p = withoutTrailingCatchAll();
        int end = p.length();
        for (int i = 0; i < p.length(); i++) {
            char c = p.charAt(i);
            if (c == '{' || c == '*' || c == '?') {
                end = i;
                break;
            }
        }
        return end;
    }

    /** Number of literal characters in the whole pattern (variables and wildcards excluded). */
    public int literalLength() {
        return withoutTrailingCatchAll().replaceAll("\\{[^}]*}|\\*", "").length();
    }

    /** {@code /a/**} also matches {@code /a}, so its trailing slash is not literal text. */
    private String withoutTrailingCatchAll() {
        String p = pattern.getPatternString();
        return p.endsWith("/**") ? p.substring(0, p.length() - 3) : p;
    }

    public boolean hasCatchAll() {
        return pattern.getPatternString().contains("**") || pattern.getPatternString().contains("{*");
    }

    public int variableCount() {
        String p = pattern.getPatternString();
        int count = 0;
        for (int i = 0; i < p.length(); i++) {
            if (p.charAt(i) == '{' || p.charAt(i) == '*') {
                count++;
            }
        }
        return count;
    }

    @Override
    public String toString() {
        return text;
    }
}
