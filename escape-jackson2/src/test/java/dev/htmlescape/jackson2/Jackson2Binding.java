package dev.htmlescape.jackson2;

import static dev.htmlescape.jackson2.Mappers.mapperWithModule;
import static dev.htmlescape.jackson2.Mappers.plainMapper;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.htmlescape.Escaper;
import dev.htmlescape.testing.jackson.JsonBinding;
import java.lang.reflect.Type;

/** The Jackson 2 line for the shared tests: {@link Mappers#mapperWithModule()} and a plain mapper. */
final class Jackson2Binding implements JsonBinding {

    static final Jackson2Binding JACKSON_2 = new Jackson2Binding();

    /** Writes JSON as a client sends it: ASCII only, anything else as a {@code \\u} escape. */
    private static final JsonMapper CLIENT = JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

    private Jackson2Binding() {
    }

    @Override
    public Object readWithModule(String json, Type type) throws Exception {
        return mapperWithModule().readValue(json, plainMapper().constructType(type));
    }

    @Override
    public Object readWithModule(String json, Type type, Escaper escaper) throws Exception {
        JsonMapper mapper = Mappers.mapperWithModule(escaper);
        return mapper.readValue(json, mapper.constructType(type));
    }

    @Override
    public Object readWithModule(byte[] json, Type type) throws Exception {
        return mapperWithModule().readValue(json, plainMapper().constructType(type));
    }

    @Override
    public Object readTreeWithModule(String json) throws Exception {
        return mapperWithModule().readTree(json);
    }

    @Override
    public Object updateWithModule(Object existing, Type type, String json) throws Exception {
        return mapperWithModule().readerForUpdating(existing).forType(plainMapper().constructType(type)).readValue(json);
    }

    @Override
    public Object readPlain(String json, Type type) throws Exception {
        return plainMapper().readValue(json, plainMapper().constructType(type));
    }

    @Override
    public Object readPlain(byte[] json, Type type) throws Exception {
        return plainMapper().readValue(json, plainMapper().constructType(type));
    }

    @Override
    public String writeWithModule(Object value) throws Exception {
        return mapperWithModule().writeValueAsString(value);
    }

    @Override
    public String writePlain(Object value) throws Exception {
        return plainMapper().writeValueAsString(value);
    }

    @Override
    public byte[] writeAsClient(Object value) throws Exception {
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
        return ((JsonNode) tree).get(name).textValue();
    }

    @Override
    public Class<?> treeType() {
        return JsonNode.class;
    }

    @Override
    public Class<? extends Exception> readFailure() {
        return JsonMappingException.class;
    }

    @Override
    public Class<? extends Exception> parseFailure() {
        return JsonParseException.class;
    }

    @Override
    public String firstPropertyOnPath(Exception readFailure) {
        return ((JsonMappingException) readFailure).getPath().get(0).getFieldName();
    }

    @Override
    public String toString() {
        return "Jackson 2";
    }
}
