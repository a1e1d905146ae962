package uk.co.lomashwood.order.order;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;
import uk.co.lomashwood.platform.core.error.ApiException;
import uk.co.lomashwood.platform.core.error.ErrorCode;
import uk.co.lomashwood.platform.web.client.InternalRestClientFactory;

import java.util.Map;
import java.util.UUID;

/**
 * Loyalty points redeemed while the order is created (spec 20 §2.4.1 step 4) through customer-service
 * {@code POST /internal/loyalty/redemptions} (idempotent per orderId) and returned with
 * {@code DELETE /internal/loyalty/redemptions/{orderId}}. Unreachable → 503 SERVICE_UNAVAILABLE; 422
 * INSUFFICIENT_POINTS passes through.
 */
@Component
public class LoyaltyRedemptions {

    private static final Logger log = LoggerFactory.getLogger(LoyaltyRedemptions.class);

    private final RestClient client;

    public LoyaltyRedemptions(InternalRestClientFactory clients, @Value("${lomash.services.customer-url}") String customerUrl) {
        this.client = clients.create(customerUrl);
    }

    public void redeem(UUID orderId, UUID userId, int points) {
        try {
            client.post().uri("/internal/loyalty/redemptions")
                    .body(Map.of("orderId", orderId, "userId", userId, "points", points)).retrieve().toBodilessEntity();
        } catch (RestClientResponseException e) {
            if (e.getStatusCode().value() == 422) {
                throw new ApiException(ErrorCode.INSUFFICIENT_POINTS, "You do not have enough loyalty points.");
            }
            throw unavailable(e);
        } catch (RestClientException e) {
            throw unavailable(e);
        }
    }

    /** Gives redeemed points back when the order could not be stored; best effort. */
    public void giveBack(UUID orderId) {
        try {
            client.delete().uri("/internal/loyalty/redemptions/{orderId}", orderId).retrieve().toBodilessEntity();
        } catch (RestClientException e) {
            log.warn("returning the loyalty points of order {} failed: {}", orderId, e.toString());
        }
    }

    private static ApiException unavailable(RestClientException e) {
        log.warn("customer-service loyalty redemption failed: {}", e.toString());
        return new ApiException(ErrorCode.SERVICE_UNAVAILABLE, "Loyalty points cannot be redeemed right now; try again without them.");
    }
}
