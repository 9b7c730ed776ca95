package dev.htmlescape.examples.guestbook;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.json.JsonMapper;

/**
 * Measures what the library adds to the latency of a JSON {@code POST /api/entries}: starts the
 * guestbook twice in this JVM on random loopback ports, once as it is and once with
 * {@code html-escape.enabled=false}, warms both up, then sends the same JSON bodies to each from a
 * few concurrent clients and prints requests per second and latency percentiles for each, and the
 * ratio of their medians.
 *
 * <p>The two run side by side, in alternating rounds (the one that goes first changes every
 * round), so that JIT compilation, garbage collection and whatever else runs on the machine weigh
 * on both alike. The bodies pair 8 names (3 clean, 2 with an apostrophe or an ampersand, 3 XSS
 * payloads) with 8 messages (4 clean, 4 XSS payloads). Each
 * request is timed by its client, from sending to the whole response read, so the time includes
 * Tomcat, validation, escaping and the insert into H2. Traffic goes to 127.0.0.1 only, and the run
 * is bounded by its request counts.
 *
 * <p>Run it with {@code examples/load-run} from the project root; arguments are
 * {@code key=value}: {@code requests} measured per mode (default 30,000), {@code warmup} per mode
 * (10,000), {@code clients} (4), {@code rounds} (10).
 */
public final class LoadRun {

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

    private final int requests;
    private final int warmup;
    private final int clients;
    private final int rounds;
    private final List<String> bodies;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final ExecutorService pool;

    private LoadRun(Map<String, Integer> settings) {
        this.requests = settings.get("requests");
        this.warmup = settings.get("warmup");
        this.clients = settings.get("clients");
        this.rounds = settings.get("rounds");
        this.bodies = bodies();
        this.pool = Executors.newFixedThreadPool(clients);
    }

    /**
     * Runs the measurement and prints the table.
     *
     * @param args {@code key=value} settings: {@code requests}, {@code warmup}, {@code clients},
     *     {@code rounds}
     */
    public static void main(String[] args) throws Exception {
        Map<String, Integer> settings = new LinkedHashMap<>(
                Map.of("requests", 30_000, "warmup", 10_000, "clients", 4, "rounds", 10));
        for (String arg : args) {
            String[] pair = arg.split("=", 2);
            if (pair.length != 2 || !settings.containsKey(pair[0])) {
                throw new IllegalArgumentException("unknown argument " + arg + "; expected key=value with a key of "
                        + settings.keySet());
            }
            int value = Integer.parseInt(pair[1]);
            if (value < 1) {
                throw new IllegalArgumentException(pair[0] + " must be at least 1, was " + value);
            }
            settings.put(pair[0], value);
        }
        new LoadRun(settings).run(System.out);
    }

    private void run(PrintStream out) throws Exception {
        out.printf(Locale.ROOT, "LoadRun: %,d measured and %,d warm-up JSON POSTs per mode, %d clients, %d rounds;"
                + " Java %s, %d processors%n", requests, warmup, clients, rounds,
                Runtime.version(), Runtime.getRuntime().availableProcessors());
        try (ConfigurableApplicationContext enabled = start(true);
                ConfigurableApplicationContext disabled = start(false)) {
            Mode on = new Mode("library on", entriesUri(enabled));
            Mode off = new Mode("html-escape.enabled=false", entriesUri(disabled));
            checkThatOnlyOneEscapes(on, off);

            alternate(on, off, warmup, false);
            alternate(on, off, requests, true);

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
        } finally {
            pool.shutdownNow();
        }
    }

    private static ConfigurableApplicationContext start(boolean escaping) {
        // command-line arguments: they win over application.properties, which fixes port 8080
        return new SpringApplicationBuilder(GuestbookApplication.class).run(
                "--server.port=0", "--server.address=127.0.0.1", "--spring.main.banner-mode=off",
                "--logging.level.root=WARN", "--html-escape.enabled=" + escaping);
    }

    private static URI entriesUri(ConfigurableApplicationContext app) {
        return URI.create("http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port")
                + "/api/entries");
    }

    /** Refuses to measure unless the library escapes in one mode and not in the other. */
    private void checkThatOnlyOneEscapes(Mode on, Mode off) throws IOException, InterruptedException {
        String body = "{\"name\":\"<b>\",\"message\":\"x\"}";
        String escaped = post(on.uri, body).body();
        String typed = post(off.uri, body).body();
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

    private HttpResponse<String> post(URI uri, String body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** Every name with every message: 64 bodies, of which 12 need no escaping at all. */
    private static List<String> bodies() {
        JsonMapper json = JsonMapper.builder().build();
        List<String> bodies = new ArrayList<>();
        for (String name : NAMES) {
            for (String message : MESSAGES) {
                bodies.add(json.writeValueAsString(Map.of("name", name, "message", message)));
            }
        }
        return bodies;
    }

    /** One guestbook and the latencies measured against it. */
    private final class Mode {

        private final String name;
        private final URI uri;
        private final List<long[]> latencies = new ArrayList<>();
        /** The median of each measured round, in ms: rounds of the two modes run back to back. */
        private final List<Double> roundMedians = new ArrayList<>();
        private long wallNanos;
        private double[] sortedMillis;

        Mode(String name, URI uri) {
            this.name = name;
            this.uri = uri;
        }

        /** Sends {@code count} requests from {@link #clients} threads, each its own share. */
        void round(int count, boolean record) throws InterruptedException, ExecutionException {
            List<Future<long[]>> shares = new ArrayList<>();
            long start = System.nanoTime();
            for (int client = 0; client < clients; client++) {
                int offset = client;
                shares.add(pool.submit(() -> send(count / clients, offset)));
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

        private long[] send(int count, int offset) throws IOException, InterruptedException {
            long[] nanos = new long[count];
            for (int i = 0; i < count; i++) {
                String body = bodies.get((offset * 7 + i) % bodies.size());
                long start = System.nanoTime();
                HttpResponse<String> response = post(uri, body);
                nanos[i] = System.nanoTime() - start;
                if (response.statusCode() != 201) {
                    throw new IllegalStateException(name + ": " + response.statusCode() + " for " + body + ": "
                            + response.body());
                }
            }
            return nanos;
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

        String row() {
            long count = latencies.stream().mapToLong(share -> share.length).sum();
            return String.format(Locale.ROOT, "| %s | %,d | %,.0f | %.3f | %.3f | %.3f |", name, count,
                    count / (wallNanos / 1e9), percentile(50), percentile(90), percentile(99));
        }
    }
}
