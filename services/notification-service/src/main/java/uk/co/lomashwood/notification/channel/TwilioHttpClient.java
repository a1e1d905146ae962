package uk.co.lomashwood.notification.channel;

import com.twilio.http.HttpClient;
import com.twilio.http.NetworkHttpClient;
import com.twilio.http.Request;
import com.twilio.http.Response;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.core5.util.Timeout;

import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * The SDK's HTTP client with two changes: one HTTP call per send (the SDK's and Apache's own retries would hide
 * failures from our retry policy and attempt log), and an optional base URL so tests can point it at a stub.
 */
class TwilioHttpClient extends NetworkHttpClient {

    private static final Timeout TEN_SECONDS = Timeout.ofSeconds(10);

    private final String baseUrl;

    TwilioHttpClient(String baseUrl) {
        // Apache HttpClient 5 would silently repeat a POST answered 429/503; the dispatcher owns retries
        super(HttpClientBuilder.create().disableAutomaticRetries().setDefaultRequestConfig(RequestConfig.custom()
                .setResponseTimeout(TEN_SECONDS).setConnectionRequestTimeout(TEN_SECONDS).build()));
        this.baseUrl = baseUrl == null || baseUrl.isBlank() ? null : baseUrl.replaceAll("/$", "");
    }

    @Override
    public Response reliableRequest(Request request) {
        return makeRequest(baseUrl == null ? request : redirect(request));
    }

    @Override
    public Response reliableRequest(Request request, int[] retryCodes, int retries, long delayMillis) {
        return reliableRequest(request);
    }

    private Request redirect(Request original) {
        URI uri = URI.create(original.getUrl());
        String target = baseUrl + uri.getRawPath();
        Request copy = new Request(original.getMethod(), target);
        if (original.getAuthStrategy() != null) {
            copy.setAuth(original.getAuthStrategy());
        } else if (original.getUsername() != null) {
            copy.setAuth(original.getUsername(), original.getPassword());
        }
        copy.setContentType(original.getContentType());
        copy.setBody(original.getBody());
        if (original.getUserAgentExtensions() != null) {
            copy.setUserAgentExtensions(original.getUserAgentExtensions());
        }
        copyEach(original.getPostParams(), copy::addPostParam);
        copyEach(original.getQueryParams(), copy::addQueryParam);
        copyEach(original.getHeaderParams(), copy::addHeaderParam);
        return copy;
    }

    private static void copyEach(Map<String, List<String>> params, java.util.function.BiConsumer<String, String> add) {
        params.forEach((key, values) -> values.forEach(value -> add.accept(key, value)));
    }

    static HttpClient create(String baseUrl) {
        return new TwilioHttpClient(baseUrl);
    }
}
