package dev.htmlescape.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.htmlescape.Escaper;
import dev.htmlescape.jackson.HtmlEscapeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON read scenarios measure what they claim, for Jackson 3 and Jackson 2 alike: each
 * document, read with the line's module, is what a plain read followed by {@code Escaper.escape}
 * gives; each benchmark's contenders read the document of their parameters into the expected
 * type; and the documents hold the fixtures' text.
 *
 * <p>Each dirty document is checked four times, with the dirty Strings at each of the four
 * positions in turn, so that every field is dirty in some case.
 */
class JacksonReadsAgreeTest {

    private static final JsonMapper PLAIN = JsonMapper.builder().build();
    private static final JsonMapper ESCAPING = JsonMapper.builder().addModule(new HtmlEscapeModule()).build();
    private static final com.fasterxml.jackson.databind.json.JsonMapper PLAIN_2 =
            com.fasterxml.jackson.databind.json.JsonMapper.builder().build();
    private static final com.fasterxml.jackson.databind.json.JsonMapper ESCAPING_2 =
            com.fasterxml.jackson.databind.json.JsonMapper.builder()
                    .addModule(new dev.htmlescape.jackson2.HtmlEscapeModule()).build();

    /** A Jackson line: how it reads a document, with its module or plainly. */
    enum Line {
        JACKSON_3 {
            @Override
            Object read(byte[] json, JsonDocument document, boolean withModule) {
                return (withModule ? ESCAPING : PLAIN).readValue(json, document.type(PLAIN.getTypeFactory()));
            }
        },
        JACKSON_2 {
            @Override
            Object read(byte[] json, JsonDocument document, boolean withModule) {
                com.fasterxml.jackson.databind.json.JsonMapper mapper = withModule ? ESCAPING_2 : PLAIN_2;
                try {
                    return mapper.readValue(json, mapper.constructType(document.genericType()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };

        abstract Object read(byte[] json, JsonDocument document, boolean withModule);
    }

    static Stream<Arguments> documents() {
        return Stream.of(Line.values()).flatMap(line -> Stream.of(JsonDocument.values()).flatMap(document -> Stream.concat(
                Stream.of(Arguments.of(line, document, Flavour.CLEAN, 0)),
                IntStream.range(0, 4).mapToObj(first -> Arguments.of(line, document, Flavour.DIRTY, first)))));
    }

    @ParameterizedTest(name = "{0}: {1}, {2} from String {3}")
    @MethodSource("documents")
    void theModuleReadsWhatAPlainReadThenEscapingGives(Line line, JsonDocument document, Flavour flavour,
            int firstDirty) {
        byte[] json = document.json(flavour, firstDirty);

        JsonNode viaModule = PLAIN.valueToTree(line.read(json, document, true));
        JsonNode viaCore = PLAIN.valueToTree(Escaper.escape(line.read(json, document, false)));
        JsonNode unescaped = PLAIN.readTree(json);

        // equal as JSON values, whatever the order of their objects' properties: the records copy
        // their maps with Map.copyOf, whose order depends on the keys, escaped or not
        assertEquals(viaCore, viaModule);
        if (flavour == Flavour.CLEAN) {
            assertEquals(unescaped, viaModule, "clean text reads as it is");
        } else {
            assertNotEquals(unescaped, viaModule, "dirty text is escaped");
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(JsonDocument.class)
    void theDocumentsHoldTheFixturesText(JsonDocument document) {
        List<String> texts = texts(PLAIN.readTree(document.json(Flavour.DIRTY)));

        int expected = switch (document) {
            case CONTACT_FORM -> 10;
            case ORDER, ORDER_RECORD -> 63;
            case STRING_LIST -> JsonDocument.LIST_SIZE;
        };
        assertEquals(expected, texts.size(), "Strings, map keys included");
        long dirty = texts.stream().filter(text -> text.matches(".*[&<>\"'].*")).count();
        assertTrue(dirty * 4 >= texts.size() - 3 && dirty * 4 <= texts.size() + 3,
                dirty + " of " + texts.size() + " Strings are dirty: not a quarter");
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("benchmarkParameters")
    void theContendersReadTheDocumentOfTheirParameters(String documentName, String flavourName) {
        JacksonReadBenchmark benchmark = new JacksonReadBenchmark();
        JacksonReadBenchmark.Input input = new JacksonReadBenchmark.Input();
        input.document = documentName;
        input.flavour = flavourName;
        input.build();
        JsonDocument document = JsonDocument.of(documentName);
        byte[] json = document.json(Flavour.of(flavourName));
        JavaType type = document.type(PLAIN.getTypeFactory());

        Object plain = benchmark.plainMapper(input);
        Object escaping = benchmark.escapingMapper(input);

        assertInstanceOf(type.getRawClass(), plain);
        assertInstanceOf(type.getRawClass(), escaping);
        assertEquals(PLAIN.readTree(json), PLAIN.valueToTree(plain));
        assertEquals(PLAIN.valueToTree(ESCAPING.readValue(json, type)), PLAIN.valueToTree(escaping));
        assertEquals(PLAIN.valueToTree(escaping), PLAIN.valueToTree(benchmark.plainMapperThenEscaper(input)));
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("benchmarkParameters")
    void theJackson2ContendersReadTheDocumentOfTheirParameters(String documentName, String flavourName)
            throws IOException {
        Jackson2ReadBenchmark benchmark = new Jackson2ReadBenchmark();
        Jackson2ReadBenchmark.Input input = new Jackson2ReadBenchmark.Input();
        input.document = documentName;
        input.flavour = flavourName;
        input.build();
        JsonDocument document = JsonDocument.of(documentName);
        byte[] json = document.json(Flavour.of(flavourName));
        Class<?> type = PLAIN_2.constructType(document.genericType()).getRawClass();

        Object plain = benchmark.plainMapper(input);
        Object escaping = benchmark.escapingMapper(input);

        assertInstanceOf(type, plain);
        assertInstanceOf(type, escaping);
        assertEquals(PLAIN.readTree(json), PLAIN.valueToTree(plain));
        assertEquals(PLAIN.valueToTree(Line.JACKSON_2.read(json, document, true)), PLAIN.valueToTree(escaping));
        assertEquals(PLAIN.valueToTree(escaping), PLAIN.valueToTree(benchmark.plainMapperThenEscaper(input)));
        assertNotEquals(Flavour.of(flavourName) == Flavour.DIRTY, PLAIN.valueToTree(plain).equals(PLAIN.valueToTree(escaping)),
                "the module escapes dirty text and only dirty text");
    }

    static Stream<Arguments> benchmarkParameters() {
        return Stream.of(JsonDocument.values()).flatMap(document -> Stream.of(Flavour.values())
                .map(flavour -> Arguments.of(document.toString(), flavour.name().toLowerCase(Locale.ROOT))));
    }

    /** Every string value and property name of the maps in the tree, in document order. */
    private static List<String> texts(JsonNode node) {
        List<String> texts = new ArrayList<>();
        collect(node, false, texts);
        return texts;
    }

    private static void collect(JsonNode node, boolean isMap, List<String> texts) {
        if (node.isString()) {
            texts.add(node.stringValue());
        } else if (node.isArray()) {
            node.forEach(element -> collect(element, false, texts));
        } else if (node.isObject()) {
            for (var property : node.properties()) {
                if (isMap) {
                    texts.add(property.getKey());
                }
                collect(property.getValue(), property.getKey().equals("attributes"), texts);
            }
        }
    }
}
