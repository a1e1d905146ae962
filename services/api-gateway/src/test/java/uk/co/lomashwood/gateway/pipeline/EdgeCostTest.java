package uk.co.lomashwood.gateway.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import uk.co.lomashwood.gateway.routing.AccessTable;

/** The per-request shortcuts taken for throughput keep the exact behaviour they replaced. */
class EdgeCostTest {

    /** The regular expression the path scan replaced. */
    private static final Pattern UNSAFE_PATH = Pattern.compile(
            "(?i).*(/\\.\\.?(/|$)|//|%2e|%2f|%5c|\\\\|;|%00).*");

    @Test
    void thePathScanRefusesExactlyWhatTheRegularExpressionRefused() {
        List<String> paths = new ArrayList<>(List.of("/v1/products", "/v1/products/", "/v1//products", "/v1/./x",
                "/v1/../x", "/v1/..", "/v1/.", "/v1/.hidden", "/v1/..x", "/v1/...", "/v1/a.b/c", "/v1/%2E%2e/x",
                "/v1/%2fetc", "/v1/%5C", "/v1/a\\b", "/v1/a;jsessionid=1", "/v1/%00", "/v1/%0", "/v1/%", "/v1/%20x",
                "/v1/%2", "/v1/x%2", "/v1/products/statistic%73", "/."));
        String alphabet = "/.%2eEf5cC0;\\a";
        java.util.Random random = new java.util.Random(42);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder path = new StringBuilder("/v1");
            for (int j = random.nextInt(8); j >= 0; j--) {
                path.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            paths.add(path.toString());
        }
        for (String path : paths) {
            assertThat(RequestPipeline.isUnsafePath(path)).as(path).isEqualTo(UNSAFE_PATH.matcher(path).matches());
        }
    }

    @Test
    void theHandWrittenAccessLineIsValidJsonWithEveryField() {
        Exchange ex = new Exchange(UUID.randomUUID().toString(), "GET", "/v1/products", "10.0.0.1", "00-x-y-01");
        ex.attempts = 1;
        String line = AccessLog.line(ex, 200, "curl \"quoted\" \\ back\nslash\u0001");
        JsonNode json = JsonMapper.builder().build().readTree(line);
        assertThat(json.get("type").asString()).isEqualTo("access");
        assertThat(json.get("route").asString()).isEqualTo("/v1/products");
        assertThat(json.get("statusCode").asInt()).isEqualTo(200);
        assertThat(json.get("upstream").isNull()).isTrue();
        assertThat(json.get("upstreamMs").isNull()).isTrue();
        assertThat(json.get("userId").isNull()).isTrue();
        assertThat(json.get("userAgent").asString()).isEqualTo("curl \"quoted\" \\ back\nslash\u0001");
        assertThat(json.propertyNames()).containsExactly("type", "requestId", "method", "route", "statusCode",
                "durationMs", "upstream", "upstreamMs", "attempts", "breakerState", "userId", "role", "ip", "userAgent");
    }

    /** A path with a percent-escape takes the full scan; its plain twin takes the raw-prefix shortcut. */
    @Test
    void accessRulesResolveTheSameWithTheRawPrefixShortcut() {
        AccessTable table = new AccessTable(new org.springframework.core.io.ClassPathResource("gateway/access-table.txt"));
        for (var rule : table.rules()) {
            String plain = rule.matcher().pattern().getPatternString().replace("/**", "/a/b")
                    .replaceAll("\\{[^}]*}", "x1").replace("*", "y");
            int letter = plain.indexOf('v');
            String escaped = plain.substring(0, letter) + "%76" + plain.substring(letter + 1);
            for (String method : List.of("GET", "POST", "DELETE")) {
                assertThat(table.resolve(method, plain)).as(method + " " + plain)
                        .isEqualTo(table.resolve(method, escaped));
            }
        }
    }
}
