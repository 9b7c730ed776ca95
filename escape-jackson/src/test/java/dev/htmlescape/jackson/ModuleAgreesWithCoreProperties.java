package dev.htmlescape.jackson;

import static dev.htmlescape.jackson.Mappers.mapperWithModule;
import static dev.htmlescape.jackson.Mappers.plainMapper;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.htmlescape.EscapeContext;
import dev.htmlescape.EscapeException;
import dev.htmlescape.Escaper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
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
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.type.TypeFactory;

/**
 * The module and the core agree: a generated JSON document read with {@link HtmlEscapeModule}
 * gives what the same document read by a plain mapper and then passed to {@link Escaper#escape}
 * gives, compared as JSON trees (in their order) so that beans need no {@code equals}. When two
 * keys of one JSON object become equal once escaped, both ways fail: the module with a
 * {@link DatabindException}, the core with an {@link EscapeException}.
 *
 * <p>The documents are object graphs of a bean, a record and an untyped holder, written by a
 * plain mapper; their text mixes clean words, markup, controls, surrogates and XSS fragments. Where
 * the two ways differ by design (a {@code final} field, a {@code JsonNode}, ...) is pinned down by
 * {@link ModuleAndCoreDifferencesTest}, and such shapes are not generated here.
 *
 * <p>The fuzz: the same graphs written hostilely ({@link HostileJson#print}: escapes of every kind,
 * duplicate keys, odd whitespace), and any JSON at all ({@link HostileJson#documents}: deep
 * nesting, numbers beyond the limits, lone surrogates, broken documents) read as untyped values and
 * trees, sent as UTF-8 bytes as a request body is. The module may only fail with a {@link
 * JacksonException}, exactly when the plain mapper fails or escaping makes two keys alike, and
 * otherwise gives what the core gives (for a tree, which the core does not enter, what escaping
 * each name and text of the plain tree gives).
 */
class ModuleAgreesWithCoreProperties {

    private static final TypeFactory TYPES = plainMapper().getTypeFactory();

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
    void aBeanReadWithTheModuleIsTheBeanReadPlainThenEscaped(@ForAll("profiles") Profile profile) {
        assertBothWaysAgree(profile, TYPES.constructType(Profile.class));

        checkCoverage();
    }

    @Property(tries = 1000)
    void aRecordReadWithTheModuleIsTheRecordReadPlainThenEscaped(@ForAll("shipments") Shipment shipment) {
        assertBothWaysAgree(shipment, TYPES.constructType(Shipment.class));

        checkCoverage();
    }

    @Property(tries = 1000)
    void untypedValuesReadWithTheModuleAreTheValuesReadPlainThenEscaped(@ForAll("documents") Document document) {
        assertBothWaysAgree(document, TYPES.constructType(Document.class));

        checkCoverage();
    }

    @Property(tries = 1000)
    void rootContainersReadWithTheModuleAreTheContainersReadPlainThenEscaped(@ForAll("roots") Root root) {
        Statistics.label("root").collect(root.name());

        assertBothWaysAgree(root.value(), root.type());

        checkCoverage();
        Statistics.label("root").coverage(c -> {
            for (String name : List.of("List<Shipment>", "Map<String,Profile>", "Map<String,List<String>>", "Object")) {
                c.check(name).percentage(p -> p >= 10);
            }
        });
    }

    @Property(tries = 1000)
    void aHostilelyWrittenDocumentReadWithTheModuleIsTheDocumentReadPlainThenEscaped(@ForAll("roots") Root root,
            @ForAll long layout) {
        String json = HostileJson.print(plainMapper().valueToTree(root.value()), layout);

        assertBothWaysAgreeOrRefuse(json.getBytes(StandardCharsets.UTF_8), root.type());

        // property names with a lone surrogate escape are refused by the UTF-8 parser, both ways
        Statistics.label("outcome").coverage(c -> c.check("both read").percentage(p -> p >= 60));
    }

    @Property(tries = 2000)
    void anyJsonReadWithTheModuleIsItReadPlainThenEscapedOrRefusedByBoth(
            @ForAll("hostileDocuments") String json, @ForAll("untypedTargets") JavaType type) {
        Statistics.label("target").collect(type.toString());

        assertBothWaysAgreeOrRefuse(json.getBytes(StandardCharsets.UTF_8), type);

        // about half the documents are read; a long run mixes in more edge cases, which are refused more often
        Statistics.label("outcome").coverage(c -> {
            c.check("both read").percentage(p -> p >= 25);
            c.check("both refused").percentage(p -> p >= 5);
            c.check("keys escaped alike").percentage(p -> p >= 1);
        });
    }

    @Provide
    Arbitrary<String> hostileDocuments() {
        return HostileJson.documents();
    }

    @Provide
    Arbitrary<JavaType> untypedTargets() {
        return Arbitraries.of(TYPES.constructType(Object.class), TYPES.constructType(JsonNode.class),
                TYPES.constructMapType(Map.class, String.class, Object.class),
                TYPES.constructCollectionType(List.class, Object.class), TYPES.constructType(String.class));
    }

    /**
     * Reads {@code json} with the module and with a plain mapper and compares, allowing only these
     * outcomes: both fail with a {@link JacksonException}; the plain read is escaped by the core, or
     * a plain tree by {@link #escapedTree}, and equals the module's; or escaping makes two keys of one
     * object alike, and the module fails with a {@link DatabindException} while the core (or the tree
     * escape) refuses too. Any other exception fails the try as it propagates.
     */
    static void assertBothWaysAgreeOrRefuse(byte[] json, JavaType type) {
        String shown = new String(json, StandardCharsets.UTF_8);
        Object plain;
        try {
            plain = plainMapper().readValue(json, type);
        } catch (JacksonException refused) {
            assertThrows(JacksonException.class, () -> mapperWithModule().readValue(json, type),
                    "the plain mapper refused (" + refused.getOriginalMessage() + ") but the module read " + shown);
            Statistics.label("outcome").collect("both refused");
            return;
        }
        Object expected;
        try {
            expected = plain instanceof JsonNode tree ? escapedTree(tree) : Escaper.escape(plain);
        } catch (EscapeException collision) {
            assertTrue(collision.getMessage().contains("escaping made two keys equal"), collision.getMessage());
            DatabindException viaModule = assertThrows(DatabindException.class,
                    () -> mapperWithModule().readValue(json, type), shown);
            assertTrue(viaModule.getMessage().contains("escaping made two"), viaModule.getMessage());
            Statistics.label("outcome").collect("keys escaped alike");
            return;
        }
        Object viaModule;
        try {
            viaModule = mapperWithModule().readValue(json, type);
        } catch (JacksonException refused) {
            if (refused instanceof DatabindException && refused.getMessage().contains("escaping made two")
                    && hasKeysThatEscapeAlikeAsWritten(json)) {
                // by design (ModuleAndCoreDifferencesTest): the colliding keys are in a value that a
                // later duplicate key replaced, which the core never saw
                Statistics.label("outcome").collect("keys alike in a replaced value");
                return;
            }
            throw new AssertionError("the module refused what the plain mapper read and the core escaped: "
                    + refused.getOriginalMessage() + " in " + shown, refused);
        }
        JsonNode moduleTree = plainMapper().valueToTree(viaModule);
        JsonNode coreTree = plainMapper().valueToTree(expected);
        assertEquals(coreTree, moduleTree, shown);
        assertEquals(coreTree.toString(), moduleTree.toString(), "the same order: " + shown);
        Statistics.label("outcome").collect("both read");
    }

    /**
     * Whether some object of the document, as written, has two different names that escape alike,
     * even one that a later duplicate key replaces and so never reaches a reader's result.
     */
    static boolean hasKeysThatEscapeAlikeAsWritten(byte[] json) {
        Deque<Map<String, String>> objects = new ArrayDeque<>();
        try (JsonParser parser = plainMapper().createParser(json)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token == JsonToken.START_OBJECT) {
                    objects.push(new HashMap<>());
                } else if (token == JsonToken.END_OBJECT) {
                    objects.pop();
                } else if (token == JsonToken.PROPERTY_NAME) {
                    String name = parser.currentName();
                    String earlier = objects.peek().putIfAbsent(EscapeContext.HTML.encode(name), name);
                    if (earlier != null && !earlier.equals(name)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /**
     * The plain tree with every property name and text value escaped, as the README says the
     * module reads a tree; an {@link EscapeException} like the core's when two names of one object
     * become alike.
     */
    static JsonNode escapedTree(JsonNode tree) {
        if (tree.isString()) {
            return JsonNodeFactory.instance.stringNode(EscapeContext.HTML.encode(tree.stringValue()));
        }
        if (tree.isArray()) {
            ArrayNode array = JsonNodeFactory.instance.arrayNode();
            tree.forEach(element -> array.add(escapedTree(element)));
            return array;
        }
        if (tree.isObject()) {
            ObjectNode object = JsonNodeFactory.instance.objectNode();
            for (Map.Entry<String, JsonNode> member : tree.properties()) {
                String name = EscapeContext.HTML.encode(member.getKey());
                if (object.has(name)) {
                    throw new EscapeException("tree", "escaping made two keys equal: " + name, null);
                }
                object.set(name, escapedTree(member.getValue()));
            }
            return object;
        }
        return tree;
    }

    /** A root value and the type it is read back as. */
    record Root(String name, Object value, JavaType type) {
        @Override
        public String toString() {
            return name + ": " + plainMapper().writeValueAsString(value);
        }
    }

    // ---- the check ----

    /**
     * Writes {@code document} with a plain mapper, reads it back both ways and compares; or, when
     * escaping makes two keys of one JSON object equal, checks that both ways refuse it.
     */
    private static void assertBothWaysAgree(Object document, JavaType type) {
        String json = plainMapper().writeValueAsString(document);
        JsonNode written = plainMapper().readTree(json);
        boolean collides = hasKeysThatEscapeAlike(written);
        Statistics.label("keys escaped alike").collect(collides);
        Statistics.label("depth").collect(depthBucket(depth(written)));

        if (collides) {
            DatabindException viaModule = assertThrows(DatabindException.class,
                    () -> mapperWithModule().readValue(json, type), json);
            Object plain = plainMapper().readValue(json, type);
            EscapeException viaCore = assertThrows(EscapeException.class, () -> Escaper.escape(plain), json);
            assertTrue(viaModule.getMessage().contains("escaping made two"), viaModule.getMessage());
            assertTrue(viaCore.getMessage().contains("escaping made two keys equal"), viaCore.getMessage());
            return;
        }

        JsonNode viaModule = plainMapper().valueToTree(mapperWithModule().readValue(json, type));
        JsonNode viaCore = plainMapper().valueToTree(Escaper.escape(plainMapper().readValue(json, type)));

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
     * Whether two names of one JSON object have the same escaped form. Bean property names are
     * plain identifiers, so only map keys can; the module and the core must then both refuse.
     */
    static boolean hasKeysThatEscapeAlike(JsonNode root) {
        Deque<JsonNode> pending = new ArrayDeque<>(List.of(root));
        while (!pending.isEmpty()) {
            JsonNode node = pending.pop();
            if (node.isObject()) {
                Set<String> escaped = new HashSet<>();
                for (String name : node.propertyNames()) {
                    if (!escaped.add(EscapeContext.HTML.encode(name))) {
                        return true;
                    }
                }
            }
            node.forEach(pending::push);
        }
        return false;
    }

    /** The deepest nesting of objects and arrays; a scalar is 0 deep. */
    static int depth(JsonNode node) {
        int deepest = 0;
        for (JsonNode child : node) {
            deepest = Math.max(deepest, depth(child));
        }
        return node.isContainer() ? deepest + 1 : 0;
    }

    private static String depthBucket(int depth) {
        return depth >= 4 ? "4+" : depth >= 2 ? "2-3" : "0-1";
    }

    // ---- arbitraries ----

    @Provide
    Arbitrary<Profile> profiles() {
        return Arbitraries.recursive(() -> profile(Arbitraries.just(null)), ModuleAgreesWithCoreProperties::profile, 0, 3);
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
                Tuple.of(1, shipments().list().ofMaxSize(3).map(list -> new Root("List<Shipment>", list,
                        TYPES.constructCollectionType(List.class, Shipment.class)))),
                Tuple.of(1, maps(profiles()).map(map -> new Root("Map<String,Profile>", map,
                        TYPES.constructMapType(LinkedHashMap.class, String.class, Profile.class)))),
                Tuple.of(1, maps(textLists()).map(map -> new Root("Map<String,List<String>>", map,
                        TYPES.constructMapType(Map.class, TYPES.constructType(String.class),
                                TYPES.constructCollectionType(List.class, String.class))))),
                Tuple.of(1, untypedValues().map(value -> new Root("Object", value, TYPES.constructType(Object.class)))));
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
