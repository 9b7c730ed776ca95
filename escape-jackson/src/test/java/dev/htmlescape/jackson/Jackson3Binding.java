package dev.htmlescape.jackson;

import static dev.htmlescape.jackson.Mappers.mapperWithModule;
import static dev.htmlescape.jackson.Mappers.plainMapper;

import dev.htmlescape.Escaper;
import dev.htmlescape.testing.jackson.JsonBinding;
import java.lang.reflect.Type;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.core.json.JsonWriteFeature;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The Jackson 3 line for the shared tests: {@link Mappers#mapperWithModule()} and a plain mapper. */
final class Jackson3Binding implements JsonBinding {

    static final Jackson3Binding JACKSON_3 = new Jackson3Binding();

    /** Writes JSON as a client sends it: ASCII only, anything else as a {@code \\u} escape. */
    private static final JsonMapper CLIENT = JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

    private Jackson3Binding() {
    }

    @Override
    public Object readWithModule(String json, Type type) {
        return mapperWithModule().readValue(json, plainMapper().constructType(type));
    }

    @Override
    public Object readWithModule(String json, Type type, Escaper escaper) {
        JsonMapper mapper = Mappers.mapperWithModule(escaper);
        return mapper.readValue(json, mapper.constructType(type));
    }

    @Override
    public Object readWithModule(byte[] json, Type type) {
        return mapperWithModule().readValue(json, plainMapper().constructType(type));
    }

    @Override
    public Object readTreeWithModule(String json) {
        return mapperWithModule().readTree(json);
    }

    @Override
    public Object updateWithModule(Object existing, Type type, String json) {
        return mapperWithModule().readerForUpdating(existing).forType(plainMapper().constructType(type)).readValue(json);
    }

    @Override
    public Object readPlain(String json, Type type) {
        return plainMapper().readValue(json, plainMapper().constructType(type));
    }

    @Override
    public Object readPlain(byte[] json, Type type) {
        return plainMapper().readValue(json, plainMapper().constructType(type));
    }

    @Override
    public String writeWithModule(Object value) {
        return mapperWithModule().writeValueAsString(value);
    }

    @Override
    public String writePlain(Object value) {
        return plainMapper().writeValueAsString(value);
    }

    @Override
    public byte[] writeAsClient(Object value) {
        return CLIENT.writeValueAsBytes(value);
    }

    @Override
    public Object toTree(Object value) {
        return plainMapper().valueToTree(value);
    }

    @Override
    public Object objectNode(String name, String text) {
        return plainMapper().createObjectNode().put(name, text);
    }

    @Override
    public String textOf(Object tree, String name) {
        return ((JsonNode) tree).get(name).stringValue();
    }

    @Override
    public Class<?> treeType() {
        return JsonNode.class;
    }

    @Override
    public Class<? extends Exception> readFailure() {
        return DatabindException.class;
    }

    @Override
    public Class<? extends Exception> parseFailure() {
        return StreamReadException.class;
    }

    @Override
    public String firstPropertyOnPath(Exception readFailure) {
        return ((DatabindException) readFailure).getPath().get(0).getPropertyName();
    }

    @Override
    public String toString() {
        return "Jackson 3";
    }
}
