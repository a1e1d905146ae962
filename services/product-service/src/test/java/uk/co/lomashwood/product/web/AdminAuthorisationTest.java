package uk.co.lomashwood.product.web;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import uk.co.lomashwood.product.support.ProductIntegrationTest;
import uk.co.lomashwood.platform.test.http.Reply;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Every admin route: anonymous 401, CUSTOMER and CONSULTANT 403, before any body or id is looked at. */
class AdminAuthorisationTest extends ProductIntegrationTest {

    record Route(String method, String path) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    static List<Route> adminRoutes() {
        String id = UUID.randomUUID().toString();
        return List.of(
                new Route("POST", "/v1/products"),
                new Route("PATCH", "/v1/products/" + id),
                new Route("PATCH", "/v1/products/" + id + "/status"),
                new Route("PATCH", "/v1/products/" + id + "/featured"),
                new Route("POST", "/v1/products/" + id + "/colours"),
                new Route("DELETE", "/v1/products/" + id),
                new Route("POST", "/v1/categories"),
                new Route("PATCH", "/v1/categories/" + id),
                new Route("PATCH", "/v1/categories/" + id + "/toggle-status"),
                new Route("DELETE", "/v1/categories/" + id),
                new Route("POST", "/v1/colours"),
                new Route("PATCH", "/v1/colours/" + id),
                new Route("PATCH", "/v1/colours/" + id + "/status"),
                new Route("DELETE", "/v1/colours/" + id),
                new Route("POST", "/v1/inventory/increment"),
                new Route("POST", "/v1/inventory/decrement"),
                new Route("POST", "/v1/products/images"),
                new Route("POST", "/v1/products/bulk-delete"),
                new Route("POST", "/v1/categories/reorder"),
                new Route("POST", "/v1/colours/bulk"),
                new Route("POST", "/v1/ranges"),
                new Route("PATCH", "/v1/ranges/" + id),
                new Route("DELETE", "/v1/ranges/" + id),
                new Route("POST", "/v1/categories/bulk-delete"),
                new Route("POST", "/v1/colours/bulk-delete"),
                new Route("GET", "/v1/inventory"),
                new Route("POST", "/v1/inventory"),
                new Route("PATCH", "/v1/inventory/" + id),
                new Route("DELETE", "/v1/inventory/" + id),
                new Route("GET", "/v1/pricing"),
                new Route("GET", "/v1/pricing/stats"),
                new Route("GET", "/v1/pricing/" + id),
                new Route("GET", "/v1/pricing/" + id + "/history"),
                new Route("POST", "/v1/pricing"),
                new Route("PATCH", "/v1/pricing/" + id),
                new Route("POST", "/v1/pricing/bulk-update"),
                new Route("POST", "/v1/pricing/" + id + "/apply-discount"),
                new Route("POST", "/v1/pricing/" + id + "/remove-discount"),
                new Route("POST", "/v1/pricing/" + id + "/duplicate"),
                new Route("DELETE", "/v1/pricing/" + id),
                new Route("POST", "/v1/sales"),
                new Route("PATCH", "/v1/sales/" + id),
                new Route("DELETE", "/v1/sales/" + id),
                new Route("POST", "/v1/sizes"),
                new Route("POST", "/v1/sizes/bulk"),
                new Route("PATCH", "/v1/sizes/" + id),
                new Route("PATCH", "/v1/sizes/" + id + "/status"),
                new Route("DELETE", "/v1/sizes/" + id),
                new Route("POST", "/v1/sizes/bulk-delete"),
                new Route("POST", "/v1/packages"),
                new Route("PATCH", "/v1/packages/" + id),
                new Route("DELETE", "/v1/packages/" + id));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("adminRoutes")
    void anonymousCallersAreUnauthorised(Route route) {
        Reply reply = api().send(route.method(), route.path(), "{}");
        assertThat(reply.status()).as(reply.toString()).isEqualTo(401);
        assertThat(reply.code()).isEqualTo("UNAUTHORIZED");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("adminRoutes")
    void customersAndConsultantsAreForbidden(Route route) {
        for (String role : List.of("CUSTOMER", "CONSULTANT")) {
            Reply reply = api().as(role).send(route.method(), route.path(), "{}");
            assertThat(reply.status()).as(role + " " + reply).isEqualTo(403);
            assertThat(reply.code()).isEqualTo("FORBIDDEN");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("adminRoutes")
    void requestsWithoutTheInternalTokenAreRefused(Route route) {
        Reply reply = api().with("X-Internal-Token", "wrong").as("ADMIN").send(route.method(), route.path(), "{}");
        assertThat(reply.status()).isEqualTo(401);
    }
}
