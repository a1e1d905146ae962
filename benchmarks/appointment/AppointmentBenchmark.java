import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Latency harness for issue #5 (not part of ./mvnw verify). Against a running platform (gateway URL, default
 * http://localhost:3000), it measures:
 *   1. booking creation under contention: ROUNDS rounds (after 2 unrecorded warm-up rounds) of 100 simultaneous
 *      POST /v1/appointments for one slot; every round must give exactly one 201 and 99 × 409 SLOT_UNAVAILABLE;
 *   2. the availability grid for a 14-day window: GET /v1/appointments/availability?type=ONLINE&from=…&to=… .
 *
 * Run: java benchmarks/appointment/AppointmentBenchmark.java [gatewayUrl] [rounds] [gridRequests]
 * Start the platform with RATE_LIMIT_MULTIPLIER=1000 so that the gateway's booking limit (10/24 h per IP) is not hit.
 */
public class AppointmentBenchmark {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Pattern FREE_SLOT = Pattern.compile("\\{\"id\":\"([0-9a-f-]{36})\",\"startTime\":\"[^\"]+\",\"endTime\":\"[^\"]+\",\"isAvailable\":true");
    private static final Pattern CODE = Pattern.compile("\"code\":\"([A-Z_]+)\"");

    record Result(int status, String code, long micros) {
    }

    public static void main(String[] args) throws Exception {
        String base = args.length > 0 ? args[0] : "http://localhost:3000";
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        int gridRequests = args.length > 2 ? Integer.parseInt(args[2]) : 300;
        LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));

        List<Long> bookingMicros = new ArrayList<>();
        Map<String, Integer> outcomes = new TreeMap<>();
        LocalDate day = today.plusDays(2);
        int warmUp = 2;
        for (int round = -warmUp; round < rounds; round++) {
            String slot = null;
            while (slot == null) {
                Matcher free = FREE_SLOT.matcher(get(base + "/v1/appointments/availability?type=ONLINE&forKitchen=true&date=" + day).body());
                if (free.find()) {
                    slot = free.group(1);
                } else {
                    day = day.plusDays(1);
                }
            }
            List<Result> results = contend(base, slot);
            long created = results.stream().filter(r -> r.status() == 201).count();
            long conflicts = results.stream().filter(r -> r.status() == 409 && "SLOT_UNAVAILABLE".equals(r.code())).count();
            if (created != 1 || conflicts != 99) {
                throw new IllegalStateException("round " + round + ": " + created + " created, " + conflicts + " clean 409s");
            }
            if (round < 0) {
                continue;
            }
            results.forEach(r -> {
                bookingMicros.add(r.micros());
                outcomes.merge(r.status() + (r.code() == null ? "" : " " + r.code()), 1, Integer::sum);
            });
        }
        report("POST /v1/appointments, 100 concurrent per slot, " + rounds + " rounds", bookingMicros);
        System.out.println("  outcomes " + outcomes);

        // A window not asked for before misses the 30 s cache: 76 distinct 14-day windows fit the 90-day horizon.
        List<Long> uncached = new ArrayList<>();
        for (int i = 1; i <= 76; i++) {
            uncached.add(timeGrid(base, today.plusDays(i)));
        }
        report("GET /v1/appointments/availability, 14-day window, uncached (distinct windows)", uncached);
        List<Long> cached = new ArrayList<>();
        for (int i = 0; i < gridRequests; i++) {
            cached.add(timeGrid(base, today.plusDays(1)));
        }
        report("GET /v1/appointments/availability, 14-day window, repeated (30 s cache)", cached);
    }

    private static long timeGrid(String base, LocalDate from) throws Exception {
        String url = base + "/v1/appointments/availability?type=ONLINE&from=" + from + "&to=" + from.plusDays(13);
        long start = System.nanoTime();
        HttpResponse<String> response = get(url);
        long micros = (System.nanoTime() - start) / 1000;
        if (response.statusCode() != 200) {
            throw new IllegalStateException("grid answered " + response.statusCode() + ": " + response.body());
        }
        return micros;
    }

    private static List<Result> contend(String base, String slot) throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Result>> futures = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 100; i++) {
                String body = """
                        {"appointmentType":"ONLINE","forKitchen":true,"forBedroom":false,"slotId":"%s",
                         "customerDetails":{"name":"Bench Customer %d","email":"bench%d@example.co.uk",
                         "phone":"07700 900%03d","postcode":"SW4 7UD"}}""".formatted(slot, i, i, i);
                futures.add(pool.submit(() -> {
                    go.await();
                    HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/v1/appointments"))
                            .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build();
                    long start = System.nanoTime();
                    HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
                    long micros = (System.nanoTime() - start) / 1000;
                    Matcher code = CODE.matcher(response.body());
                    return new Result(response.statusCode(), code.find() ? code.group(1) : null, micros);
                }));
            }
            go.countDown();
        }
        List<Result> results = new ArrayList<>();
        for (Future<Result> f : futures) {
            results.add(f.get());
        }
        return results;
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static void report(String what, List<Long> micros) {
        List<Long> sorted = new ArrayList<>(micros);
        Collections.sort(sorted);
        System.out.printf("%s: n=%d p50=%.1f ms p95=%.1f ms p99=%.1f ms max=%.1f ms%n", what, sorted.size(),
                pct(sorted, 50), pct(sorted, 95), pct(sorted, 99), sorted.getLast() / 1000.0);
    }

    private static double pct(List<Long> sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(index, 0)) / 1000.0;
    }
}
