package dev.htmlescape;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.htmlescape.GraphFixtures.Blueprint;
import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.EnumMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.function.Supplier;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * The fast walk is a shortcut and nothing more: every graph escaped with it tried first comes out
 * as the full walk alone leaves it, or fails with the same exception, message and path. Each try
 * builds its graph twice from the same plan and escapes one copy each way, with compiled or
 * interpreted readers as the try drew. Where the two copies iterate a set or map differently (they
 * hash by identity differently), the full walk itself may take another turn in each; then both
 * must escape, or both refuse, and hold the same text, each String escaped once.
 *
 * <p>The two results are compared through {@link #described}: every String, value, container
 * size and class, in the graph's order where its containers keep one and sorted where they do
 * not (the two copies hash by identity differently), unfolded eight levels below the root so that
 * shared and cyclic parts are compared wherever they are reached.
 */
class FastWalkAgreesWithTheFullWalkProperties {

    /** How far below the root the description unfolds; a node reached on many paths is described on each. */
    private static final int DEPTH = 8;

    @Property(tries = 1000)
    void aGeneratedGraphComesOutOfBothWalksAlike(@ForAll("graphs") Blueprint blueprint,
            @ForAll boolean compiledReaders) {
        EscaperBuilder fast = Escaper.builder();
        EscaperBuilder full = Escaper.builder().withoutFastWalk();
        if (!compiledReaders) {
            fast.withoutCompiledReaders();
            full.withoutCompiledReaders();
        }

        compare(() -> GraphFixtures.build(blueprint), fast.build(), full.build(), false);
    }

    @Property(tries = 1000)
    void aHostileGraphComesOutOfBothWalksAlikeOrFailsAlike(@ForAll("hostilePlans") HostileGraphs.Plan plan) {
        compare(() -> HostileGraphs.build(plan), plan.escaper(true), plan.escaper(false), true);
        // both outcomes stay frequent, so the two walks are compared on refusals too, and mostly exactly
        Statistics.label("outcome").coverage(c -> {
            c.check("escaped").percentage(p -> p >= 10);
            c.check("EscapeException").percentage(p -> p >= 10);
        });
        Statistics.label("copies iterate alike").coverage(c -> c.check(true).percentage(p -> p >= 50));
    }

    private static void compare(Supplier<Object> build, Escaper fast, Escaper full, boolean armed) {
        boolean escapesMapKeys = full.escapesMapKeys();
        Object viaFast = build.get();
        Object viaFull = build.get();
        assertEquals(described(viaFast), described(viaFull), "the plan builds the same graph twice");
        // the copies hash by identity differently, so their sets and maps may iterate differently
        boolean sameOrder = new Describer(false).describe(viaFast, DEPTH).equals(new Describer(false).describe(viaFull, DEPTH));

        Outcome fastOutcome = Outcome.of(viaFast, fast, armed);
        Outcome fullOutcome = Outcome.of(viaFull, full, armed);

        Statistics.label("outcome").collect(fullOutcome.failure == null ? "escaped" : "EscapeException");
        Statistics.label("copies iterate alike").collect(sameOrder);
        assertEquals(fullOutcome.failure == null, fastOutcome.failure == null, "both escape, or both refuse");
        if (!sameOrder) {
            // each walk then meets a set's elements in another order: the first of two problems, or
            // a view reached before or after what it views (kept, or copied), may differ; what text
            // each holds where may not
            if (fullOutcome.failure == null) {
                assertEquals(ReachableText.found(fullOutcome.result, escapesMapKeys),
                        ReachableText.found(fastOutcome.result, escapesMapKeys), "the same text, each once");
            }
            return;
        }
        assertEquals(fullOutcome.failure, fastOutcome.failure, "the same exception, message and path");
        if (fullOutcome.failure == null) {
            assertEquals(described(fullOutcome.result), described(fastOutcome.result), "the same result");
            assertEquals(described(viaFull), described(viaFast), "the same input graph afterwards, written in place");
        }
    }

    /**
     * What one walk made of a graph: its result, or what it threw, as path, message and the class of
     * the cause. The graph a refusal leaves partly escaped is not compared: where two copies iterate
     * a set differently, each walk stops at a different element.
     */
    private record Outcome(Object result, String failure) {

        static Outcome of(Object root, Escaper escaper, boolean armed) {
            try {
                Object result = armed ? GeneratedGraphProperties.escapeArmed(escaper, root) : escaper.escapeGraph(root);
                return new Outcome(result, null);
            } catch (EscapeException e) {
                String cause = e.getCause() == null ? "" : " caused by " + e.getCause().getClass().getName();
                String failure = e.getPath() + " | " + e.getMessage() + cause;
                return new Outcome(null, failure);
            }
        }
    }

    /** A description of the graph of {@code root} that two walks agree on exactly when they agree. */
    static String described(Object root) {
        return new Describer(true).describe(root, DEPTH);
    }

    /**
     * Describes a node by its class and its slots, each slot by a digest of its own description one
     * level down: the unfolding of a shared or cyclic graph then costs its nodes times the depth, not
     * its paths. Each node's description at each depth is made once.
     */
    private static final class Describer {

        private final Map<Object, String[]> made = new IdentityHashMap<>();
        /** Whether containers without an order of their own are described sorted, or as they iterate. */
        private final boolean sortUnordered;

        Describer(boolean sortUnordered) {
            this.sortUnordered = sortUnordered;
        }

        String describe(Object value, int depth) {
            if (value == null) {
                return "null";
            }
            if (value instanceof String text) {
                return '"' + text + '"';
            }
            if (depth == 0) {
                return value.getClass().getName();
            }
            String[] byDepth = made.computeIfAbsent(value, node -> new String[DEPTH + 1]);
            if (byDepth[depth] == null) {
                byDepth[depth] = describeNode(value, depth);
            }
            return byDepth[depth];
        }

        private String slot(Object value, int depth) {
            String description = describe(value, depth - 1);
            if (description.length() <= 80) {
                return description;
            }
            long hash = 0xcbf29ce484222325L;
            for (int i = 0; i < description.length(); i++) {
                hash = (hash ^ description.charAt(i)) * 0x100000001b3L;
            }
            return "#" + Long.toHexString(hash);
        }

        private String describeNode(Object value, int depth) {
            Class<?> type = value.getClass();
            StringBuilder out = new StringBuilder(type.getName());
            if (value instanceof Optional<?> optional) {
                out.append('(').append(slot(optional.orElse(null), depth)).append(')');
            } else if (type.isArray()) {
                List<String> elements = new ArrayList<>();
                for (int i = 0; i < Array.getLength(value); i++) {
                    elements.add(slot(Array.get(value, i), depth));
                }
                out.append(elements);
            } else if (value instanceof Map<?, ?> map) {
                List<String> entries = new ArrayList<>();
                map.forEach((k, v) -> entries.add(slot(k, depth) + "=" + slot(v, depth)));
                out.append(inOrder(value) || !sortUnordered ? entries : sorted(entries));
                describeFields(value, depth, out);
            } else if (value instanceof Collection<?> collection) {
                List<String> elements = new ArrayList<>();
                collection.forEach(element -> elements.add(slot(element, depth)));
                out.append(inOrder(value) || !sortUnordered ? elements : sorted(elements));
                describeFields(value, depth, out);
            } else if (type.isRecord()) {
                out.append('(');
                for (RecordComponent component : type.getRecordComponents()) {
                    out.append(component.getName()).append(':').append(slot(read(component, value), depth)).append(' ');
                }
                out.append(')');
            } else if (type.getPackageName().equals(Describer.class.getPackageName())) {
                describeFields(value, depth, out);
            } else {
                out.append('(').append(value).append(')'); // a JDK value or an enum
            }
            return out.toString();
        }

        /** The fields of a test class, or of a test's own container class, beside its contents. */
        private void describeFields(Object value, int depth, StringBuilder out) {
            out.append('{');
            for (Class<?> c = value.getClass(); c != null && !c.getName().startsWith("java."); c = c.getSuperclass()) {
                for (Field field : c.getDeclaredFields()) {
                    if (!Modifier.isStatic(field.getModifiers()) && !field.isSynthetic()) {
                        out.append(field.getName()).append(':').append(slot(read(field, value), depth)).append(' ');
                    }
                }
            }
            out.append('}');
        }
    }

    /** Whether the container keeps an order of its own, the same in both copies of the graph. */
    private static boolean inOrder(Object container) {
        return container instanceof List || container instanceof Deque || container instanceof SortedSet
                || container instanceof SortedMap || container instanceof LinkedHashSet
                || container instanceof LinkedHashMap || container instanceof EnumMap;
    }

    private static List<String> sorted(List<String> descriptions) {
        List<String> sorted = new ArrayList<>(descriptions);
        sorted.sort(null);
        return sorted;
    }

    private static Object read(Field field, Object holder) {
        try {
            field.setAccessible(true);
            return field.get(holder);
        } catch (IllegalAccessException e) {
            throw new AssertionError(e);
        }
    }

    private static Object read(RecordComponent component, Object record) {
        try {
            Field field = record.getClass().getDeclaredField(component.getName());
            return read(field, record);
        } catch (NoSuchFieldException e) {
            throw new AssertionError(e);
        }
    }

    @Provide
    Arbitrary<Blueprint> graphs() {
        return GeneratedGraphProperties.blueprints(GeneratedGraphProperties.texts());
    }

    @Provide
    Arbitrary<HostileGraphs.Plan> hostilePlans() {
        return GeneratedGraphProperties.hostile();
    }
}
