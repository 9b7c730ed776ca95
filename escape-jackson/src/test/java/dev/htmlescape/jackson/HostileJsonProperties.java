package dev.htmlescape.jackson;

import static dev.htmlescape.jackson.Mappers.mapperWithModule;
import static dev.htmlescape.jackson.Mappers.plainMapper;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.htmlescape.EscapeException;
import dev.htmlescape.Escaper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.owasp.encoder.Encode;
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
 * Fuzzing the Jackson 3 module with any JSON at all ({@link HostileJson#documents}: deep nesting,
 * numbers beyond the limits, lone surrogates, broken documents, duplicate keys) read as untyped
 * values and trees, sent as UTF-8 bytes as a request body is. The module may only fail with a
 * {@link JacksonException}, exactly when the plain mapper fails or escaping makes two keys alike,
 * and otherwise gives what the core gives (for a tree, which the core does not enter, what escaping
 * each name and text of the plain tree gives).
 */
class HostileJsonProperties {

    private static final TypeFactory TYPES = plainMapper().getTypeFactory();

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
        } catch (EscapeException | NamesEscapedAlike collision) {
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
                    String earlier = objects.peek().putIfAbsent(Encode.forHtml(name), name);
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
     * module reads a tree; {@link NamesEscapedAlike}, worded like the core's {@link EscapeException},
     * when two names of one object become alike.
     */
    static JsonNode escapedTree(JsonNode tree) {
        if (tree.isString()) {
            return JsonNodeFactory.instance.stringNode(Encode.forHtml(tree.stringValue()));
        }
        if (tree.isArray()) {
            ArrayNode array = JsonNodeFactory.instance.arrayNode();
            tree.forEach(element -> array.add(escapedTree(element)));
            return array;
        }
        if (tree.isObject()) {
            ObjectNode object = JsonNodeFactory.instance.objectNode();
            for (Map.Entry<String, JsonNode> member : tree.properties()) {
                String name = Encode.forHtml(member.getKey());
                if (object.has(name)) {
                    throw new NamesEscapedAlike("escaping made two keys equal: " + name);
                }
                object.set(name, escapedTree(member.getValue()));
            }
            return object;
        }
        return tree;
    }

    /** What {@link #escapedTree} throws where the core would refuse two names escaped alike. */
    static final class NamesEscapedAlike extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NamesEscapedAlike(String message) {
            super(message);
        }
    }
}
