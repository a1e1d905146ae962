package uk.co.lomashwood.order.order;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

/**
 * One WireMock server standing in for product-service's internal API (the exact JSON of its InternalController and
 * PriceCheck.Result), auth-service's {@code /internal/users/{id}} and customer-service. Each test's basket starts
 * with a fresh product id, which keys its price-check and reservation stubs.
 */
public final class ProductServiceStub {

    private static final WireMockServer SERVER = start();

    private ProductServiceStub() {
    }

    public static WireMockServer server() {
        return SERVER;
    }

    public static String baseUrl() {
        return "http://127.0.0.1:" + SERVER.port();
    }

    /** A line of product-service's price-check answer. */
    public record Product(UUID productId, UUID variantId, String title, String category, String unitPrice,
                          boolean purchasable, String reason, int available) {

        public static Product of(String category, String unitPrice) {
            return new Product(UUID.randomUUID(), null, "Shaker " + category.toLowerCase(Locale.ROOT) + " unit", category,
                    unitPrice, true, null, 50);
        }

        public Product unavailable(String why) {
            return new Product(productId, variantId, title, category, unitPrice, false, why, 0);
        }

        String json() {
            return """
                    {"productId":"%s","variantId":%s,"colourId":null,"title":"%s","variantName":null,"colourName":null,
                     "sku":"SKU-%s","category":"%s","rangeName":"Shaker","imageUrl":"https://cdn.lomashwood.test/p.jpg",
                     "unitPrice":%s,"unitPriceIncVat":%s,"currency":"GBP","taxRate":20.00,"purchasable":%s,"reason":%s,
                     "availableQuantity":%d,"minOrderQuantity":1,"maxOrderQuantity":null}"""
                    .formatted(productId, variantId == null ? "null" : "\"" + variantId + "\"", title,
                            productId.toString().substring(0, 8), category, new BigDecimal(unitPrice).toPlainString(),
                            new BigDecimal(unitPrice).multiply(new BigDecimal("1.2")).setScale(2, java.math.RoundingMode.HALF_UP)
                                    .toPlainString(),
                            purchasable, reason == null ? "null" : "\"" + reason + "\"", available);
        }
    }

    /** Price-check answers for the basket whose first line is {@code products[0]}, plus a successful reservation. */
    public static void catalogue(Product... products) {
        String items = List.of(products).stream().map(Product::json).collect(Collectors.joining(","));
        SERVER.stubFor(post(urlEqualTo("/internal/v1/products/price-check"))
                .withRequestBody(matchingJsonPath("$.items[0].productId", equalTo(products[0].productId().toString())))
                .willReturn(json(200, "{\"data\":{\"items\":[" + items + "]}}")));
        SERVER.stubFor(post(urlEqualTo("/internal/v1/inventory/reservations"))
                .withRequestBody(matchingJsonPath("$.items[0].productId", equalTo(products[0].productId().toString())))
                .willReturn(json(201, """
                        {"data":{"orderId":"00000000-0000-0000-0000-000000000000","reservations":[]}}""")));
    }

    /** product-service's 409 problem when a line cannot be reserved. */
    public static void outOfStock(Product first) {
        SERVER.stubFor(post(urlEqualTo("/internal/v1/inventory/reservations"))
                .withRequestBody(matchingJsonPath("$.items[0].productId", equalTo(first.productId().toString())))
                .atPriority(1)
                .willReturn(json(409, """
                        {"type":"urn:lomashwood:problem:insufficient-stock","title":"Conflict","status":409,
                         "detail":"Not enough stock for every line of the order.","code":"INSUFFICIENT_STOCK",
                         "requestId":"r-1","details":[{"productId":"%s","variantId":null,"requested":3,"available":1}]}"""
                        .formatted(first.productId()))
                        .withHeader("Content-Type", "application/problem+json")));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }

    private static WireMockServer start() {
        WireMockServer server = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
        stubCommonOn(server);
        return server;
    }

    private static void stubCommonOn(WireMockServer server) {
        server.stubFor(post(urlPathMatching("/internal/v1/inventory/reservations/[^/]+/release"))
                .willReturn(json(200, "{\"data\":{\"status\":\"RELEASED\"}}")));
        server.stubFor(get(urlPathMatching("/internal/users/[^/]+")).willReturn(json(200, """
                {"data":{"id":"00000000-0000-0000-0000-000000000001","email":"Profile.Customer@Example.com",
                 "firstName":"Pat","lastName":"Profile","phone":"+447700900456","role":"CUSTOMER"}}""")));
    }
}
