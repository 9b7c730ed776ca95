package dev.htmlescape.testing.jackson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.htmlescape.EscapeException;
import dev.htmlescape.Escaper;
import java.lang.reflect.Type;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;
import org.owasp.encoder.Encode;

/**
 * The module and the core agree: a generated JSON document read with the module gives what the
 * same document read by a plain mapper and then passed to {@link Escaper#escape} gives, compared
 * as JSON trees (in their order) so that beans need no {@code equals}. When two keys of one JSON
 * object become equal once escaped, both ways fail: the module with the line's {@code
 * DatabindException}, the core with an {@link EscapeException}.
 *
 * <p>The documents are object graphs of a bean, a record and an untyped holder, written by a
 * plain mapper; their text mixes clean words, markup, controls, surrogates and XSS fragments. Where
 * the two ways differ by design (a {@code final} field, a {@code JsonNode}, ...) is pinned down by
 * {@link DifferenceCases}, and such shapes are not generated here.
 *
 * <p>Each Jackson line runs these properties through a subclass that names its {@link JsonBinding}.
 */
public abstract class ModuleAgreesWithCore {

    /** The Jackson line under test. */
    protected abstract JsonBinding binding();

    /** A mutable bean: Strings, containers of Strings, a nested bean of its own kind. */
    public static class Profile {
        public String name;
        private String bio;
        public List<String> tags;
        public Map<String, String> labels;
        public Profile partner;
        public Optional<String> nickname;
        public String[] aliases;

        public String getBio() {
            return bio;
        }

        public void setBio(String bio) {
            this.bio = bio;
        }
    }

    public record Address(String street, String city, Optional<String> note) {
    }

    public record Line(String sku, List<String> notes, Address shipTo) {
    }

    /** Records in records, a list of records, a map of lists. */
    public record Shipment(String id, Address from, List<Line> lines, Map<String, List<String>> attributes) {
    }

    /** Untyped values: whatever JSON brings, read as maps, lists, Strings, numbers and booleans. */
    public static class Document {
        public Object body;
        public Map<String, Object> meta;
        public List<Object> items;
    }

    // ---- the properties ----

    @Property(tries = 1000)
    void aBeanReadWithTheModuleIsTheBeanReadPlainThenEscaped(@ForAll("profiles") Profile profile) throws Exception {
        assertBothWaysAgree(profile, Profile.class);

        checkCoverage();
    }

    @Property(tries = 1000)
    void aRecordReadWithTheModuleIsTheRecordReadPlainThenEscaped(@ForAll("shipments") Shipment shipment)
            throws Exception {
        assertBothWaysAgree(shipment, Shipment.class);

        checkCoverage();
    }

    @Property(tries = 1000)
    void untypedValuesReadWithTheModuleAreTheValuesReadPlainThenEscaped(@ForAll("documents") Document document)
            throws Exception {
        assertBothWaysAgree(document, Document.class);

        checkCoverage();
    }

    @Property(tries = 1000)
    void rootContainersReadWithTheModuleAreTheContainersReadPlainThenEscaped(@ForAll("roots") Root root)
            throws Exception {
        Statistics.label("root").collect(root.name());

        assertBothWaysAgree(root.value(), root.type());

        checkCoverage();
        Statistics.label("root").coverage(c -> {
            for (String name : List.of("List<Shipment>", "Map<String,Profile>", "Map<String,List<String>>", "Object")) {
                c.check(name).percentage(p -> p >= 10);
            }
        });
    }

    /** A root value, the type it is read back as, and its JSON for the report. */
    record Root(String name, Object value, Type type, String json) {
        @Override
        public String toString() {
            return name + ": " + json;
        }
    }

    // ---- the check ----

    /**
     * Writes {@code document} with a plain mapper, reads it back both ways and compares; or, when
     * escaping makes two keys of one JSON object equal, checks that both ways refuse it.
     */
    private void assertBothWaysAgree(Object document, Type type) throws Exception {
        JsonBinding binding = binding();
        String json = binding.writePlain(document);
        Object untyped = binding.readPlain(json, Object.class);
        Object written = binding.toTree(untyped);
        boolean collides = hasKeysThatEscapeAlike(untyped);
        Statistics.label("keys escaped alike").collect(collides);
        Statistics.label("depth").collect(depthBucket(depth(untyped)));

        if (collides) {
            Exception viaModule = assertThrows(binding.readFailure(), () -> binding.readWithModule(json, type), json);
            Object plain = binding.readPlain(json, type);
            EscapeException viaCore = assertThrows(EscapeException.class, () -> Escaper.escape(plain), json);
            assertTrue(viaModule.getMessage().contains("escaping made two"), viaModule.getMessage());
            assertTrue(viaCore.getMessage().contains("escaping made two keys equal"), viaCore.getMessage());
            return;
        }

        Object viaModule = binding.toTree(binding.readWithModule(json, type));
        Object viaCore = binding.toTree(Escaper.escape(binding.readPlain(json, type)));

        Statistics.label("text escaped").collect(!viaCore.equals(written));
        assertEquals(viaCore, viaModule, json);
        assertEquals(viaCore.toString(), viaModule.toString(), "the same order: " + json);
    }

    /** Each property checks that the generators still produce the interesting cases. */
    private static void checkCoverage() {
        Statistics.label("keys escaped alike").coverage(c -> {
            c.check(true).percentage(p -> p >= 3);
            c.check(false).percentage(p -> p >= 50);
        });
        Statistics.label("text escaped").coverage(c -> c.check(true).percentage(p -> p >= 50));
        Statistics.label("depth").coverage(c -> c.check("4+").percentage(p -> p >= 10));
    }

    /**
     * Whether two names of one JSON object, read untyped as maps and lists, have the same escaped
     * form. Bean property names are plain identifiers, so only map keys can; the module and the
     * core must then both refuse.
     */
    static boolean hasKeysThatEscapeAlike(Object root) {
        Deque<Object> pending = new ArrayDeque<>();
        pending.push(root == null ? List.of() : root);
        while (!pending.isEmpty()) {
            Object node = pending.pop();
            if (node instanceof Map<?, ?> object) {
                Set<String> escaped = new HashSet<>();
                for (Object name : object.keySet()) {
                    if (!escaped.add(Encode.forHtml((String) name))) {
                        return true;
                    }
                }
                object.values().stream().filter(v -> v != null).forEach(pending::push);
            } else if (node instanceof Collection<?> array) {
                array.stream().filter(v -> v != null).forEach(pending::push);
            }
        }
        return false;
    }

    /** The deepest nesting of objects and arrays; a scalar is 0 deep. */
    static int depth(Object node) {
        Collection<?> children = node instanceof Map<?, ?> object ? object.values()
                : node instanceof Collection<?> array ? array : null;
        if (children == null) {
            return 0;
        }
        int deepest = 0;
        for (Object child : children) {
            deepest = Math.max(deepest, depth(child));
        }
        return deepest + 1;
    }

    private static String depthBucket(int depth) {
        return depth >= 4 ? "4+" : depth >= 2 ? "2-3" : "0-1";
    }

    // ---- arbitraries ----

    @Provide
    Arbitrary<Profile> profiles() {
        return Arbitraries.recursive(() -> profile(Arbitraries.just(null)), ModuleAgreesWithCore::profile, 0, 3);
    }

    private static Arbitrary<Profile> profile(Arbitrary<Profile> partners) {
        return Combinators.combine(nullableTexts(), nullableTexts(), textLists(), maps(nullableTexts()), partners,
                        texts().optional(), texts().array(String[].class).ofMaxSize(3).injectNull(0.1))
                .as((name, bio, tags, labels, partner, nickname, aliases) -> {
                    Profile profile = new Profile();
                    profile.name = name;
                    profile.bio = bio;
                    profile.tags = tags;
                    profile.labels = labels;
                    profile.partner = partner;
                    profile.nickname = nickname;
                    profile.aliases = aliases;
                    return profile;
                });
    }

    @Provide
    Arbitrary<Shipment> shipments() {
        Arbitrary<Address> addresses = Combinators.combine(nullableTexts(), nullableTexts(), texts().optional())
                .as(Address::new);
        Arbitrary<Line> lines = Combinators.combine(nullableTexts(), textLists(), addresses.injectNull(0.2))
                .as(Line::new);
        return Combinators.combine(nullableTexts(), addresses.injectNull(0.1), lines.list().ofMaxSize(3),
                        maps(textLists()))
                .as(Shipment::new);
    }

    @Provide
    Arbitrary<Document> documents() {
        Arbitrary<Object> values = untypedValues();
        return Combinators.combine(values, maps(values), values.list().ofMaxSize(3).injectNull(0.1))
                .as((body, meta, items) -> {
                    Document document = new Document();
                    document.body = body;
                    document.meta = meta;
                    document.items = items;
                    return document;
                });
    }

    @Provide
    Arbitrary<Root> roots() {
        return Arbitraries.frequencyOf(
                Tuple.of(1, shipments().list().ofMaxSize(3)
                        .map(list -> root("List<Shipment>", list, new TypeOf<List<Shipment>>() { }))),
                Tuple.of(1, maps(profiles())
                        .map(map -> root("Map<String,Profile>", map, new TypeOf<LinkedHashMap<String, Profile>>() { }))),
                Tuple.of(1, maps(textLists())
                        .map(map -> root("Map<String,List<String>>", map, new TypeOf<Map<String, List<String>>>() { }))),
                Tuple.of(1, untypedValues().map(value -> root("Object", value, new TypeOf<Object>() { }))));
    }

    private Root root(String name, Object value, TypeOf<?> type) {
        try {
            return new Root(name, value, type.type(), binding().writePlain(value));
        } catch (Exception e) {
            throw new IllegalStateException("cannot write the generated " + name, e);
        }
    }

    /** JSON values as an untyped read gives them: Strings, numbers, booleans, nulls, lists, maps. */
    private static Arbitrary<Object> untypedValues() {
        Arbitrary<Object> scalars = Arbitraries.frequencyOf(
                Tuple.of(6, texts()),
                Tuple.of(1, Arbitraries.integers()),
                Tuple.of(1, Arbitraries.of(true, false)),
                Tuple.of(1, Arbitraries.just(null)));
        return Arbitraries.recursive(() -> scalars, values -> Arbitraries.frequencyOf(
                Tuple.of(1, scalars),
                Tuple.of(2, values.list().ofMaxSize(3)),
                Tuple.of(2, maps(values))), 0, 4);
    }

    /**
     * Maps with text keys, in the order they are written; one in seven also holds two keys that
     * differ but escape alike, which both ways must refuse.
     */
    private static <V> Arbitrary<Map<String, V>> maps(Arbitrary<V> values) {
        Arbitrary<Map<String, V>> plain = Arbitraries.maps(texts(), values).ofMaxSize(3)
                .map(LinkedHashMap::new);
        Arbitrary<Map<String, V>> colliding = Combinators.combine(plain, keysThatEscapeAlike(), values, values)
                .as((map, pair, first, second) -> {
                    Map<String, V> withPair = new LinkedHashMap<>(map);
                    withPair.put(pair.get1(), first);
                    withPair.put(pair.get2(), second);
                    return withPair;
                });
        return Arbitraries.frequencyOf(Tuple.of(6, plain), Tuple.of(1, colliding)).injectNull(0.05);
    }

    /**
     * Two different keys with the same escaped form: HTML escaping is injective on valid text, so
     * only its replacement of invalid characters (controls, lone surrogates, non-characters) by a
     * space can make two keys one, as "a\u0001" and "a " do.
     */
    private static Arbitrary<Tuple.Tuple2<String, String>> keysThatEscapeAlike() {
        Arbitrary<String> invalid = Arbitraries.of(" ", "\u0000", "\u0001", "\u0008", "\u001F", "\u007F", "\u0080",
                "\u009F", "\uD800", "\uDC00", "\uFDD0", "\uFFFE", "\uDBFF\uDFFF");
        Arbitrary<String> affix = Arbitraries.strings().withChars("<>&\"'ab").ofMaxLength(3);
        return Combinators.combine(affix, invalid, invalid, affix)
                .filter((prefix, a, b, suffix) -> !a.equals(b))
                .as((prefix, a, b, suffix) -> Tuple.of(prefix + a + suffix, prefix + b + suffix));
    }

    private static Arbitrary<List<String>> textLists() {
        return nullableTexts().list().ofMaxSize(3).injectNull(0.05);
    }

    private static Arbitrary<String> nullableTexts() {
        return texts().injectNull(0.05);
    }

    /**
     * Plain words, HTML markup characters, controls, lone and paired surrogates, non-characters,
     * XSS fragments, and concatenations of these.
     */
    static Arbitrary<String> texts() {
        Arbitrary<String> piece = Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.strings().withCharRange('a', 'z').withChars(" -.,\u00e9\u4e2d").ofMaxLength(8)),
                Tuple.of(3, Arbitraries.strings().withChars("&<>\"' ab=/").ofMaxLength(6)),
                Tuple.of(2, Arbitraries.of("<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>",
                        "'onmouseover='alert(1)", "</textarea>", "<!--", "]]>", "&lt;", "&amp;amp;", "&#39;",
                        "javascript:alert(1)", "<svg/onload=alert(1)>")),
                Tuple.of(1, Arbitraries.of("\u0000", "\u0001", "\u001F", "\u007F", "\u0085", "\u009F", "\t", "\r\n",
                        "\u2028")),
                Tuple.of(1, Arbitraries.of("\uD800", "\uDFFF", "\uDE00\uD83D", "\uD83D\uDE00", "\uDBFF\uDFFF",
                        "\uFDD0", "\uFFFE", "\uFFFF")),
                Tuple.of(1, Arbitraries.strings().all().ofMaxLength(4)));
        return Arbitraries.frequencyOf(
                Tuple.of(3, piece),
                Tuple.of(1, piece.list().ofMinSize(2).ofMaxSize(4).map(parts -> String.join("", parts))));
    }
}
