package uk.co.lomashwood.order.order;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import uk.co.lomashwood.platform.core.error.ApiException;
import uk.co.lomashwood.platform.core.error.ErrorCode;
import uk.co.lomashwood.platform.web.client.InternalRestClientFactory;

import java.util.UUID;

/** The customer's email and phone from auth-service ({@code GET /internal/users/{userId}}) when checkout omits them. */
@Component
public class CustomerDirectory {

    private static final Logger log = LoggerFactory.getLogger(CustomerDirectory.class);

    private final RestClient client;

    public CustomerDirectory(InternalRestClientFactory clients, @Value("${lomash.services.auth-url}") String authUrl) {
        this.client = clients.create(authUrl);
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Profile(UUID id, String email, String firstName, String lastName, String phone) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Envelope(Profile data) {
    }

    public Profile profile(UUID userId) {
        try {
            Envelope reply = client.get().uri("/internal/users/{id}", userId).retrieve()
                    .body(new ParameterizedTypeReference<Envelope>() { });
            if (reply == null || reply.data() == null || reply.data().email() == null) {
                throw new ApiException(ErrorCode.VALIDATION_ERROR, "customerEmail is required for this account.");
            }
            return reply.data();
        } catch (RestClientException e) {
            log.warn("auth-service profile lookup failed: {}", e.toString());
            throw new ApiException(ErrorCode.SERVICE_UNAVAILABLE,
                    "Your account details are unavailable; send customerEmail or try again shortly.");
        }
    }
}
