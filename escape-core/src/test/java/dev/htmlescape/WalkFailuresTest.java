package dev.htmlescape;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What the graph's own code throws becomes an {@link EscapeException} with the path and that
 * very exception as its cause, with the fast walk on and off; what the walk itself throws is a
 * bug and comes out as it is, and the fast walk does not hide it by handing over to the full walk.
 */
class WalkFailuresTest {

    static final class Holder {
        Object value;

        Holder(Object value) {
            this.value = value;
        }
    }

    /** Hashes by its text, and refuses to hash once that text was escaped. */
    static final class Entity {
        String text;

        Entity(String text) {
            this.text = text;
        }

        @Override
        public int hashCode() {
            if (text.contains("&")) {
                throw new HostileGraphs.Sabotage("no entities in my hash");
            }
            return text.hashCode();
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Entity entity && entity.text.equals(text);
        }
    }

    record Checked(String text) {
        Checked {
            if (text.contains("&")) {
                throw new HostileGraphs.Sabotage("no entities in my record");
            }
        }
    }

    static Stream<Arguments> graphsWhoseOwnCodeFails() {
        return Stream.of(
                failing("a list's get", () -> new Holder(listFailing("get")), "holder.value"),
                failing("a read-only view of a list whose get fails",
                        () -> new Holder(Collections.unmodifiableList(listFailing("get"))), "holder.value"),
                failing("a map's entry set", () -> new Holder(mapFailing()), "holder.value"),
                failing("the hashCode of a set's element, once escaped",
                        () -> new Holder(new HashSet<>(Set.of(new Entity("<e>")))), "holder.value"),
                failing("a comparator, once it sees escaped text",
                        () -> new Holder(sortedRefusingEntities()), "holder.value"),
                failing("a record's canonical constructor", () -> new Holder(new Checked("<r>")), "holder.value"));
    }

    private static Arguments failing(String name, Supplier<Object> graph, String path) {
        return Arguments.of(name, graph, path);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("graphsWhoseOwnCodeFails")
    void whatTheGraphsOwnCodeThrowsIsAnEscapeExceptionWithItsPathAndThatCause(String name, Supplier<Object> graph,
            String path) {
        for (Escaper escaper : List.of(Escaper.builder().build(), Escaper.builder().withoutFastWalk().build())) {
            EscapeException e = assertThrows(EscapeException.class, () -> escaper.escapeGraph(graph.get()), name);

            assertTrue(e.getPath().startsWith(path), name + ": " + e.getPath());
            assertTrue(causes(e).stream().anyMatch(HostileGraphs.Sabotage.class::isInstance),
                    name + ": the graph's own exception is the cause: " + e);
        }
    }

    @ParameterizedTest(name = "fast walk tried: {0}")
    @ValueSource(booleans = {true, false})
    void aFailureOfTheWalkItselfPropagatesAsItIsAndIsNotRetried(boolean fastWalk) {
        NullPointerException bug = new NullPointerException("a bug of the walk");
        AtomicInteger reads = new AtomicInteger();
        SlotReader broken = (node, sink) -> {
            reads.incrementAndGet();
            throw bug;
        };
        Policy policy = new Policy(EscapeContext.HTML, true, false, 10_000, 10_000_000, List.of(), true, fastWalk,
                List.of(), SecretNames.DEFAULT);
        GraphWalker walker = new GraphWalker(policy, new PlansWithReader(policy, Holder.class, broken));

        NullPointerException thrown = assertThrows(NullPointerException.class,
                () -> walker.walk(new Holder("<x>"), EscapeContext.HTML));

        assertSame(bug, thrown, "neither wrapped nor passed off as a refusal");
        assertEquals(1, reads.get(), "read once: the fast walk did not hand the bug over to the full walk");
        assertFalse(walker.isWalking(), "the walker is ready for the next call");
    }

    /** Plans every class as usual, but {@code type} with a reader of the test's. */
    static final class PlansWithReader extends ClassPlans {
        private final Class<?> type;
        private final SlotReader reader;

        PlansWithReader(Policy policy, Class<?> type, SlotReader reader) {
            super(policy);
            this.type = type;
            this.reader = reader;
        }

        @Override
        protected ClassPlan computeValue(Class<?> planned) {
            return planned == type ? new ClassPlan.Bean(planned, new FieldSlot[0], reader) : super.computeValue(planned);
        }
    }

    private static List<Throwable> causes(Throwable e) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
            chain.add(t);
        }
        return chain;
    }

    private static List<Object> listFailing(String method) {
        return new ArrayList<>(List.of("<x>")) {
            @Override
            public Object get(int index) {
                throw new HostileGraphs.Sabotage(method + " refused");
            }

            @Override
            public Object[] toArray() {
                throw new HostileGraphs.Sabotage("toArray refused");
            }
        };
    }

    private static Map<Object, Object> mapFailing() {
        return new HashMap<>(Map.of("<k>", "<v>")) {
            @Override
            public Set<Map.Entry<Object, Object>> entrySet() {
                throw new HostileGraphs.Sabotage("entrySet refused");
            }
        };
    }

    private static Set<Object> sortedRefusingEntities() {
        Function<Object, String> text = o -> {
            String s = (String) o;
            if (s.contains("&")) {
                throw new HostileGraphs.Sabotage("cannot order entities");
            }
            return s;
        };
        Set<Object> set = new TreeSet<>((a, b) -> text.apply(a).compareTo(text.apply(b)));
        set.add("<a>");
        set.add("b");
        return set;
    }
}
