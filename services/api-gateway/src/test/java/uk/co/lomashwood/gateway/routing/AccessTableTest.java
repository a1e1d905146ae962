package uk.co.lomashwood.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.core.io.ClassPathResource;

/** Pins the important rows of the access table (spec 10 §1.4 and the access columns of files 10–40). */
class AccessTableTest {

    private final AccessTable table = new AccessTable(new ClassPathResource("gateway/access-table.txt"));

    @ParameterizedTest(name = "{0} {1} → {2}")
    @CsvSource(delimiter = '|', textBlock = """
            POST   | /v1/auth/register                          | PUBLIC
            POST   | /v1/auth/login                             | PUBLIC
            POST   | /v1/auth/refresh                           | PUBLIC
            POST   | /v1/auth/mfa/verify                        | PUBLIC
            POST   | /v1/auth/logout                            | LENIENT
            GET    | /v1/auth/me                                | AUTHENTICATED
            GET    | /v1/auth/sessions                          | AUTHENTICATED
            GET    | /v1/admin/users                            | ROLE[ADMIN]
            GET    | /v1/admin/audit-logs                       | ROLE[SUPER_ADMIN]
            GET    | /v1/admin/roles/export                     | ROLE[SUPER_ADMIN]
            GET    | /v1/admin/roles/r1                         | ROLE[ADMIN]
            GET    | /v1/admin/anything-new                     | ROLE[ADMIN]
            GET    | /v1/products                               | LENIENT
            GET    | /v1/products/p1                            | LENIENT
            HEAD   | /v1/products/p1                            | LENIENT
            GET    | /v1/products/statistics                    | ROLE[ADMIN]
            POST   | /v1/products                               | ROLE[ADMIN]
            DELETE | /v1/products/p1                            | ROLE[ADMIN]
            GET    | /v1/inventory                              | ROLE[ADMIN]
            POST   | /v1/inventory                              | ROLE[ADMIN]
            PATCH  | /v1/inventory/i1                           | ROLE[ADMIN]
            DELETE | /v1/inventory/i1                           | ROLE[ADMIN]
            POST   | /v1/pricing                                | ROLE[ADMIN]
            POST   | /v1/pricing/r1/apply-discount              | ROLE[ADMIN]
            POST   | /v1/pricing/bulk-update                    | ROLE[ADMIN]
            GET    | /v1/pricing/product/p1                     | LENIENT
            GET    | /v1/sales                                  | LENIENT
            POST   | /v1/sales                                  | ROLE[ADMIN]
            PATCH  | /v1/sales/s1                               | ROLE[ADMIN]
            GET    | /v1/sizes/z1                               | LENIENT
            POST   | /v1/sizes/bulk                             | ROLE[ADMIN]
            DELETE | /v1/sizes/z1                               | ROLE[ADMIN]
            GET    | /v1/products/statistic%73                  | ROLE[ADMIN]
            GET    | /v1/inventory/product/p%31                 | ROLE[ADMIN, CONSULTANT]
            GET    | /v1/inventory/product/p1                   | ROLE[ADMIN, CONSULTANT]
            POST   | /v1/pricing/calculate                      | PUBLIC
            GET    | /v1/pricing                                | ROLE[ADMIN]
            POST   | /v1/checkout/summary                       | PUBLIC
            POST   | /v1/orders                                 | ROLE[ADMIN, CUSTOMER]
            GET    | /v1/orders/o1                              | AUTHENTICATED
            PATCH  | /v1/orders/o1/status                       | ROLE[ADMIN]
            POST   | /v1/payments/create-intent                 | AUTHENTICATED
            POST   | /v1/payments/reconcile                     | ROLE[SUPER_ADMIN]
            GET    | /v1/refunds/r1                             | AUTHENTICATED
            GET    | /v1/refunds                                | ROLE[ADMIN]
            POST   | /v1/webhooks/stripe                        | PUBLIC
            POST   | /v1/webhooks/ses                           | PUBLIC
            GET    | /v1/shipping/rates                         | PUBLIC
            POST   | /v1/shipping/rates                         | ROLE[ADMIN]
            POST   | /v1/tax-rules/calculate                    | PUBLIC
            GET    | /v1/appointments/availability              | PUBLIC
            POST   | /v1/appointments                           | OPTIONAL
            GET    | /v1/appointments/3f0e4f50-0000-4000-8000-000000000001 | OPTIONAL
            GET    | /v1/appointments/me                        | ROLE[CUSTOMER]
            GET    | /v1/appointments                           | ROLE[ADMIN]
            GET    | /v1/appointments/reminders                 | ROLE[ADMIN]
            GET    | /v1/appointments/consultants               | LENIENT
            GET    | /v1/appointments/consultants/c1/calendar   | ROLE[ADMIN, CONSULTANT]
            GET    | /v1/appointments/consultants/c1/bookings   | ROLE[ADMIN, CONSULTANT]
            GET    | /v1/appointments/slots                     | ROLE[ADMIN, CONSULTANT]
            GET    | /v1/showrooms/london                       | LENIENT
            POST   | /v1/showrooms                              | ROLE[ADMIN]
            GET    | /v1/blog/some-post                         | LENIENT
            POST   | /v1/blog                                   | ROLE[ADMIN]
            POST   | /v1/uploads                                | ROLE[ADMIN]
            GET    | /v1/media                                  | ROLE[ADMIN]
            GET    | /v1/sitemap.xml                            | PUBLIC
            POST   | /v1/brochures                              | LENIENT
            POST   | /v1/newsletter/confirm                     | LENIENT
            GET    | /v1/customers/me/profile                   | ROLE[CUSTOMER]
            GET    | /v1/customers/reviews/product/p1           | PUBLIC
            GET    | /v1/customers/reviews/product/p1/rating    | PUBLIC
            GET    | /v1/customers/referrals/validate/ABC123    | PUBLIC
            DELETE | /v1/admin/customers/c1/erase               | ROLE[SUPER_ADMIN]
            GET    | /v1/notifications/me                       | AUTHENTICATED
            GET    | /v1/notifications/unsubscribe              | PUBLIC
            POST   | /v1/notifications/unsubscribe              | PUBLIC
            PATCH  | /v1/admin/notifications/providers/p1       | ROLE[SUPER_ADMIN]
            POST   | /v1/analytics/track                        | OPTIONAL
            POST   | /v1/analytics/track/batch                  | OPTIONAL
            POST   | /v1/analytics/track/identify               | ROLE[CUSTOMER]
            POST   | /v1/analytics/sessions                     | PUBLIC
            GET    | /v1/analytics/sessions                     | ROLE[ADMIN]
            GET    | /v1/analytics/tracking/config              | PUBLIC
            GET    | /v1/analytics/dashboard                    | ROLE[ADMIN]
            GET    | /v1/something-unlisted                     | AUTHENTICATED
            """)
    void resolves(String method, String path, String expected) {
        AccessRule rule = table.resolve(method, path).orElseThrow();
        String actual = rule.access() == AccessClass.ROLE
                ? "ROLE" + new java.util.TreeSet<>(rule.roles().stream().map(Enum::name).toList())
                : rule.access().name();
        assertThat(actual).as(method + " " + path + " matched " + rule).isEqualTo(expected);
    }

    @Test
    void everyAdminRouteNeedsAtLeastAdmin() {
        table.rules().stream()
                .filter(r -> r.matcher().pattern().getPatternString().startsWith("/v1/admin"))
                .forEach(r -> assertThat(r.access()).as(r.toString()).isEqualTo(AccessClass.ROLE));
    }

    /**
     * The per-stem index gives, for every path a row was written for (and its neighbours), the row a scan over the
     * whole table picks: the most specific matching row, the earliest of equals.
     */
    @Test
    void indexedLookupAgreesWithAScanOfEveryRow() {
        java.util.List<String> paths = new java.util.ArrayList<>();
        for (AccessRule rule : table.rules()) {
            String sample = rule.matcher().pattern().getPatternString()
                    .replaceAll("\\{\\*[^}]*}|\\*\\*", "a/b").replaceAll("\\{[^}]*}|\\*", "x1");
            paths.add(sample);
            paths.add(sample + "/extra");
            paths.add(sample + "/");
            paths.add(sample.replace("/x1", "/x%31"));
        }
        paths.addAll(java.util.List.of("/v1", "/v1/", "/v1/unknown", "/v1/unknown/deeper", "/", "/health"));
        int compared = 0;
        for (String path : paths) {
            for (String method : java.util.List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE")) {
                AccessRule scanned = null;
                for (AccessRule rule : table.rules()) {
                    if (rule.matcher().matches(method, path, p -> false) && (scanned == null
                            || RequestMatcher.MOST_SPECIFIC_FIRST.compare(rule.matcher(), scanned.matcher()) < 0)) {
                        scanned = rule;
                    }
                }
                assertThat(table.resolve(method, path).orElse(null)).as(method + " " + path).isSameAs(scanned);
                compared++;
            }
        }
        assertThat(compared).isGreaterThan(1000);
    }

    @Test
    void textShortcutsMatchTheSamePathsAsThePathParser() {
        java.util.Set<String> paths = new java.util.TreeSet<>(java.util.List.of("/", "/v1", "/v1/", "/health"));
        for (AccessRule rule : table.rules()) {
            String pattern = rule.matcher().pattern().getPatternString();
            String sample = pattern.replaceAll("\\{\\*[^}]*}|\\*\\*", "a/b").replaceAll("\\{[^}]*}|\\*", "x1");
            String stem = pattern.replaceAll("/?(\\{[^}]*}|\\*).*", "");
            for (String base : java.util.List.of(sample, stem)) {
                paths.addAll(java.util.List.of(base, base + "/", base + "/x", base + "x",
                        base.toUpperCase(java.util.Locale.ROOT), base + ";a=1", base.replace("v1", "v%31"),
                        base.isEmpty() ? "/" : base.substring(0, base.length() - 1)));
            }
        }
        int compared = 0;
        for (AccessRule rule : table.rules()) {
            for (String path : paths) {
                assertThat(rule.matcher().matchesPath(path)).as(rule.matcher() + " against " + path)
                        .isEqualTo(rule.matcher().pattern().matches(
                                org.springframework.http.server.PathContainer.parsePath(path)));
                compared++;
            }
        }
        assertThat(compared).isGreaterThan(100_000);
    }
}
