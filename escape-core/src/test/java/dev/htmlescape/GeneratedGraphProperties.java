package dev.htmlescape;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.htmlescape.GraphFixtures.Blueprint;
import dev.htmlescape.GraphFixtures.Containers;
import dev.htmlescape.GraphFixtures.NodeSpec;
import dev.htmlescape.GraphFixtures.NodeType;
import dev.htmlescape.GraphFixtures.Value;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;
import org.owasp.encoder.Encode;

/**
 * Random object graphs built from the fixed classes of {@link GraphFixtures}, escaped with
 * {@link Escaper#escape} and checked against the independent {@link GraphOracle}; and hostile ones
 * of {@link HostileGraphs}, which either come out escaped exactly once, as {@link ReachableText}
 * counts, or are refused with an {@link EscapeException}, and never fail otherwise.
 */
class GeneratedGraphProperties {

    private static final Duration WALK_TIME_LIMIT = Duration.ofSeconds(10);
    private static final Escaper COMPILED = Escaper.builder().build();
    private static final Escaper INTERPRETED = Escaper.builder().withoutCompiledReaders().build();
    private static final ExecutorService WALKER_THREAD = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "walker");
        thread.setDaemon(true);
        return thread;
    });

    @Property(tries = 1000)
    void everyReachableStringIsEscapedExactlyOnceAndNothingElseChanges(@ForAll("graphs") Blueprint blueprint,
            @ForAll boolean compiledReaders) {
        Object root = GraphFixtures.build(blueprint);
        GraphOracle oracle = GraphOracle.snapshot(root);

        Statistics.label("shape").collect(oracle.nodeCount() > 8 ? "9+ nodes" : oracle.nodeCount() > 3 ? "4-8 nodes" : "1-3 nodes",
                oracle.hasCycle() ? "cycle" : "acyclic", oracle.hasSharedNode() ? "shared" : "tree");
        Statistics.label("cycle").collect(oracle.hasCycle());
        Statistics.label("shared").collect(oracle.hasSharedNode());
        Statistics.label("immutable rebuilt").collect(oracle.hasRebuiltImmutable());

        Object escaped = escapeWithinTimeLimit(root, compiledReaders);

        oracle.verify(escaped);
        // the generator must keep producing the interesting shapes
        Statistics.label("cycle").coverage(c -> c.check(true).percentage(p -> p >= 15));
        Statistics.label("shared").coverage(c -> c.check(true).percentage(p -> p >= 25));
        Statistics.label("immutable rebuilt").coverage(c -> c.check(true).percentage(p -> p >= 25));
    }

    @Property(tries = 1000)
    void aGraphOfCleanStringsComesBackUntouchedInstanceForInstance(@ForAll("cleanGraphs") Blueprint blueprint,
            @ForAll boolean compiledReaders) {
        Object root = GraphFixtures.build(blueprint);
        GraphOracle oracle = GraphOracle.snapshot(root);
        for (String text : oracle.strings()) {
            assertSame(text, Encode.forHtml(text), "the generator made only clean Strings");
        }

        Object escaped = escapeWithinTimeLimit(root, compiledReaders);

        assertSame(root, escaped, "nothing to escape: the very same root");
        oracle.verify(escaped); // checks assertSame for every String, record and container
    }

    @Property(tries = 1000)
    void escapingTwoSetElementsIntoOneIsRejectedAndLosesNothing(@ForAll("distinctTexts") List<String> others,
            @ForAll("collidingPairs") Tuple.Tuple2<String, String> pair, @ForAll("setKinds") int kind,
            @ForAll("positions") int position) {
        Set<String> set = switch (kind) {
            case 0 -> new HashSet<>();
            case 1 -> new LinkedHashSet<>();
            case 2 -> new TreeSet<>();
            default -> new LinkedHashSet<>();
        };
        List<String> elements = new ArrayList<>(others);
        elements.add(Math.min(position, elements.size()), pair.get1());
        elements.add(pair.get2());
        set.addAll(elements);
        if (kind == 3) {
            set = Collections.unmodifiableSet(set);
        }
        Set<String> before = new HashSet<>(set);
        assertEquals(elements.size(), set.size(), "the fixture holds every element");
        Containers holder = new Containers();
        holder.set = set;

        EscapeException e = assertThrows(EscapeException.class, () -> Escaper.escape(holder));

        assertTrue(e.getPath().startsWith("containers.set["), "the path names the set slot: " + e.getPath());
        assertTrue(e.getMessage().contains("escaping made two elements equal"), e.getMessage());
        assertSame(set, holder.set, "the holder keeps its set");
        assertEquals(before, holder.set, "both colliding elements and all others are still there");
    }

    @Property(tries = 1000)
    void escapingTwoMapKeysIntoOneIsRejectedAndLosesNothing(@ForAll("distinctTexts") List<String> others,
            @ForAll("collidingPairs") Tuple.Tuple2<String, String> pair, @ForAll("mapKinds") int kind) {
        Map<String, Object> map = switch (kind) {
            case 0 -> new HashMap<>();
            case 1 -> new LinkedHashMap<>();
            case 2 -> new TreeMap<>();
            default -> new LinkedHashMap<>();
        };
        map.put(pair.get1(), "first");
        for (String other : others) {
            map.put(other, other);
        }
        map.put(pair.get2(), "second");
        if (kind == 3) {
            map = Collections.unmodifiableMap(map);
        }
        Map<String, Object> before = new HashMap<>(map);
        assertEquals(others.size() + 2, map.size(), "the fixture holds every entry");
        Containers holder = new Containers();
        holder.map = map;

        EscapeException e = assertThrows(EscapeException.class, () -> Escaper.escape(holder));

        assertTrue(e.getPath().startsWith("containers.map[key "), "the path names the key slot: " + e.getPath());
        assertTrue(e.getMessage().contains("escaping made two keys equal"), e.getMessage());
        assertSame(map, holder.map, "the holder keeps its map");
        assertEquals(before, holder.map, "both colliding entries and all others are still there");
    }

    private static final int THREADS = 8;
    private static final ExecutorService THREAD_POOL = Executors.newFixedThreadPool(THREADS, task -> {
        Thread thread = new Thread(task, "concurrent walker");
        thread.setDaemon(true);
        return thread;
    });
    /** One escaper for every try, as an application has: its plans are shared by all threads. */
    private static final Escaper SHARED = Escaper.builder().build();

    /**
     * Eight threads escape eight different generated graphs at the same moment through one
     * escaper; each result must be what the oracle expects of that graph alone.
     */
    @Property(tries = 100)
    void graphsEscapedAtOnceOnEightThreadsThroughOneEscaperAreEachEscapedAsAlone(
            @ForAll("eightGraphs") List<Blueprint> blueprints) throws Exception {
        List<Object> roots = new ArrayList<>();
        List<GraphOracle> oracles = new ArrayList<>();
        for (Blueprint blueprint : blueprints) {
            Object root = GraphFixtures.build(blueprint);
            roots.add(root);
            oracles.add(GraphOracle.snapshot(root));
        }
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Object>> walks = new ArrayList<>();
        for (Object root : roots) {
            walks.add(THREAD_POOL.submit(() -> {
                start.await();
                return SHARED.escapeGraph(root);
            }));
        }
        start.countDown();

        for (int i = 0; i < THREADS; i++) {
            Object escaped;
            try {
                escaped = walks.get(i).get(WALK_TIME_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                walks.forEach(walk -> walk.cancel(true));
                throw new AssertionError("a walk did not end within " + WALK_TIME_LIMIT, e);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException) {
                    throw (RuntimeException) e.getCause();
                }
                throw new AssertionError(e.getCause());
            }
            oracles.get(i).verify(escaped);
        }
    }

    @Provide
    Arbitrary<List<Blueprint>> eightGraphs() {
        return blueprints(texts()).list().ofSize(THREADS);
    }

    /**
     * The fuzz: any mix of the JDK's containers, views sharing storage, self-containing containers,
     * cycles through records, chains and fans beyond the limits, hostile hash codes, comparators,
     * iterators and constructors, containers that refuse writes, keys that escape alike, {@code final}
     * fields, with any settings. The only failure allowed is an {@link EscapeException} with a path;
     * a graph that is escaped must have each String escaped exactly once, lose nothing and keep
     * every container's lookups and order working.
     */
    @Property(tries = 2000)
    void aHostileGraphIsEscapedExactlyOnceOrRefusedWithAnEscapeException(
            @ForAll("hostilePlans") HostileGraphs.Plan plan) {
        Object root = HostileGraphs.build(plan);
        Map<String, Integer> expected = ReachableText.expected(root, plan.escapeMapKeys());

        Object escaped;
        try {
            escaped = escapeArmed(plan.escaper(), root);
        } catch (EscapeException refused) {
            Statistics.label("outcome").collect("EscapeException");
            Statistics.label("refusal").collect(refusalKind(refused));
            assertTrue(refused.getPath() != null && !refused.getPath().isEmpty(), "the refusal names a path");
            assertTrue(refused.getCause() == null || thrownByTheGraph(refused.getCause()),
                    "a refusal is the library's own (no cause) or the graph's, never the walk's: " + refused.getCause());
            checkHostileCoverage();
            return;
        }
        Statistics.label("outcome").collect("escaped");

        assertEquals(expected, ReachableText.found(escaped, plan.escapeMapKeys()));
        checkHostileCoverage();
    }

    /**
     * Whether {@code cause} came from the graph: its hostile code, the JDK's containers refusing a
     * write, or its code recursing without end; not from the walk, whose classes would be first on
     * the stack.
     */
    private static boolean thrownByTheGraph(Throwable cause) {
        if (cause instanceof HostileGraphs.Sabotage || cause instanceof StackOverflowError) {
            return true;
        }
        StackTraceElement[] stack = cause.getStackTrace();
        return stack.length > 0 && stack[0].getClassName().startsWith("java.");
    }

    /** The gist of a refusal's message, without the path and the quoted text. */
    private static String refusalKind(EscapeException refused) {
        String message = refused.getMessage().substring(refused.getPath().length()).replaceAll("\\s+", " ")
                .replaceAll("\"[^\"]*\"|'[^']*'|\\[[^\\]]*\\]|\\([^)]*\\)|[0-9]+", "_");
        return message.substring(0, Math.min(90, message.length()));
    }

    private static void checkHostileCoverage() {
        // both outcomes stay frequent: the generator neither only breaks graphs nor never
        Statistics.label("outcome").coverage(c -> {
            c.check("escaped").percentage(p -> p >= 25);
            c.check("EscapeException").percentage(p -> p >= 10);
        });
    }

    /**
     * Escapes {@code root} on the walker thread with the hostile objects armed; any throwable but an
     * {@link EscapeException} fails the try, and so does a walk that does not end in time.
     */
    static Object escapeArmed(Escaper escaper, Object root) {
        Future<Object> walk = WALKER_THREAD.submit(() -> {
            HostileGraphs.armed = true;
            try {
                return escaper.escapeGraph(root);
            } finally {
                HostileGraphs.armed = false;
            }
        });
        try {
            return walk.get(WALK_TIME_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            walk.cancel(true);
            return fail("the walk did not end within " + WALK_TIME_LIMIT);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof EscapeException refused) {
                throw refused;
            }
            throw new AssertionError("only an EscapeException may end a walk, not " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail("interrupted");
        }
    }

    /**
     * Escapes on one thread kept for every try, so that thread's walker is reused call after call,
     * as it is in an application, with compiled readers or interpreted ones as the try drew;
     * failing the try instead of hanging the build should the walk not end (a cycle entered over
     * and over, say). The generated graphs are small: a few milliseconds.
     */
    private static Object escapeWithinTimeLimit(Object root, boolean compiledReaders) {
        Escaper escaper = compiledReaders ? COMPILED : INTERPRETED;
        Future<Object> walk = WALKER_THREAD.submit(() -> escaper.escapeGraph(root));
        try {
            return walk.get(WALK_TIME_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            walk.cancel(true);
            return fail("the walk did not end within " + WALK_TIME_LIMIT);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException) {
                throw (RuntimeException) e.getCause();
            }
            throw new AssertionError(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail("interrupted");
        }
    }

    // ---- arbitraries ----

    @Provide
    Arbitrary<Blueprint> graphs() {
        return blueprints(texts());
    }

    @Provide
    Arbitrary<Blueprint> cleanGraphs() {
        return blueprints(cleanTexts());
    }

    static Arbitrary<Blueprint> blueprints(Arbitrary<String> texts) {
        Arbitrary<Value> values = Arbitraries.frequencyOf(
                Tuple.of(2, Arbitraries.just(new Value(Value.NULL, "", 0, 0))),
                Tuple.of(5, texts.map(t -> new Value(Value.TEXT, t, 0, 0))),
                Tuple.of(6, Combinators.combine(texts, Arbitraries.integers().between(0, 40),
                        Arbitraries.integers().between(0, 100)).as((t, ref, n) -> new Value(Value.REF, t, ref, n))),
                Tuple.of(1, Combinators.combine(texts, Arbitraries.integers().between(0, 1000))
                        .as((t, n) -> new Value(Value.OPAQUE, t, 0, n))));
        Arbitrary<NodeSpec> nodes = Combinators.combine(
                Arbitraries.of(NodeType.class),
                Arbitraries.integers().between(0, 7 * 7 * 7 * 7 * 7 - 1),
                values.list().ofMaxSize(12).withSizeDistribution(RandomDistribution.uniform()))
                .as(NodeSpec::new);
        return Combinators.combine(
                nodes.list().ofMinSize(1).ofMaxSize(12).withSizeDistribution(RandomDistribution.uniform()),
                Arbitraries.frequency(Tuple.of(3, true), Tuple.of(1, false)))
                .as(Blueprint::new);
    }

    /**
     * A mix of clean ASCII, HTML metacharacters, payload fragments, arbitrary chars (lone
     * surrogates, controls and non-characters included), supplementary characters, and
     * concatenations of these.
     */
    static Arbitrary<String> texts() {
        Arbitrary<String> piece = Arbitraries.frequencyOf(
                Tuple.of(3, cleanTexts()),
                Tuple.of(3, Arbitraries.strings().withChars("<>&\"' ab=/;#").ofMaxLength(8)),
                Tuple.of(2, Arbitraries.of("<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>",
                        "'onmouseover='alert(1)", "&lt;", "&amp;amp;", "&#39;", "javascript:alert(1)",
                        "<!--", "-->", "]]>", "</p>", "<svg/onload=alert(1)>", "\u0000", "\r\n", "\t")),
                Tuple.of(2, Arbitraries.strings().all().ofMaxLength(6)),
                Tuple.of(1, Arbitraries.integers().between(0x10000, 0x10FFFF).map(cp -> new String(Character.toChars(cp)))),
                Tuple.of(1, Arbitraries.of("\uD800", "\uDFFF", "\uDBFF\uDFFF", "\uFFFE", "\uFDD0", "\u0085", "\u0080",
                        "\u007F", "\u000B", "\uD83D\uDE00")));
        return Arbitraries.frequencyOf(
                Tuple.of(4, piece),
                Tuple.of(1, piece.list().ofMinSize(2).ofMaxSize(4).map(parts -> String.join("", parts))));
    }

    @Provide
    Arbitrary<HostileGraphs.Plan> hostilePlans() {
        return hostile();
    }

    /** Hostile graphs with any settings, compiled or interpreted readers among them. */
    static Arbitrary<HostileGraphs.Plan> hostile() {
        Arbitrary<String> texts = Arbitraries.frequencyOf(
                Tuple.of(30, texts()),
                // long text: the encoder's buffers grow, the walker copies nothing else
                Tuple.of(1, Arbitraries.of("<&>\"'", "a", "\uD83D\uDE00").map(unit -> unit.repeat(20_000))));
        Arbitrary<Value> values = Arbitraries.frequencyOf(
                Tuple.of(2, Arbitraries.just(new Value(Value.NULL, "", 0, 0))),
                Tuple.of(5, texts.map(t -> new Value(Value.TEXT, t, 0, 0))),
                Tuple.of(5, Combinators.combine(texts, Arbitraries.integers().between(0, 40),
                        Arbitraries.integers().between(0, 100)).as((t, ref, n) -> new Value(Value.REF, t, ref, n))),
                Tuple.of(1, Combinators.combine(texts, Arbitraries.integers().between(0, 1000))
                        .as((t, n) -> new Value(Value.OPAQUE, t, 0, n))));
        Arbitrary<HostileGraphs.NodePlan> nodes = Combinators.combine(Arbitraries.of(HostileGraphs.Shape.class),
                        values.list().ofMaxSize(10).withSizeDistribution(RandomDistribution.uniform()))
                .as(HostileGraphs.NodePlan::new);
        // a limit of 0 keeps the default; small ones are crossed by the chains and fans at times
        Arbitrary<Integer> maxDepth = Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.just(0)), Tuple.of(1, Arbitraries.integers().between(5, 300)));
        Arbitrary<Integer> maxNodes = Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.just(0)), Tuple.of(1, Arbitraries.integers().between(20, 3000)));
        return Combinators.combine(
                        nodes.list().ofMinSize(1).ofMaxSize(16).withSizeDistribution(RandomDistribution.uniform()),
                        Arbitraries.integers().between(0, 2), Arbitraries.of(false, true),
                        Arbitraries.frequency(Tuple.of(3, true), Tuple.of(1, false)), maxDepth, maxNodes,
                        Arbitraries.of(true, false))
                .as(HostileGraphs.Plan::new);
    }

    static Arbitrary<String> cleanTexts() {
        return Arbitraries.strings().withCharRange('a', 'z').withCharRange('0', '9').withChars(" -_.,:;!?()\u00e9\u4e2d")
                .ofMaxLength(10);
    }

    @Provide
    Arbitrary<List<String>> distinctTexts() {
        // no two distinct texts here collide, and none collides with the pair: the pair keeps its
        // invalid characters, and these texts have none
        return cleanTexts().map(t -> "o" + t).list().uniqueElements().ofMaxSize(6);
    }

    /**
     * Two different Strings with the same escaped form. Encode.forHtml is injective on valid text
     * (it escapes '&' itself), so only its replacement of invalid characters by a space can make
     * two Strings collide: "a\u0000b" and "a b", or two different invalid characters.
     */
    @Provide
    Arbitrary<Tuple.Tuple2<String, String>> collidingPairs() {
        Arbitrary<String> invalid = Arbitraries.of(" ", "\u0000", "\u0001", "\u0008", "\u000B", "\u000C", "\u001F",
                "\u007F", "\u0080", "\u009F", "\uD800", "\uDBFF", "\uDC00", "\uDFFF", "\uFDD0", "\uFDEF", "\uFFFE",
                "\uFFFF", "\uD83F\uDFFE", "\uDBFF\uDFFF");
        Arbitrary<String> affix = Arbitraries.strings().withChars("<>&\"'xy").ofMaxLength(3);
        return Combinators.combine(affix, invalid, invalid, affix)
                .filter((prefix, a, b, suffix) -> !a.equals(b))
                .as((prefix, a, b, suffix) -> Tuple.of("p" + prefix + a + suffix, "p" + prefix + b + suffix))
                .filter(pair -> Encode.forHtml(pair.get1()).equals(Encode.forHtml(pair.get2())));
    }

    @Provide
    Arbitrary<Integer> setKinds() {
        return Arbitraries.integers().between(0, 3);
    }

    @Provide
    Arbitrary<Integer> mapKinds() {
        return Arbitraries.integers().between(0, 3);
    }

    @Provide
    Arbitrary<Integer> positions() {
        return Arbitraries.integers().between(0, 6);
    }
}
