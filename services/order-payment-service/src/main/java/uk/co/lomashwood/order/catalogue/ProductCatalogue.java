package uk.co.lomashwood.order.catalogue;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;
import uk.co.lomashwood.platform.core.error.ApiException;
import uk.co.lomashwood.platform.core.error.ErrorCode;
import uk.co.lomashwood.platform.core.money.Money;
import uk.co.lomashwood.platform.web.client.InternalRestClientFactory;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * product-service's internal API as checkout needs it (spec 20 §2.4.1 step 2, §2.4.2 d): live prices and
 * orderability, stock reservation for a pre-generated order id, and its release. Prices are never cached here.
 */
@Component
public class ProductCatalogue {

    private static final Logger log = LoggerFactory.getLogger(ProductCatalogue.class);
    /** Backoff of the platform retry policy (spec 00 §7): 100, 200, 400 ms. */
    private static final long[] BACKOFF_MILLIS = {100, 200, 400};

    private final RestClient client;

    public ProductCatalogue(InternalRestClientFactory clients, @Value("${lomash.services.product-url}") String productUrl) {
        this.client = clients.create(productUrl, Duration.ofSeconds(5));
    }

    /** One basket line as the customer sent it (no price). */
    public record LineRequest(UUID productId, UUID variantId, UUID colourId, int quantity) {
    }

    /** product-service's answer for one line (PriceCheck.Result). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record PricedLine(UUID productId, UUID variantId, UUID colourId, String title, String variantName,
                             String colourName, String sku, String category, String rangeName, String imageUrl,
                             Money unitPrice, String currency, BigDecimal taxRate, boolean purchasable, String reason,
                             int availableQuantity, int minOrderQuantity, Integer maxOrderQuantity) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Envelope<T>(T data) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record PriceCheckData(List<PricedLine> items) {
    }

    /**
     * Prices every line (5 s timeout, up to 3 retries: a read despite the POST). An unreachable catalogue is
     * 503 SERVICE_UNAVAILABLE; nothing is ever priced from the client.
     */
    public List<PricedLine> priceCheck(List<LineRequest> lines) {
        Map<String, Object> body = Map.of("items", lines);
        RuntimeException last = null;
        for (int attempt = 0; attempt <= BACKOFF_MILLIS.length; attempt++) {
            try {
                Envelope<PriceCheckData> reply = client.post().uri("/internal/v1/products/price-check").body(body)
                        .retrieve().body(new ParameterizedTypeReference<Envelope<PriceCheckData>>() { });
                if (reply == null || reply.data() == null || reply.data().items() == null
                        || reply.data().items().size() != lines.size()) {
                    throw new ApiException(ErrorCode.UPSTREAM_ERROR, "The product catalogue gave an unexpected answer.");
                }
                return reply.data().items();
            } catch (HttpClientErrorException e) {
                log.warn("price-check refused with {}", e.getStatusCode());
                throw new ApiException(ErrorCode.UPSTREAM_ERROR, "The product catalogue refused the price check.");
            } catch (RestClientException e) {
                last = e;
                if (attempt < BACKOFF_MILLIS.length) {
                    pause(BACKOFF_MILLIS[attempt]);
                }
            }
        }
        log.warn("price-check failed after retries: {}", last.toString());
        throw unavailable();
    }

    /**
     * Reserves stock for the order until {@code expiresAt} (idempotent per order id at product-service). A shortfall
     * is 409 INSUFFICIENT_STOCK with product-service's per-line details.
     */
    public void reserve(UUID orderId, Instant expiresAt, List<LineRequest> lines) {
        List<Map<String, Object>> items = lines.stream().map(l -> {
            Map<String, Object> item = new java.util.LinkedHashMap<>();
            item.put("productId", l.productId());
            item.put("variantId", l.variantId());
            item.put("quantity", l.quantity());
            return item;
        }).toList();
        try {
            client.post().uri("/internal/v1/inventory/reservations")
                    .body(Map.of("orderId", orderId, "expiresAt", expiresAt.toString(), "items", items))
                    .retrieve().toBodilessEntity();
        } catch (RestClientResponseException e) {
            HttpStatusCode status = e.getStatusCode();
            if (status.value() == 409 || status.value() == 422) {
                Object details = detailsOf(e);
                ApiException conflict = new ApiException(ErrorCode.INSUFFICIENT_STOCK,
                        "Not enough stock for every line of the order.");
                throw details == null ? conflict : conflict.with("details", details);
            }
            log.warn("stock reservation for {} failed with {}", orderId, status);
            throw unavailable();
        } catch (RestClientException e) {
            log.warn("stock reservation for {} failed: {}", orderId, e.toString());
            throw unavailable();
        }
    }

    /** Frees the order's reservation; best effort (product-service also expires reservations on its own). */
    public void release(UUID orderId) {
        try {
            client.post().uri("/internal/v1/inventory/reservations/{orderId}/release", orderId).retrieve().toBodilessEntity();
        } catch (RestClientException e) {
            log.warn("releasing the stock of order {} failed; product-service's expiry will free it: {}", orderId, e.toString());
        }
    }

    private static Object detailsOf(RestClientResponseException e) {
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> problem = e.getResponseBodyAs(Map.class);
            return problem == null ? null : problem.get("details");
        } catch (RuntimeException unreadable) {
            return null;
        }
    }

    private static ApiException unavailable() {
        return new ApiException(ErrorCode.SERVICE_UNAVAILABLE, "The product catalogue is unavailable; please try again shortly.")
                .retryAfter(Duration.ofSeconds(5));
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable();
        }
    }
}
