package dev.htmlescape.benchmarks;

import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.type.TypeFactory;

/**
 * The JSON documents of the Jackson read scenarios (Jackson 3 and Jackson 2 alike): the fixtures'
 * graphs, written by a mapper without the module, and the types they are read back as.
 */
public enum JsonDocument {

    /** The {@link ContactForm}: ten Strings, no nesting. */
    CONTACT_FORM("contactForm", (flavour, firstDirty) -> new ContactFormFixture(flavour, firstDirty).root(),
            ContactForm.class),

    /** The {@link Order} of beans: 63 Strings in nested beans, lists and a map. */
    ORDER("order", (flavour, firstDirty) -> new OrderFixture(flavour, firstDirty).root(),
            Order.class),

    /** The same order as {@link OrderRecord records}. */
    ORDER_RECORD("orderRecord", (flavour, firstDirty) -> new OrderRecordFixture(flavour, firstDirty).root(),
            OrderRecord.class),

    /** A JSON array of {@value #LIST_SIZE} Strings of mixed text, read as a {@code List<String>}. */
    STRING_LIST("stringList", JsonDocument::stringList, new TypeReference<List<String>>() { }.getType());

    /** How many Strings {@link #STRING_LIST} holds. */
    static final int LIST_SIZE = 10_000;

    private static final JsonMapper WRITER = JsonMapper.builder().build();

    private final String paramName;
    /** Builds the fixture's graph for a flavour and the position of the first dirty String. */
    private final BiFunction<Flavour, Integer, Object> graph;
    private final Type type;

    JsonDocument(String paramName, BiFunction<Flavour, Integer, Object> graph, Type type) {
        this.paramName = paramName;
        this.graph = graph;
        this.type = type;
    }

    private static Object stringList(Flavour flavour, int firstDirty) {
        SampleText text = new SampleText(flavour, firstDirty);
        List<String> list = new ArrayList<>(LIST_SIZE);
        for (int i = 0; i < LIST_SIZE; i++) {
            list.add(text.nextAny());
        }
        return list;
    }

    /**
     * Reads a JMH parameter value.
     *
     * @param name {@code contactForm}, {@code order}, {@code orderRecord} or {@code stringList}
     * @return the document of that name
     * @throws IllegalArgumentException for any other name
     */
    public static JsonDocument of(String name) {
        for (JsonDocument document : values()) {
            if (document.paramName.equals(name)) {
                return document;
            }
        }
        throw new IllegalArgumentException("no JSON document named " + name);
    }

    /**
     * The document as UTF-8 bytes, as a request body brings it.
     *
     * @param flavour clean text, or every fourth String dirty
     * @return the fixture's graph, written by a plain mapper
     */
    public byte[] json(Flavour flavour) {
        return json(flavour, 0);
    }

    /**
     * The document with the dirty Strings elsewhere: for tests.
     *
     * @param flavour clean text, or every fourth String dirty
     * @param firstDirty 0 to 3: which of each four Strings is dirty
     * @return the fixture's graph, written by a plain mapper
     */
    byte[] json(Flavour flavour, int firstDirty) {
        return WRITER.writeValueAsBytes(graph.apply(flavour, firstDirty));
    }

    /**
     * The type the document is read as, for a Jackson 3 mapper.
     *
     * @param types the reading mapper's type factory
     * @return the root's type
     */
    public JavaType type(TypeFactory types) {
        return types.constructType(type);
    }

    /**
     * The type the document is read as, for either Jackson line's {@code constructType}.
     *
     * @return the root's class, or {@code List<String>}
     */
    public Type genericType() {
        return type;
    }

    /** The JMH parameter value: {@code contactForm}, {@code order}, ... */
    @Override
    public String toString() {
        return paramName;
    }
}
