package uk.co.lomashwood.platform.web.client;

import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;
import uk.co.lomashwood.platform.web.request.RequestIds;
import uk.co.lomashwood.platform.web.security.IdentityHeaders;

import java.net.http.HttpClient;
import java.time.Duration;

/**
 * Service-to-service calls (spec 00 §2.7): every request carries the internal token, the calling
 * service's name and the current request id, and gives up after 5 s. Never forwards a user's JWT.
 */
public class InternalRestClientFactory {

    public static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final String internalToken;
    private final String serviceName;
    private final HttpClient httpClient;

    public InternalRestClientFactory(String internalToken, String serviceName) {
        this.internalToken = internalToken;
        this.serviceName = serviceName;
        this.httpClient = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    }

    public RestClient create(String baseUrl) {
        return create(baseUrl, TIMEOUT);
    }

    public RestClient create(String baseUrl, Duration timeout) {
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(httpClient);
        factory.setReadTimeout(timeout);
        return RestClient.builder()
                .baseUrl(baseUrl)
                .requestFactory(factory)
                .defaultHeader(IdentityHeaders.INTERNAL_TOKEN, internalToken)
                .defaultHeader(IdentityHeaders.SERVICE_NAME, serviceName)
                .requestInterceptor((request, body, execution) -> {
                    request.getHeaders().set(RequestIds.HEADER, RequestIds.current());
                    return execution.execute(request, body);
                })
                .build();
    }
}
