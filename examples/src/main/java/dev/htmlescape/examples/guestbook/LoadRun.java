package dev.htmlescape.examples.guestbook;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Measures what the library adds to the guestbook: starts it twice in this JVM on random loopback
 * ports, once as it is and once with {@code html-escape.enabled=false}, warms both up, then sends
 * the same bodies to each from a few concurrent clients and prints requests per second and latency
 * percentiles for each.
 *
 * <p>The two run side by side, in alternating rounds (the one that goes first changes every
 * round), so that JIT compilation, garbage collection and whatever else runs on the machine weigh
 * on both alike. The bodies pair 8 names (3 clean, 2 with an apostrophe or an ampersand, 3 XSS
 * payloads) with 8 messages (4 clean, 4 XSS payloads). Each request is timed by its client, from
 * sending to the whole response read, so the time includes Tomcat, validation, escaping and the
 * insert into H2. Traffic goes to 127.0.0.1 only, and the run is bounded by its request counts.
 *
 * <p>Two modes:
 * <ul>
 *   <li>{@code mode=latency} (the default): JSON {@code POST /api/entries} only; prints the ratio of
 *       the medians, overall and round by round. Any answer but 201 stops the run.
 *   <li>{@code mode=soak}: the bounded load run, 100,000 requests to each guestbook by default,
 *       every tenth a form post ({@code POST /entries}, answered 303) and the others JSON (201). It
 *       counts every other answer and every failed request as an error rather than stopping; then
 *       checks that each guestbook's {@code entry} table holds exactly one row per accepted request
 *       (read through the application's own {@link JdbcClient}) and that the rows hold the text as
 *       each mode should (no {@code <} with the library, every payload's with it off); and measures
 *       the used heap after a forced garbage collection at three points: after warm-up, with the
 *       tables emptied; after the run, with its rows; and after the run once the rows are deleted,
 *       which must be within {@value #HEAP_SLACK_MIB} MiB of the first. Ends with an exception,
 *       and a non-zero exit status, if any check fails.
 * </ul>
 *
 * <p>Run it with {@code examples/load-run} from the project root; arguments are {@code key=value}:
 * {@code mode} ({@code latency} or {@code soak}), {@code requests} measured per guestbook (default
 * 30,000; 100,000 in soak mode), {@code warmup} per guestbook (10,000), {@code clients} (4),
 * {@code rounds} (10), and in soak mode {@code formEvery} (10: one request in that many is a form).
 */
public final class LoadRun {

    /** How far the heap after the run, its rows deleted, may lie above the heap after warm-up. */
    static final int HEAP_SLACK_MIB = 32;

    private static final List<String> NAMES = List.of(
            "Ada Lovelace", "Siobhan O'Brien", "\"><img src=x onerror=alert(1)>", "<script>alert(1)</script>",
            "Grace Hopper", "Fish & Chips Ltd", "<svg onload=alert(1)>", "Linus");
    private static final List<String> MESSAGES = List.of(
            "Lovely evening, thank you! We will come back next summer with the children.",
            "The tea was great and the scones even better. See you soon.",
            "<img src=x onerror=alert(document.cookie)> what a lovely place",
            "\"><script>fetch('/api/entries').then(r => r.text()).then(alert)</script>",
            "Quiet rooms, friendly staff, a view of the harbour from the breakfast table.",
            "Came for a weekend and stayed a week. Thanks for everything, Anna and Tom.",
            "<a href=\"javascript:alert(1)\" onmouseover='alert(2)'>click & win</a>",
            "</p><iframe src=javascript:alert(1)></iframe><p>");

    private final boolean soak;
    private final int requests;
    private final int warmup;
    private final int clients;
    private final int rounds;
    private final int formEvery;
    private final List<Body> bodies;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final ExecutorService pool;

    private LoadRun(boolean soak, Map<String, Integer> settings) {
        this.soak = soak;
        this.requests = settings.get("requests");
        this.warmup = settings.get("warmup");
        this.clients = settings.get("clients");
        this.rounds = settings.get("rounds");
        this.formEvery = soak ? settings.get("formEvery") : Integer.MAX_VALUE;
        this.bodies = bodies();
        this.pool = Executors.newFixedThreadPool(clients);
    }

    /**
     * Runs the measurement and prints the tables.
     *
     * @param args {@code key=value} settings: {@code mode}, {@code requests}, {@code warmup},
     *     {@code clients}, {@code rounds}, {@code formEvery}
     */
    public static void main(String[] args) throws Exception {
        String mode = "latency";
        Map<String, Integer> settings = new LinkedHashMap<>(
                Map.of("requests", 30_000, "warmup", 10_000, "clients", 4, "rounds", 10, "formEvery", 10));
        boolean requestsGiven = false;
        for (String arg : args) {
            String[] pair = arg.split("=", 2);
            if (pair.length == 2 && pair[0].equals("mode")) {
                if (!pair[1].equals("latency") && !pair[1].equals("soak")) {
                    throw new IllegalArgumentException("mode must be latency or soak, was " + pair[1]);
                }
                mode = pair[1];
                continue;
            }
            if (pair.length != 2 || !settings.containsKey(pair[0])) {
                throw new IllegalArgumentException("unknown argument " + arg + "; expected mode=latency|soak or"
                        + " key=value with a key of " + settings.keySet());
            }
            int value = Integer.parseInt(pair[1]);
            if (value < 1) {
                throw new IllegalArgumentException(pair[0] + " must be at least 1, was " + value);
            }
            settings.put(pair[0], value);
            requestsGiven |= pair[0].equals("requests");
        }
        boolean soak = mode.equals("soak");
        if (soak && !requestsGiven) {
            settings.put("requests", 100_000);
        }
        new LoadRun(soak, settings).run(System.out);
    }

    private void run(PrintStream out) throws Exception {
        out.printf(Locale.ROOT, "LoadRun (%s): %,d measured and %,d warm-up %s per mode, %d clients, %d rounds;"
                + " Java %s, %d processors, max heap %,d MiB%n", soak ? "soak" : "latency", requests, warmup,
                soak ? "requests (every " + formEvery + "th a form post, the others JSON)" : "JSON POSTs",
                clients, rounds, Runtime.version(), Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20);
        try (ConfigurableApplicationContext enabled = start(true);
                ConfigurableApplicationContext disabled = start(false)) {
            Mode on = new Mode("library on", enabled);
            Mode off = new Mode("html-escape.enabled=false", disabled);
            checkThatOnlyOneEscapes(on, off);

            alternate(on, off, warmup, false);
            if (soak) {
                soak(out, on, off);
            } else {
                alternate(on, off, requests, true);
                printLatency(out, on, off);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private void printLatency(PrintStream out, Mode on, Mode off) {
        out.println();
        out.println("| mode | requests | req/s | p50 ms | p90 ms | p99 ms |");
        out.println("|---|---:|---:|---:|---:|---:|");
        for (Mode mode : List.of(on, off)) {
            out.println(mode.row());
        }
        out.printf(Locale.ROOT, "%nmedian ratio (library on / off): %.3f; p90 ratio %.3f; p99 ratio %.3f%n",
                on.percentile(50) / off.percentile(50), on.percentile(90) / off.percentile(90),
                on.percentile(99) / off.percentile(99));
        double[] roundRatios = new double[rounds];
        for (int round = 0; round < rounds; round++) {
            roundRatios[round] = on.roundMedians.get(round) / off.roundMedians.get(round);
        }
        Arrays.sort(roundRatios);
        out.printf(Locale.ROOT, "median ratio of each round, sorted: %s%n", Arrays.stream(roundRatios)
                .mapToObj(ratio -> String.format(Locale.ROOT, "%.3f", ratio)).toList());
    }

    /**
     * The bounded load run: empties the tables and takes the heap after warm-up, sends the measured
     * requests, then checks errors, rows and heap and prints them.
     */
    private void soak(PrintStream out, Mode on, Mode off) throws Exception {
        on.emptyTable();
        off.emptyTable();
        long heapAfterWarmup = usedHeapAfterGc();

        alternate(on, off, requests, true);

        long heapWithRows = usedHeapAfterGc();
        List<String> failures = new ArrayList<>();
        for (Mode mode : List.of(on, off)) {
            failures.addAll(mode.checkStored());
        }
        long rows = on.rows + off.rows;
        on.emptyTable();
        off.emptyTable();
        long heapAfterRun = usedHeapAfterGc();

        out.println();
        out.println("| mode | requests | errors | accepted | rows | rows with raw `<` | req/s | p50 ms | p90 ms | p99 ms |");
        out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (Mode mode : List.of(on, off)) {
            out.println(mode.soakRow());
        }
        out.printf(Locale.ROOT, "%nused heap after a forced GC: %.1f MiB after warm-up (tables emptied); %.1f MiB after"
                + " the run, with its %,d rows (%.0f bytes a row); %.1f MiB after the run, rows deleted (%+.1f MiB;"
                + " bound +%d MiB)%n", mib(heapAfterWarmup), mib(heapWithRows), rows,
                rows == 0 ? 0.0 : (double) (heapWithRows - heapAfterRun) / rows, mib(heapAfterRun),
                mib(heapAfterRun - heapAfterWarmup), HEAP_SLACK_MIB);
        out.printf(Locale.ROOT, "req/s ratio (library on / off): %.3f; p50 ratio %.3f; p90 ratio %.3f; p99 ratio %.3f%n",
                on.requestsPerSecond() / off.requestsPerSecond(), on.percentile(50) / off.percentile(50),
                on.percentile(90) / off.percentile(90), on.percentile(99) / off.percentile(99));
        if (heapAfterRun - heapAfterWarmup > ((long) HEAP_SLACK_MIB << 20)) {
            failures.add(String.format(Locale.ROOT, "the heap grew by %.1f MiB over the run, rows deleted; bound %d MiB",
                    mib(heapAfterRun - heapAfterWarmup), HEAP_SLACK_MIB));
        }
        if (!failures.isEmpty()) {
            throw new IllegalStateException("the load run failed its checks:\n" + String.join("\n", failures));
        }
        out.println("checks passed: no errors, one row per accepted request, text stored as each mode should,"
                + " heap back within the bound");
    }

    /** The used heap after the collector had three chances to empty it. */
    private static long usedHeapAfterGc() throws InterruptedException {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return memory.getHeapMemoryUsage().getUsed();
    }

    private static double mib(long bytes) {
        return bytes / (1024.0 * 1024.0);
    }

    private static ConfigurableApplicationContext start(boolean escaping) {
        // command-line arguments: they win over application.properties, which fixes port 8080
        return new SpringApplicationBuilder(GuestbookApplication.class).run(
                "--server.port=0", "--server.address=127.0.0.1", "--spring.main.banner-mode=off",
                "--logging.level.root=WARN", "--html-escape.enabled=" + escaping);
    }

    /** Refuses to measure unless the library escapes in one mode and not in the other. */
    private void checkThatOnlyOneEscapes(Mode on, Mode off) throws IOException, InterruptedException {
        Body body = new Body("<b>", "x");
        String escaped = send(on.base, body).body();
        String typed = send(off.base, body).body();
        if (!escaped.contains("&lt;b&gt;") || !typed.contains("\"<b>\"")) {
            throw new IllegalStateException("expected the library to escape in one mode only; got " + escaped
                    + " with it on and " + typed + " with it off");
        }
    }

    /** Sends {@code total} requests to each mode in {@link #rounds} alternating rounds. */
    private void alternate(Mode first, Mode second, int total, boolean record) throws Exception {
        int perRound = Math.max(clients, total / rounds);
        for (int round = 0; round < rounds; round++) {
            boolean swap = round % 2 == 1;
            (swap ? second : first).round(perRound, record);
            (swap ? first : second).round(perRound, record);
        }
    }

    private HttpResponse<String> send(URI base, Body body) throws IOException, InterruptedException {
        return http.send(body.form ? body.formRequest(base) : body.jsonRequest(base), HttpResponse.BodyHandlers.ofString());
    }

    /** Every name with every message: 64 bodies, of which 12 need no escaping at all. */
    private static List<Body> bodies() {
        List<Body> bodies = new ArrayList<>();
        for (String name : NAMES) {
            for (String message : MESSAGES) {
                bodies.add(new Body(name, message));
            }
        }
        return bodies;
    }

    /** One signature, sent as JSON or as the page's form would send it. */
    private static final class Body {

        private static final JsonMapper JSON = JsonMapper.builder().build();

        final String name;
        final String message;
        final boolean form;
        private final String json;
        private final String urlEncoded;

        Body(String name, String message) {
            this(name, message, false);
        }

        private Body(String name, String message, boolean form) {
            this.name = name;
            this.message = message;
            this.form = form;
            this.json = JSON.writeValueAsString(Map.of("name", name, "message", message));
            this.urlEncoded = "name=" + URLEncoder.encode(name, StandardCharsets.UTF_8) + "&message="
                    + URLEncoder.encode(message, StandardCharsets.UTF_8);
        }

        Body asForm() {
            return new Body(name, message, true);
        }

        /** Whether the stored row holds a {@code <} when the library is off: a payload's markup. */
        boolean hasMarkup() {
            return name.contains("<") || message.contains("<");
        }

        int expectedStatus() {
            return form ? 303 : 201;
        }

        HttpRequest jsonRequest(URI base) {
            return HttpRequest.newBuilder(base.resolve("/api/entries"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json))
                    .build();
        }

        HttpRequest formRequest(URI base) {
            return HttpRequest.newBuilder(base.resolve("/entries"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(urlEncoded))
                    .build();
        }

        @Override
        public String toString() {
            return (form ? "form " : "JSON ") + json;
        }
    }

    /** One guestbook and what was measured against it. */
    private final class Mode {

        private final String name;
        private final boolean escaping;
        private final URI base;
        private final JdbcClient jdbc;
        private final List<long[]> latencies = new ArrayList<>();
        /** The median of each measured round, in ms: rounds of the two modes run back to back. */
        private final List<Double> roundMedians = new ArrayList<>();
        private final AtomicLong accepted = new AtomicLong();
        private final AtomicLong acceptedWithMarkup = new AtomicLong();
        private final AtomicLong errors = new AtomicLong();
        private final List<String> firstErrors = new ArrayList<>();
        private long wallNanos;
        private double[] sortedMillis;
        private long rows;
        private long rowsWithMarkup;

        Mode(String name, ConfigurableApplicationContext app) {
            this.name = name;
            this.escaping = app.getEnvironment().getProperty("html-escape.enabled", Boolean.class, true);
            this.base = URI.create("http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port") + "/");
            this.jdbc = app.getBean(JdbcClient.class);
        }

        /** Sends {@code count} requests from {@link #clients} threads, each its own share. */
        void round(int count, boolean record) throws InterruptedException, ExecutionException {
            List<Future<long[]>> shares = new ArrayList<>();
            long start = System.nanoTime();
            for (int client = 0; client < clients; client++) {
                int offset = client;
                shares.add(pool.submit(() -> send(count / clients, offset, record)));
            }
            List<long[]> round = new ArrayList<>();
            for (Future<long[]> share : shares) {
                round.add(share.get());
            }
            long elapsed = System.nanoTime() - start;
            if (record) {
                latencies.addAll(round);
                wallNanos += elapsed;
                sortedMillis = null;
                roundMedians.add(percentile(round, 50));
            }
        }

        private long[] send(int count, int offset, boolean record) throws IOException, InterruptedException {
            long[] nanos = new long[count];
            for (int i = 0; i < count; i++) {
                Body body = bodies.get((offset * 7 + i) % bodies.size());
                if ((i + offset) % formEvery == formEvery - 1) {
                    body = body.asForm();
                }
                long start = System.nanoTime();
                HttpResponse<String> response;
                try {
                    response = LoadRun.this.send(base, body);
                } catch (IOException e) {
                    if (!soak) {
                        throw e;
                    }
                    nanos[i] = System.nanoTime() - start;
                    error(body + ": " + e);
                    continue;
                }
                nanos[i] = System.nanoTime() - start;
                if (response.statusCode() != body.expectedStatus()) {
                    String problem = name + ": " + response.statusCode() + " for " + body + ": " + response.body();
                    if (!soak) {
                        throw new IllegalStateException(problem);
                    }
                    error(problem);
                } else if (record) {
                    accepted.incrementAndGet();
                    if (body.hasMarkup()) {
                        acceptedWithMarkup.incrementAndGet();
                    }
                }
            }
            return nanos;
        }

        private void error(String problem) {
            errors.incrementAndGet();
            synchronized (firstErrors) {
                if (firstErrors.size() < 5) {
                    firstErrors.add(problem);
                }
            }
        }

        void emptyTable() {
            jdbc.sql("DELETE FROM entry").update();
        }

        /**
         * Counts the rows and those holding a raw {@code <}, and says what is wrong: errors, a row
         * lost or added, text stored other than this mode stores it.
         */
        List<String> checkStored() {
            rows = jdbc.sql("SELECT COUNT(*) FROM entry").query(Long.class).single();
            rowsWithMarkup = jdbc.sql("SELECT COUNT(*) FROM entry WHERE name LIKE '%<%' OR message LIKE '%<%'")
                    .query(Long.class).single();
            List<String> problems = new ArrayList<>();
            if (errors.get() > 0) {
                problems.add(name + ": " + errors.get() + " errors, the first ones: " + firstErrors);
            }
            if (rows != accepted.get()) {
                problems.add(name + ": " + rows + " rows for " + accepted.get() + " accepted requests");
            }
            long expectedMarkup = escaping ? 0 : acceptedWithMarkup.get();
            if (rowsWithMarkup != expectedMarkup) {
                problems.add(name + ": " + rowsWithMarkup + " rows with a raw '<', expected " + expectedMarkup);
            }
            return problems;
        }

        double percentile(int percent) {
            if (sortedMillis == null) {
                sortedMillis = sortedMillis(latencies);
            }
            return nearestRank(sortedMillis, percent);
        }

        private static double percentile(List<long[]> shares, int percent) {
            return nearestRank(sortedMillis(shares), percent);
        }

        private static double[] sortedMillis(List<long[]> shares) {
            return shares.stream().flatMapToLong(Arrays::stream).mapToDouble(nanos -> nanos / 1e6).sorted().toArray();
        }

        private static double nearestRank(double[] sorted, int percent) {
            int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
            return sorted[Math.max(0, rank - 1)];
        }

        long count() {
            return latencies.stream().mapToLong(share -> share.length).sum();
        }

        double requestsPerSecond() {
            return count() / (wallNanos / 1e9);
        }

        String row() {
            return String.format(Locale.ROOT, "| %s | %,d | %,.0f | %.3f | %.3f | %.3f |", name, count(),
                    requestsPerSecond(), percentile(50), percentile(90), percentile(99));
        }

        String soakRow() {
            return String.format(Locale.ROOT, "| %s | %,d | %,d | %,d | %,d | %,d | %,.0f | %.3f | %.3f | %.3f |", name,
                    count(), errors.get(), accepted.get(), rows, rowsWithMarkup, requestsPerSecond(), percentile(50),
                    percentile(90), percentile(99));
        }
    }
}
