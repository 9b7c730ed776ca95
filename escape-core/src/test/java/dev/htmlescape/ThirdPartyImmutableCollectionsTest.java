package dev.htmlescape;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.collect.ImmutableBiMap;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import com.google.common.collect.ImmutableSortedMap;
import com.google.common.collect.ImmutableSortedSet;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Immutable collections of other libraries, Guava's as DTOs hold them, are copied and never
 * refused: the copy is of the original's own type, so it fits a field declared with the JDK
 * interface and one declared with Guava's type alike; order is kept, sorted ones keep their
 * comparator, and a clean one keeps its identity. Any other collection that refuses every write is
 * copied as an unmodifiable JDK one where its holder can take that.
 */
class ThirdPartyImmutableCollectionsTest {

    static final Comparator<String> REVERSE = Comparator.reverseOrder();

    /** Every Guava type in a field declared with the JDK interface. */
    static class DeclaredAsJdkTypes {
        List<String> list;
        Set<String> set;
        SortedSet<String> sortedSet;
        Map<String, String> map;
        SortedMap<String, String> sortedMap;
        Map<String, String> biMap;
    }

    /** Every Guava type in a field declared with Guava's own type. */
    static class DeclaredAsGuavaTypes {
        ImmutableList<String> list;
        ImmutableSet<String> set;
        ImmutableSortedSet<String> sortedSet;
        ImmutableMap<String, String> map;
        ImmutableSortedMap<String, String> sortedMap;
        ImmutableBiMap<String, String> biMap;
    }

    record GuavaRecord(ImmutableList<String> list, ImmutableSortedMap<String, String> sortedMap) {
    }

    /** One row: a Guava type, how to make one of three texts, how to read it back in order. */
    record Row(String type, Class<?> guavaType, Function<List<String>, Object> make,
            Function<Object, List<String>> contents) {
        @Override
        public String toString() {
            return type;
        }
    }

    static final List<String> DIRTY = List.of("<b>", "a&b", "z");
    static final List<String> CLEAN = List.of("b", "a", "z");

    static List<Row> rows() {
        return List.of(
                new Row("ImmutableList", ImmutableList.class, ImmutableList::copyOf, ThirdPartyImmutableCollectionsTest::elements),
                new Row("ImmutableSet", ImmutableSet.class, ImmutableSet::copyOf, ThirdPartyImmutableCollectionsTest::elements),
                new Row("ImmutableSortedSet", ImmutableSortedSet.class,
                        texts -> ImmutableSortedSet.orderedBy(REVERSE).addAll(texts).build(),
                        ThirdPartyImmutableCollectionsTest::elements),
                new Row("ImmutableMap", ImmutableMap.class, texts -> mapOf(texts, ImmutableMap.builder()),
                        ThirdPartyImmutableCollectionsTest::entries),
                new Row("ImmutableSortedMap", ImmutableSortedMap.class,
                        texts -> mapOf(texts, ImmutableSortedMap.orderedBy(REVERSE)),
                        ThirdPartyImmutableCollectionsTest::entries),
                new Row("ImmutableBiMap", ImmutableBiMap.class, texts -> mapOf(texts, ImmutableBiMap.builder()),
                        ThirdPartyImmutableCollectionsTest::entries));
    }

    /** Each text a key, mapped to itself with a "!" appended. */
    private static Object mapOf(List<String> texts, ImmutableMap.Builder<String, String> builder) {
        for (String text : texts) {
            builder.put(text, text + "!");
        }
        return builder.build();
    }

    private static List<String> elements(Object collection) {
        return new ArrayList<>((Collection<String>) collection);
    }

    private static List<String> entries(Object map) {
        List<String> entries = new ArrayList<>();
        ((Map<?, ?>) map).forEach((key, value) -> entries.add(key + "=" + value));
        return entries;
    }

    /** What the row's contents read after escaping {@code texts}, in the order the row keeps. */
    private static List<String> expectedEscaped(Row row, List<String> texts) {
        List<String> escaped = texts.stream().map(EscapeContext.HTML::encode).toList();
        return row.contents().apply(row.make().apply(escaped));
    }

    static Stream<Arguments> rowsAndFields() {
        return rows().stream().map(row -> Arguments.of(row, fieldName(row)));
    }

    private static String fieldName(Row row) {
        String simple = row.type().substring("Immutable".length());
        return Character.toLowerCase(simple.charAt(0)) + simple.substring(1);
    }

    private static void set(Object holder, String field, Object value) throws ReflectiveOperationException {
        holder.getClass().getDeclaredField(field).set(holder, value);
    }

    private static Object get(Object holder, String field) throws ReflectiveOperationException {
        return holder.getClass().getDeclaredField(field).get(holder);
    }

    @ParameterizedTest(name = "{0} declared as the JDK type")
    @MethodSource("rowsAndFields")
    void dirtyCollectionDeclaredAsTheJdkTypeIsCopiedInItsOwnType(Row row, String field) throws Exception {
        DeclaredAsJdkTypes holder = new DeclaredAsJdkTypes();
        Object original = row.make().apply(DIRTY);
        set(holder, field, original);

        Escaper.builder().strict(true).build().escapeGraph(holder);

        Object escaped = get(holder, field);
        assertInstanceOf(row.guavaType(), escaped);
        assertEquals(expectedEscaped(row, DIRTY), row.contents().apply(escaped));
        assertEquals(List.of("<b>", "a&b", "z").size(), row.contents().apply(original).size());
        assertEquals(row.contents().apply(row.make().apply(DIRTY)), row.contents().apply(original),
                "the original is unchanged");
    }

    @ParameterizedTest(name = "{0} declared as its own type")
    @MethodSource("rowsAndFields")
    void dirtyCollectionDeclaredAsItsOwnTypeIsCopiedInThatType(Row row, String field) throws Exception {
        DeclaredAsGuavaTypes holder = new DeclaredAsGuavaTypes();
        set(holder, field, row.make().apply(DIRTY));

        Escaper.builder().strict(true).build().escapeGraph(holder);

        Object escaped = get(holder, field);
        assertInstanceOf(row.guavaType(), escaped);
        assertEquals(expectedEscaped(row, DIRTY), row.contents().apply(escaped));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rowsAndFields")
    void cleanCollectionKeepsItsIdentity(Row row, String field) throws Exception {
        DeclaredAsGuavaTypes guavaTyped = new DeclaredAsGuavaTypes();
        DeclaredAsJdkTypes jdkTyped = new DeclaredAsJdkTypes();
        Object original = row.make().apply(CLEAN);
        set(guavaTyped, field, original);
        set(jdkTyped, field, original);

        Escaper.escape(guavaTyped);
        Escaper.escape(jdkTyped);

        assertSame(original, get(guavaTyped, field));
        assertSame(original, get(jdkTyped, field));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rowsAndFields")
    void dirtyCollectionAsTheRootComesBackAsACopyInItsOwnType(Row row, String field) {
        Object original = row.make().apply(DIRTY);

        Object escaped = Escaper.escape(original);

        assertInstanceOf(row.guavaType(), escaped);
        assertEquals(expectedEscaped(row, DIRTY), row.contents().apply(escaped));
    }

    @Test
    void sortedCopiesKeepTheirComparator() {
        DeclaredAsGuavaTypes holder = new DeclaredAsGuavaTypes();
        holder.sortedSet = ImmutableSortedSet.orderedBy(REVERSE).add("<a>", "b", "c&").build();
        holder.sortedMap = ImmutableSortedMap.<String, String>orderedBy(REVERSE).put("<a>", "1").put("b", "2").build();

        Escaper.escape(holder);

        assertSame(REVERSE, holder.sortedSet.comparator());
        assertSame(REVERSE, holder.sortedMap.comparator());
        assertEquals(List.of("c&amp;", "b", "&lt;a&gt;"), List.copyOf(holder.sortedSet));
        assertEquals(List.of("b", "&lt;a&gt;"), List.copyOf(holder.sortedMap.keySet()));
    }

    @Test
    void recordWithGuavaComponentsIsRebuiltWithCopiesOfTheirTypes() {
        GuavaRecord record = new GuavaRecord(ImmutableList.of("<i>", "ok"),
                ImmutableSortedMap.of("<k>", "<v>"));

        GuavaRecord escaped = Escaper.escape(record);

        assertEquals(ImmutableList.of("&lt;i&gt;", "ok"), escaped.list());
        assertEquals(ImmutableSortedMap.of("&lt;k&gt;", "&lt;v&gt;"), escaped.sortedMap());
    }

    @Test
    void biMapWhoseValuesEscapeAlikeIsAnErrorNamingThePath() {
        DeclaredAsGuavaTypes holder = new DeclaredAsGuavaTypes();
        // U+0001 and a space both escape to a space
        holder.biMap = ImmutableBiMap.of("a", "\u0001", "b", " ");

        EscapeException e = assertThrows(EscapeException.class, () -> Escaper.escape(holder));

        assertEquals("declaredAsGuavaTypes.biMap", e.getPath());
        assertEquals(ImmutableBiMap.of("a", "\u0001", "b", " "), holder.biMap, "left as it was");
    }

    /** A list of the application's that refuses every write, as a read-only view does. */
    static final class ReadOnlyList extends AbstractList<String> {
        private final List<String> texts;

        ReadOnlyList(String... texts) {
            this.texts = List.of(texts);
        }

        @Override
        public String get(int index) {
            return texts.get(index);
        }

        @Override
        public int size() {
            return texts.size();
        }
    }

    static class WithReadOnlyLists {
        List<String> asList = new ReadOnlyList("<b>", "ok");
        ReadOnlyList asItself = new ReadOnlyList("ok");
    }

    @Test
    void otherListThatRefusesWritesIsCopiedWhereItsFieldTakesAJdkList() {
        WithReadOnlyLists holder = new WithReadOnlyLists();

        Escaper.builder().strict(true).build().escapeGraph(holder);

        assertEquals(List.of("&lt;b&gt;", "ok"), holder.asList);
        assertThrows(UnsupportedOperationException.class, () -> holder.asList.add("x"), "the copy is unmodifiable");
    }

    @Test
    void otherListThatRefusesWritesInAFieldOfItsOwnTypeIsAnErrorNamingThePath() {
        WithReadOnlyLists holder = new WithReadOnlyLists();
        holder.asItself = new ReadOnlyList("<b>");

        EscapeException e = assertThrows(EscapeException.class, () -> Escaper.escape(holder));

        assertEquals("withReadOnlyLists.asItself", e.getPath());
        assertTrue(e.getMessage().contains("does not fit the field's type"), e.getMessage());
    }

    // ---- another library's immutable types, declared through the builder ----

    /** An immutable list of a library the core does not know, with its own factory. */
    static final class FrozenList<E> extends AbstractList<E> {
        private final List<E> items;

        private FrozenList(List<E> items) {
            this.items = items;
        }

        static <E> FrozenList<E> copyOf(Collection<? extends E> items) {
            if (items.stream().anyMatch(item -> String.valueOf(item).contains("&amp;amp;"))) {
                throw new IllegalArgumentException("escaped twice");
            }
            return new FrozenList<>(List.copyOf(items));
        }

        @Override
        public E get(int index) {
            return items.get(index);
        }

        @Override
        public int size() {
            return items.size();
        }
    }

    /** An immutable map of such a library. */
    static final class FrozenMap<K, V> extends java.util.AbstractMap<K, V> {
        private final Map<K, V> entries;

        private FrozenMap(Map<K, V> entries) {
            this.entries = entries;
        }

        static <K, V> FrozenMap<K, V> copyOf(Map<? extends K, ? extends V> entries) {
            return new FrozenMap<>(java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(entries)));
        }

        @Override
        public Set<Entry<K, V>> entrySet() {
            return entries.entrySet();
        }
    }

    static class WithFrozenTypes {
        FrozenList<String> tags = FrozenList.copyOf(List.of("<b>", "ok"));
        FrozenMap<String, String> labels = FrozenMap.copyOf(Map.of("<k>", "<v>"));
    }

    private static final Escaper KNOWS_FROZEN_TYPES = Escaper.builder().strict(true)
            .immutableCollection(FrozenList.class, FrozenList::copyOf)
            .immutableMap(FrozenMap.class, FrozenMap::copyOf)
            .build();

    @Test
    void aDeclaredImmutableTypeIsCopiedThroughItsFactoryIntoAFieldOfItsOwnType() {
        WithFrozenTypes holder = new WithFrozenTypes();

        KNOWS_FROZEN_TYPES.escapeGraph(holder);

        assertInstanceOf(FrozenList.class, holder.tags);
        assertEquals(List.of("&lt;b&gt;", "ok"), holder.tags);
        assertInstanceOf(FrozenMap.class, holder.labels);
        assertEquals(Map.of("&lt;k&gt;", "&lt;v&gt;"), holder.labels);
    }

    @Test
    void aCleanDeclaredImmutableTypeKeepsItsIdentity() {
        WithFrozenTypes holder = new WithFrozenTypes();
        holder.tags = FrozenList.copyOf(List.of("ok"));
        FrozenList<String> clean = holder.tags;

        KNOWS_FROZEN_TYPES.escapeGraph(holder);

        assertSame(clean, holder.tags);
    }

    @Test
    void withoutTheDeclarationTheCopyDoesNotFitAndTheErrorNamesThePath() {
        EscapeException e = assertThrows(EscapeException.class, () -> Escaper.escape(new WithFrozenTypes()));

        assertEquals("withFrozenTypes.tags", e.getPath());
        assertTrue(e.getMessage().contains("does not fit the field's type"), e.getMessage());
    }

    @Test
    void whatTheFactoryThrowsIsAnEscapeExceptionWithThePath() {
        WithFrozenTypes holder = new WithFrozenTypes();
        holder.tags = FrozenList.copyOf(List.of("&amp;"));

        EscapeException e = assertThrows(EscapeException.class, () -> KNOWS_FROZEN_TYPES.escapeGraph(holder));

        assertEquals("withFrozenTypes.tags", e.getPath());
        assertTrue(e.getMessage().contains("escaped twice"), e.getMessage());
    }

    @Test
    void theCoverageReportCountsADeclaredImmutableTypeInAFinalFieldAsNotWritable() {
        class FinalFrozen {
            final FrozenList<String> tags = FrozenList.copyOf(List.of("x"));
        }

        Coverage coverage = KNOWS_FROZEN_TYPES.coverageOf(FinalFrozen.class);

        assertEquals(Coverage.Treatment.NOT_WRITABLE, coverage.entries().get(0).treatment(), coverage.toString());
    }

    @Test
    @SuppressWarnings({"rawtypes", "unchecked"})
    void theBuilderRefusesATypeTwiceANonCollectionAndNulls() {
        EscaperBuilder builder = Escaper.builder().immutableCollection(FrozenList.class, FrozenList::copyOf);

        IllegalStateException twice = assertThrows(IllegalStateException.class,
                () -> builder.immutableCollection(FrozenList.class, FrozenList::copyOf));
        IllegalArgumentException notACollection = assertThrows(IllegalArgumentException.class,
                () -> builder.immutableCollection((Class) String.class, items -> null));

        assertTrue(twice.getMessage().contains(FrozenList.class.getName() + " was already set"), twice.getMessage());
        assertTrue(notACollection.getMessage().contains("java.lang.String is not a Collection"));
        assertThrows(NullPointerException.class, () -> builder.immutableMap(null, FrozenMap::copyOf));
        assertThrows(NullPointerException.class, () -> builder.immutableMap(FrozenMap.class, null));
    }
}
