package dev.htmlescape;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The fast walk escapes the graphs it handles, and gives up on the others having changed nothing,
 * so that the full walk starts from the graph as it came.
 */
class FastWalkTest {

    private static final Policy POLICY = new Policy(EscapeContext.HTML, true, false, 10_000, 10_000_000,
            List.of(), true, true, List.of(), SecretNames.DEFAULT);

    static class Bean {
        String text = "<a>";
        Object child;
        List<Object> items = new ArrayList<>();
        Map<Object, Object> map = new HashMap<>();
    }

    static final class FinalText {
        final String text;

        FinalText(String text) {
            this.text = text;
        }
    }

    record Label(String text) {
    }

    record Holder(String label, Object bean) {
    }

    record Raw(@NoEscape Object text) {
    }

    /** Runs the fast walk alone on {@code root} and says whether it escaped the graph. */
    private static boolean fastWalk(Object root) {
        ClassPlans plans = new ClassPlans(POLICY);
        FastWalk walk = new FastWalk(plans, POLICY);
        try {
            return walk.tryEscape(root, plans.get(root.getClass()), EscapeContext.HTML);
        } finally {
            walk.reset();
        }
    }

    static Stream<Arguments> graphsItEscapes() {
        return Stream.of(
                handled("nested beans", bean -> bean.child = beanWithText("<b>"),
                        bean -> ((Bean) bean.child).text.equals("&lt;b&gt;")),
                handled("a list of text and beans", bean -> bean.items.addAll(List.of("<i>", beanWithText("<j>"))),
                        bean -> bean.items.get(0).equals("&lt;i&gt;")
                                && ((Bean) bean.items.get(1)).text.equals("&lt;j&gt;")),
                handled("HashMap values", bean -> bean.map.put("k", "<v>"),
                        bean -> bean.map.get("k").equals("&lt;v&gt;")),
                handled("LinkedHashMap of beans", bean -> bean.child = new LinkedHashMap<>(Map.of("k", beanWithText("<v>"))),
                        bean -> ((Bean) ((Map<?, ?>) bean.child).get("k")).text.equals("&lt;v&gt;")),
                handled("TreeMap values with enum keys", bean -> bean.child = new TreeMap<>(Map.of(Thread.State.NEW, "<t>")),
                        bean -> ((Map<?, ?>) bean.child).get(Thread.State.NEW).equals("&lt;t&gt;")),
                handled("an array", bean -> bean.child = new String[] {"<s>", null},
                        bean -> ((String[]) bean.child)[0].equals("&lt;s&gt;")),
                handled("one bean reached twice", bean -> {
                    Bean shared = beanWithText("<s>");
                    bean.child = shared;
                    bean.items.add(shared);
                }, bean -> ((Bean) bean.child).text.equals("&lt;s&gt;")),
                handled("a clean record holding a bean", bean -> bean.child = new Holder("clean", beanWithText("<h>")),
                        bean -> ((Bean) ((Holder) bean.child).bean()).text.equals("&lt;h&gt;")),
                handled("a clean Optional of a bean", bean -> bean.child = Optional.of(beanWithText("<o>")),
                        bean -> ((Bean) ((Optional<?>) bean.child).get()).text.equals("&lt;o&gt;")),
                handled("a record's @NoEscape component, left", bean -> bean.child = new Raw("<raw>"),
                        bean -> ((Raw) bean.child).text().equals("<raw>")),
                handled("an immutable map of a bean", bean -> bean.child = Map.of("k", beanWithText("<m>")),
                        bean -> ((Bean) ((Map<?, ?>) bean.child).get("k")).text.equals("&lt;m&gt;")),
                handled("an array and a list over it", bean -> {
                    Object[] array = {"<x>"};
                    bean.child = array;
                    bean.items = Arrays.asList(array);
                }, bean -> ((Object[]) bean.child)[0].equals("&lt;x&gt;") && bean.items.get(0).equals("&lt;x&gt;")));
    }

    private static Arguments handled(String name, Consumer<Bean> build, Predicate<Bean> escapedOnce) {
        return Arguments.of(name, build, escapedOnce);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("graphsItEscapes")
    void escapesTheGraphsItHandlesOnce(String name, Consumer<Bean> build, Predicate<Bean> escapedOnce) {
        Bean root = new Bean();
        build.accept(root);

        assertTrue(fastWalk(root), name + ": handled");

        assertEquals("&lt;a&gt;", root.text);
        assertTrue(escapedOnce.test(root), name + ": escaped once");
    }

    static Stream<Arguments> graphsItGivesUpOn() {
        Bean cycle = new Bean();
        cycle.child = cycle;
        Bean deep = new Bean();
        for (int i = 0; i < 70; i++) {
            Bean next = new Bean();
            next.child = deep;
            deep = next;
        }
        Bean beanKey = new Bean();
        beanKey.map.put(beanWithText("<k>"), "v");
        return Stream.of(
                Arguments.of("a record whose text needs escaping", beanHolding(new Label("<r>"))),
                Arguments.of("a set", beanHolding(new HashSet<>(Set.of("<s>")))),
                Arguments.of("an Optional whose text needs escaping", beanHolding(Optional.of("<o>"))),
                Arguments.of("a map key that needs escaping", beanHolding(new HashMap<>(Map.of("<k>", "v")))),
                Arguments.of("a bean as a map key", beanKey),
                Arguments.of("a map whose entries it does not write", beanHolding(new ConcurrentHashMap<>(Map.of("k", "<v>")))),
                Arguments.of("an immutable map whose value needs escaping", beanHolding(Map.of("k", "<v>"))),
                Arguments.of("a WeakHashMap", beanHolding(new WeakHashMap<>(Map.of("k", "v")))),
                Arguments.of("a final field that needs a write", beanHolding(new FinalText("<f>"))),
                Arguments.of("an unmodifiable list that needs a write", beanHolding(List.of("<u>"))),
                Arguments.of("a cycle", cycle),
                Arguments.of("a graph 70 levels deep", deep));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("graphsItGivesUpOn")
    void givesUpHavingChangedNothing(String name, Bean root) {
        assertFalse(fastWalk(root), name + ": given up");

        assertEquals("<a>", root.text, name + ": the root's text, read before, is not written");
    }

    @Test
    void aBeanInAListAndASetIsEscapedOnceAndStillFoundInTheSet() {
        // the fast walk reads the list first, then gives up at the set: had it written the bean's
        // text, the full walk would not know that the set must be refilled
        HashingBean shared = new HashingBean("<h>");
        Set<HashingBean> set = new HashSet<>(Set.of(shared));
        Bean root = new Bean();
        root.items.add(shared);
        root.child = set;

        assertSame(root, Escaper.escape(root));

        assertEquals("&lt;h&gt;", shared.text);
        assertTrue(set.contains(shared), "the set was refilled after its element's text changed");
    }

    @Test
    void aFailureOfTheGraphsOwnCodeWhileReadIsReportedWithItsPathByTheFullWalk() {
        List<Object> failing = new ArrayList<>(List.of("<x>")) {
            @Override
            public Object get(int index) {
                throw new IllegalStateException("get refused");
            }
        };
        Bean root = new Bean();
        root.items.add(beanHolding(Collections.unmodifiableList(failing)));

        EscapeException e = assertThrows(EscapeException.class, () -> Escaper.escape(root));

        assertEquals("bean.items[0].child", e.getPath());
        assertTrue(e.getCause() instanceof IllegalStateException, String.valueOf(e.getCause()));
    }

    static final class HashingBean {
        String text;

        HashingBean(String text) {
            this.text = text;
        }

        @Override
        public int hashCode() {
            return text.hashCode();
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof HashingBean && ((HashingBean) other).text.equals(text);
        }
    }

    private static Bean beanHolding(Object child) {
        Bean bean = new Bean();
        bean.child = child;
        return bean;
    }

    private static Bean beanWithText(String text) {
        Bean bean = new Bean();
        bean.text = text;
        return bean;
    }
}
