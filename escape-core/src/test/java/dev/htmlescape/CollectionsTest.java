package dev.htmlescape;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.LinkedList;
import java.util.List;
import java.util.NavigableSet;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.Queue;
import java.util.Set;
import java.util.SortedSet;
import java.util.Stack;
import java.util.TreeSet;
import java.util.Vector;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.LinkedTransferQueue;
import java.util.concurrent.PriorityBlockingQueue;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.owasp.encoder.Encode;

/**
 * Contract point 4 for collections: List, Set, Queue/Deque; mutable ones keep their identity,
 * immutable ones are rebuilt (still unmodifiable) and put back into the holder.
 */
class CollectionsTest {

    /** How a container iterates. */
    enum Order {
        /** In the order the elements were given. */
        INSERTION,
        /** By the container's comparator (natural order when it has none). */
        SORTED,
        /** Unspecified (hash sets, heaps): compared as a multiset. */
        ANY
    }

    /** One row of the container table. */
    record Kind(String name, Function<List<String>, Collection<String>> create, boolean keepsIdentity,
            Order order) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Kind mutable(String name, Function<List<String>, Collection<String>> create, Order order) {
        return new Kind(name, create, true, order);
    }

    static Kind immutable(String name, Function<List<String>, Collection<String>> create, Order order) {
        return new Kind(name, create, false, order);
    }

    static Stream<Kind> containers() {
        return Stream.of(
                mutable("ArrayList", ArrayList::new, Order.INSERTION),
                mutable("LinkedList", LinkedList::new, Order.INSERTION),
                mutable("Vector", Vector::new, Order.INSERTION),
                mutable("Stack", in -> {
                    Stack<String> stack = new Stack<>();
                    stack.addAll(in);
                    return stack;
                }, Order.INSERTION),
                mutable("Arrays.asList", in -> Arrays.asList(in.toArray(new String[0])), Order.INSERTION),
                mutable("CopyOnWriteArrayList", CopyOnWriteArrayList::new, Order.INSERTION),
                mutable("synchronizedList", in -> Collections.synchronizedList(new ArrayList<>(in)),
                        Order.INSERTION),
                mutable("synchronizedCollection", in -> Collections.synchronizedCollection(new ArrayList<>(in)),
                        Order.INSERTION),
                mutable("ArrayDeque", ArrayDeque::new, Order.INSERTION),
                mutable("ConcurrentLinkedQueue", ConcurrentLinkedQueue::new, Order.INSERTION),
                mutable("ConcurrentLinkedDeque", ConcurrentLinkedDeque::new, Order.INSERTION),
                mutable("LinkedBlockingQueue", LinkedBlockingQueue::new, Order.INSERTION),
                mutable("LinkedBlockingDeque", LinkedBlockingDeque::new, Order.INSERTION),
                mutable("ArrayBlockingQueue", in -> new ArrayBlockingQueue<>(16, false, in), Order.INSERTION),
                mutable("LinkedTransferQueue", LinkedTransferQueue::new, Order.INSERTION),
                mutable("PriorityQueue", PriorityQueue::new, Order.ANY),
                mutable("PriorityBlockingQueue", PriorityBlockingQueue::new, Order.ANY),
                mutable("HashSet", HashSet::new, Order.ANY),
                mutable("LinkedHashSet", LinkedHashSet::new, Order.INSERTION),
                mutable("TreeSet", TreeSet::new, Order.SORTED),
                mutable("TreeSet(reverseOrder)", in -> sorted(new TreeSet<>(Comparator.reverseOrder()), in),
                        Order.SORTED),
                mutable("TreeSet(CASE_INSENSITIVE_ORDER)",
                        in -> sorted(new TreeSet<>(String.CASE_INSENSITIVE_ORDER), in), Order.SORTED),
                mutable("ConcurrentSkipListSet", ConcurrentSkipListSet::new, Order.SORTED),
                mutable("CopyOnWriteArraySet", CopyOnWriteArraySet::new, Order.INSERTION),
                mutable("synchronizedSet", in -> Collections.synchronizedSet(new LinkedHashSet<>(in)),
                        Order.INSERTION),
                mutable("synchronizedSortedSet", in -> Collections.synchronizedSortedSet(new TreeSet<>(in)),
                        Order.SORTED),
                mutable("newSetFromMap", in -> {
                    Set<String> set = Collections.newSetFromMap(new ConcurrentHashMap<>());
                    set.addAll(in);
                    return set;
                }, Order.ANY),
                // the idiomatic concurrent set; a mutable JDK container like the concurrent queues
                mutable("ConcurrentHashMap.newKeySet", in -> {
                    Set<String> set = ConcurrentHashMap.newKeySet();
                    set.addAll(in);
                    return set;
                }, Order.ANY),
                immutable("List.of", List::copyOf, Order.INSERTION),
                immutable("List.of(e1..e4)", in -> List.of(in.get(0), in.get(1), in.get(2), in.get(3)),
                        Order.INSERTION),
                immutable("Set.of", Set::copyOf, Order.ANY),
                immutable("unmodifiableList", in -> Collections.unmodifiableList(new ArrayList<>(in)),
                        Order.INSERTION),
                immutable("unmodifiableList(LinkedList)",
                        in -> Collections.unmodifiableList(new LinkedList<>(in)), Order.INSERTION),
                immutable("unmodifiableSet", in -> Collections.unmodifiableSet(new LinkedHashSet<>(in)),
                        Order.INSERTION),
                immutable("unmodifiableSortedSet(reverseOrder)",
                        in -> Collections.unmodifiableSortedSet(sorted(new TreeSet<>(Comparator.reverseOrder()), in)),
                        Order.SORTED),
                immutable("unmodifiableNavigableSet",
                        in -> Collections.unmodifiableNavigableSet(new TreeSet<>(in)), Order.SORTED),
                immutable("unmodifiableCollection", in -> Collections.unmodifiableCollection(new ArrayDeque<>(in)),
                        Order.INSERTION),
                immutable("stream().toList()", in -> in.stream().toList(), Order.INSERTION),
                immutable("Collectors.toUnmodifiableList", in -> in.stream().collect(Collectors.toUnmodifiableList()),
                        Order.INSERTION),
                immutable("Collectors.toUnmodifiableSet", in -> in.stream().collect(Collectors.toUnmodifiableSet()),
                        Order.ANY));
    }

    private static TreeSet<String> sorted(TreeSet<String> set, List<String> in) {
        set.addAll(in);
        return set;
    }

    static class Holder {
        Collection<String> values;

        Holder(Collection<String> values) {
            this.values = values;
        }
    }

    static final class Item {
        String name;

        Item(String name) {
            this.name = name;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Item && Objects.equals(name, ((Item) other).name);
        }

        @Override
        public int hashCode() {
            return Objects.hashCode(name);
        }

        @Override
        public String toString() {
            return "Item(" + name + ")";
        }
    }

    static class Typed {
        List<String> list;
        Set<String> set;
        SortedSet<String> sortedSet;
        NavigableSet<String> navigableSet;
        Collection<String> collection;
        Queue<String> queue;
        Deque<String> deque;
    }

    static class Nested {
        List<List<String>> lists;
        List<Set<String>> sets;
        Set<List<String>> setOfLists;
        List<Item> items;
        Set<Item> itemSet;
        Collection<Object> anything;
    }

    private static final List<String> INPUT = List.of("<b>", "O'Brien", "plain", "Tom & Jerry");

    private static List<String> encoded(List<String> in) {
        return in.stream().map(Encode::forHtml).collect(Collectors.toList());
    }

    private static List<String> sortedLike(Collection<String> container, List<String> expected) {
        List<String> sorted = new ArrayList<>(expected);
        Comparator<? super String> comparator = container instanceof SortedSet
                ? ((SortedSet<String>) container).comparator() : null;
        sorted.sort(comparator);
        return sorted;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("containers")
    void escapesElementsAndKeepsOrReplacesContainer(Kind kind) {
        String plain = new String("plain");
        List<String> input = new ArrayList<>(INPUT);
        input.set(2, plain);
        Collection<String> original = kind.create().apply(input);
        Comparator<?> comparator = original instanceof SortedSet ? ((SortedSet<?>) original).comparator() : null;
        Holder holder = new Holder(original);
        List<String> expected = encoded(INPUT);

        Escaper.escape(holder);

        Collection<String> escaped = holder.values;
        if (kind.keepsIdentity()) {
            assertSame(original, escaped, "a mutable container is changed in place");
        } else {
            assertNotSame(original, escaped, "an immutable container is rebuilt and put back");
            assertThrows(UnsupportedOperationException.class, () -> escaped.add("more"),
                    "the rebuilt container is still unmodifiable");
            assertThrows(UnsupportedOperationException.class, () -> escaped.clear(),
                    "the rebuilt container is still unmodifiable");
            assertEquals(original instanceof List, escaped instanceof List, "List stays a List");
            assertEquals(original instanceof Set, escaped instanceof Set, "Set stays a Set");
            assertEquals(original instanceof SortedSet, escaped instanceof SortedSet, "SortedSet stays sorted");
        }
        switch (kind.order()) {
            case INSERTION:
                assertEquals(expected, new ArrayList<>(escaped));
                break;
            case SORTED:
                assertSame(comparator, ((SortedSet<?>) escaped).comparator(), "the comparator is kept");
                assertEquals(sortedLike(escaped, expected), new ArrayList<>(escaped));
                break;
            default:
                List<String> actual = new ArrayList<>(escaped);
                Collections.sort(actual);
                List<String> sortedExpected = new ArrayList<>(expected);
                Collections.sort(sortedExpected);
                assertEquals(sortedExpected, actual);
                break;
        }
        assertTrue(escaped.stream().anyMatch(e -> e == plain), "the clean element is the same instance");
        for (String e : expected) {
            assertTrue(escaped.contains(e), () -> "contains(" + e + ")");
        }
        assertFalse(escaped.contains("<b>"), "the raw element is gone");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("containers")
    void keepsContainerWithNothingToEscape(Kind kind) {
        Collection<String> original = kind.create().apply(List.of("alpha", "beta", "gamma", "delta"));
        List<String> before = new ArrayList<>(original);
        Holder holder = new Holder(original);

        Escaper.escape(holder);

        assertSame(original, holder.values, "nothing changed, so nothing is rebuilt or written");
        List<String> after = new ArrayList<>(holder.values);
        assertEquals(before, after);
        for (int i = 0; i < before.size(); i++) {
            assertSame(before.get(i), after.get(i));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("containers")
    void escapesContainerAsRoot(Kind kind) {
        Collection<String> original = kind.create().apply(new ArrayList<>(INPUT));

        Collection<String> result = Escaper.escape(original);

        if (kind.keepsIdentity()) {
            assertSame(original, result);
        } else {
            assertNotSame(original, result);
            assertTrue(original.contains("<b>"), "the immutable original is not changed");
        }
        List<String> actual = new ArrayList<>(result);
        Collections.sort(actual);
        List<String> expected = encoded(INPUT);
        Collections.sort(expected);
        assertEquals(expected, actual);
    }

    @Test
    void keepsEmptyContainersAndRebuildsSingletonAndCopiesContainers() {
        List<String> empty = Collections.emptyList();
        Set<String> emptySet = Collections.emptySet();
        Typed typed = new Typed();
        typed.list = empty;
        typed.set = emptySet;
        typed.collection = Collections.nCopies(2, "<n>");
        Typed singletons = new Typed();
        singletons.list = Collections.singletonList("<s>");
        singletons.set = Collections.singleton("<t>");

        Escaper.escape(typed);
        Escaper.escape(singletons);

        assertSame(empty, typed.list);
        assertSame(emptySet, typed.set);
        assertEquals(List.of("&lt;n&gt;", "&lt;n&gt;"), new ArrayList<>(typed.collection));
        assertEquals(List.of("&lt;s&gt;"), singletons.list);
        assertEquals(Set.of("&lt;t&gt;"), singletons.set);
        assertThrows(UnsupportedOperationException.class, () -> singletons.list.add("x"));
        assertThrows(UnsupportedOperationException.class, () -> singletons.set.add("x"));
    }

    @Test
    void rebuiltContainerFitsDeclaredFieldType() {
        Typed typed = new Typed();
        typed.list = List.of("<l>");
        typed.set = Set.of("<s>");
        TreeSet<String> reverse = new TreeSet<>(Comparator.reverseOrder());
        reverse.addAll(List.of("a<", "b<", "c<"));
        typed.sortedSet = Collections.unmodifiableSortedSet(reverse);
        typed.navigableSet = Collections.unmodifiableNavigableSet(new TreeSet<>(List.of("<n>")));
        typed.collection = Collections.unmodifiableCollection(new ArrayList<>(List.of("<c>")));

        Escaper.escape(typed);

        assertEquals(List.of("&lt;l&gt;"), typed.list);
        assertEquals(Set.of("&lt;s&gt;"), typed.set);
        assertEquals(List.of("c&lt;", "b&lt;", "a&lt;"), new ArrayList<>(typed.sortedSet));
        assertEquals(Comparator.reverseOrder(), typed.sortedSet.comparator());
        assertEquals(List.of("&lt;n&gt;"), new ArrayList<>(typed.navigableSet));
        assertEquals(List.of("&lt;c&gt;"), new ArrayList<>(typed.collection));
        assertThrows(UnsupportedOperationException.class, () -> typed.sortedSet.add("z"));
        assertThrows(UnsupportedOperationException.class, () -> typed.navigableSet.add("z"));
    }

    @Test
    void escapesQueueAndDequeInPlaceKeepingOrder() {
        Typed typed = new Typed();
        Queue<String> queue = new LinkedList<>(List.of("<1>", "2", "<3>"));
        Deque<String> deque = new ArrayDeque<>(List.of("<first>", "middle", "<last>"));
        typed.queue = queue;
        typed.deque = deque;

        Escaper.escape(typed);

        assertSame(queue, typed.queue);
        assertSame(deque, typed.deque);
        assertEquals("&lt;1&gt;", queue.poll());
        assertEquals("2", queue.poll());
        assertEquals("&lt;3&gt;", queue.poll());
        assertEquals("&lt;first&gt;", deque.peekFirst());
        assertEquals("&lt;last&gt;", deque.peekLast());
        assertEquals(List.of("&lt;first&gt;", "middle", "&lt;last&gt;"), new ArrayList<>(deque));
    }

    @Test
    void keepsPriorityQueueHeapValidWithItsComparator() {
        // '&' sorts before 'a' but "&#39;" sorts before "&amp;": escaping reorders these elements
        Comparator<String> reverse = Comparator.reverseOrder();
        PriorityQueue<String> queue = new PriorityQueue<>(reverse);
        queue.addAll(List.of("&z", "'a", "b"));
        Typed typed = new Typed();
        typed.queue = queue;

        Escaper.escape(typed);

        assertSame(queue, typed.queue);
        assertSame(reverse, queue.comparator());
        assertEquals("b", queue.poll());
        assertEquals("&amp;z", queue.poll());
        assertEquals("&#39;a", queue.poll());
    }

    @Test
    void resortsTreeSetWhoseOrderChangesByEscaping() {
        // before: "&z" < "'a"; after: "&#39;a" < "&amp;z"
        TreeSet<String> set = new TreeSet<>(List.of("&z", "'a"));
        Holder holder = new Holder(set);

        Escaper.escape(holder);

        assertSame(set, holder.values);
        assertEquals(List.of("&#39;a", "&amp;z"), new ArrayList<>(set));
        assertTrue(set.contains("&#39;a"));
        assertTrue(set.contains("&amp;z"));
        assertEquals("&#39;a", set.first());
    }

    @Test
    void findsCaseInsensitiveTreeSetElementsAfterEscaping() {
        TreeSet<String> set = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        set.addAll(List.of("<B>", "a"));
        Holder holder = new Holder(set);

        Escaper.escape(holder);

        assertSame(String.CASE_INSENSITIVE_ORDER, set.comparator());
        assertTrue(set.contains("&LT;b&gt;"), "the case-insensitive comparator is still in use");
        assertEquals(List.of("&lt;B&gt;", "a"), new ArrayList<>(set));
    }

    @Test
    void findsHashSetElementsByEscapedValue() {
        Set<String> set = new HashSet<>(List.of("<a>", "b", "c&d"));
        Holder holder = new Holder(set);

        Escaper.escape(holder);

        assertSame(set, holder.values);
        assertEquals(3, set.size());
        assertTrue(set.contains("&lt;a&gt;"));
        assertTrue(set.contains("b"));
        assertTrue(set.contains("c&amp;d"));
        assertFalse(set.contains("<a>"));
        assertTrue(set.remove("&lt;a&gt;"), "the element is stored under its new hash");
    }

    @Test
    void findsObjectEscapedInPlaceInsideHashSet() {
        Item dirty = new Item("<i>");
        Item clean = new Item("clean");
        Set<Item> set = new HashSet<>(List.of(dirty, clean));
        Nested nested = new Nested();
        nested.itemSet = set;

        Escaper.escape(nested);

        assertSame(set, nested.itemSet);
        assertEquals("&lt;i&gt;", dirty.name);
        assertTrue(set.contains(dirty), "the mutated element is rehashed");
        assertTrue(set.contains(new Item("&lt;i&gt;")));
        assertTrue(set.contains(clean));
        assertFalse(set.contains(new Item("<i>")));
        assertTrue(set.stream().anyMatch(e -> e == dirty), "the element instance is kept");
    }

    @Test
    void findsObjectEscapedInPlaceInsideImmutableSet() {
        Item dirty = new Item("<i>");
        Set<Item> set = Set.of(dirty, new Item("x"));
        Nested nested = new Nested();
        nested.itemSet = set;

        Escaper.escape(nested);

        assertTrue(nested.itemSet.contains(new Item("&lt;i&gt;")));
        assertTrue(nested.itemSet.contains(dirty));
        assertEquals(2, nested.itemSet.size());
        assertThrows(UnsupportedOperationException.class, () -> nested.itemSet.add(new Item("y")));
    }

    @Test
    void resortsTreeSetOfObjectsEscapedInPlace() {
        Item z = new Item("&z");
        Item a = new Item("'a");
        Comparator<Item> byName = Comparator.comparing(item -> item.name);
        TreeSet<Item> set = new TreeSet<>(byName);
        set.addAll(List.of(z, a));
        Nested nested = new Nested();
        nested.itemSet = set;

        Escaper.escape(nested);

        assertSame(set, nested.itemSet);
        assertSame(byName, set.comparator());
        assertSame(a, set.first(), "&#39;a now sorts before &amp;z");
        assertSame(z, set.last());
        assertTrue(set.contains(new Item("&amp;z")));
    }

    @Test
    void escapesNestedContainers() {
        List<String> innerMutable = new ArrayList<>(List.of("<m>"));
        List<List<String>> lists = new ArrayList<>(List.of(innerMutable, List.of("<i>")));
        List<Set<String>> sets = List.of(new HashSet<>(Set.of("<h>")), Set.of("<s>"));
        List<String> element = new ArrayList<>(List.of("<e>"));
        Set<List<String>> setOfLists = new HashSet<>();
        setOfLists.add(element);
        Nested nested = new Nested();
        nested.lists = lists;
        nested.sets = sets;
        nested.setOfLists = setOfLists;

        Escaper.escape(nested);

        assertSame(lists, nested.lists);
        assertSame(innerMutable, lists.get(0));
        assertEquals(List.of(List.of("&lt;m&gt;"), List.of("&lt;i&gt;")), lists);
        assertThrows(UnsupportedOperationException.class, () -> lists.get(1).add("x"));
        assertNotSame(sets, nested.sets, "List.of holding a rebuilt Set.of is rebuilt too");
        assertEquals(List.of(Set.of("&lt;h&gt;"), Set.of("&lt;s&gt;")), nested.sets);
        assertSame(setOfLists, nested.setOfLists);
        assertTrue(setOfLists.contains(List.of("&lt;e&gt;")), "a set of mutable lists is rehashed");
        assertTrue(setOfLists.contains(element));
    }

    @Test
    void escapesMixedElementsOfRawCollection() {
        Item item = new Item("<i>");
        Integer number = 3;
        Collection<Object> anything = new ArrayList<>(Arrays.asList("<s>", number, item, null,
                new String[] {"<a>"}, List.of("<l>")));
        Nested nested = new Nested();
        nested.anything = anything;

        Escaper.escape(nested);

        List<Object> list = (List<Object>) anything;
        assertEquals("&lt;s&gt;", list.get(0));
        assertSame(number, list.get(1));
        assertSame(item, list.get(2));
        assertEquals("&lt;i&gt;", item.name);
        assertEquals(null, list.get(3));
        assertEquals("&lt;a&gt;", ((String[]) list.get(4))[0]);
        assertEquals(List.of("&lt;l&gt;"), list.get(5));
    }

    @Test
    void escapesListOfObjectsInPlace() {
        Item first = new Item("<1>");
        Item second = new Item("2");
        List<Item> items = List.of(first, second);
        Nested nested = new Nested();
        nested.items = items;

        Escaper.escape(nested);

        assertSame(items, nested.items, "elements were escaped in place, nothing to rebuild");
        assertEquals("&lt;1&gt;", first.name);
        assertEquals("2", second.name);
    }

    @Test
    void keepsLessThanAndItsEntityAsTwoElements() {
        // escaping is not idempotent: "&lt;" becomes "&amp;lt;", so these two stay distinct
        Set<String> set = new HashSet<>(List.of("<", "&lt;"));
        Holder holder = new Holder(set);

        Escaper.escape(holder);

        assertEquals(Set.of("&lt;", "&amp;lt;"), set);
    }

    static class CollisionHolder {
        Set<String> tags;
        Set<Item> items;
    }

    @Test
    void reportsCollidingHashSetElementsAndLosesNothing() {
        // OWASP replaces a control character by a space, so "x\u0001" becomes "x "
        Set<String> tags = new HashSet<>(List.of("x\u0001", "x "));
        Set<String> before = new HashSet<>(tags);
        CollisionHolder holder = new CollisionHolder();
        holder.tags = tags;

        EscapeException e = assertThrows(EscapeException.class, () -> Escaper.escape(holder));

        assertTrue(e.getPath().startsWith("collisionHolder.tags["), e.getPath());
        assertTrue(e.getMessage().startsWith(e.getPath() + ": "), e.getMessage());
        assertTrue(e.getMessage().contains("equal"), e.getMessage());
        assertSame(tags, holder.tags);
        assertEquals(before, tags, "the set still holds both original elements");
    }

    @Test
    void reportsCollidingTreeSetElementsAndLosesNothing() {
        Comparator<String> byLength = Comparator.comparingInt(String::length);
        TreeSet<String> tags = new TreeSet<>(byLength);
        tags.addAll(List.of("<", "abcd")); // "<" becomes "&lt;", as long as "abcd"
        CollisionHolder holder = new CollisionHolder();
        holder.tags = tags;

        EscapeException e = assertThrows(EscapeException.class, () -> Escaper.escape(holder));

        assertEquals("collisionHolder.tags[1]", e.getPath());
        assertEquals(List.of("<", "abcd"), new ArrayList<>(tags));
        assertSame(byLength, tags.comparator());
    }

    @Test
    void reportsCollidingImmutableSetAndKeepsTheOriginal() {
        Set<String> tags = Set.of("y\u0002", "y ");
        CollisionHolder holder = new CollisionHolder();
        holder.tags = tags;

        EscapeException e = assertThrows(EscapeException.class, () -> Escaper.escape(holder));

        assertTrue(e.getPath().startsWith("collisionHolder.tags["), e.getPath());
        assertSame(tags, holder.tags);
        assertEquals(Set.of("y\u0002", "y "), holder.tags);
    }

    @Test
    void reportsObjectsThatBecomeEqualInsideHashSet() {
        Item control = new Item("z\u0001");
        Item space = new Item("z ");
        Set<Item> items = new HashSet<>(List.of(control, space));
        CollisionHolder holder = new CollisionHolder();
        holder.items = items;

        EscapeException e = assertThrows(EscapeException.class, () -> Escaper.escape(holder));

        assertTrue(e.getPath().startsWith("collisionHolder.items["), e.getPath());
        assertEquals(2, items.size(), "the set is not cleared");
        assertTrue(items.stream().anyMatch(i -> i == control));
        assertTrue(items.stream().anyMatch(i -> i == space));
    }

    @Test
    void rebuildsStreamToListInHolderAsUnmodifiableList() {
        Typed typed = new Typed();
        typed.list = Stream.of("<a>", "b").toList();

        Escaper.escape(typed);

        assertEquals(List.of("&lt;a&gt;", "b"), typed.list);
        assertInstanceOf(List.class, typed.list);
        assertThrows(UnsupportedOperationException.class, () -> typed.list.set(0, "x"));
    }
}
