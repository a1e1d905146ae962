package uk.co.lomashwood.auth.support;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import tools.jackson.databind.json.JsonMapper;
import uk.co.lomashwood.platform.test.PlatformTestProperties;
import uk.co.lomashwood.platform.test.http.HttpCalls;
import uk.co.lomashwood.platform.test.http.Reply;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Calls the service over real HTTP as the gateway would: with the internal token and, for a signed-in
 * caller, the identity headers derived from an access token.
 */
public final class Api {

    public static final JsonMapper JSON = HttpCalls.JSON;

    private final String baseUrl;
    private final Map<String, String> headers;

    public Api(int port) {
        this("http://127.0.0.1:" + port, Map.of("X-Internal-Token", PlatformTestProperties.INTERNAL_TOKEN,
                "User-Agent", "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_0) Chrome/130.0 Safari/537.36"));
    }

    private Api(String baseUrl, Map<String, String> headers) {
        this.baseUrl = baseUrl;
        this.headers = Map.copyOf(headers);
    }

    public Api with(String header, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(header, value);
        return new Api(baseUrl, more);
    }

    public Api without(String header) {
        Map<String, String> fewer = new LinkedHashMap<>(headers);
        fewer.remove(header);
        return new Api(baseUrl, fewer);
    }

    /** As the gateway forwards a request carrying this access token. */
    public Api as(String accessToken) {
        try {
            JWTClaimsSet claims = SignedJWT.parse(accessToken).getJWTClaimsSet();
            return with("X-User-Id", claims.getSubject())
                    .with("X-User-Role", claims.getStringClaim("role"))
                    .with("X-Session-Id", claims.getStringClaim("sessionId"))
                    .with("X-Token-Jti", claims.getJWTID())
                    .with("X-Token-Exp", Long.toString(claims.getExpirationTime().toInstant().getEpochSecond()));
        } catch (java.text.ParseException e) {
            throw new IllegalArgumentException(e);
        }
    }

    public Api withCookie(String refreshToken) {
        return with("Cookie", "__Host-refresh=" + refreshToken);
    }

    public Reply get(String path) {
        return send("GET", path, null);
    }

    public Reply delete(String path) {
        return send("DELETE", path, null);
    }

    public Reply post(String path, Object body) {
        return send("POST", path, body);
    }

    public Reply patch(String path, Object body) {
        return send("PATCH", path, body);
    }

    /** {@code body}: null, a raw JSON string, or anything Jackson writes. */
    public Reply send(String method, String path, Object body) {
        return HttpCalls.send(baseUrl + path, headers, method, body);
    }
}
