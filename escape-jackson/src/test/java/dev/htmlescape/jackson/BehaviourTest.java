package dev.htmlescape.jackson;

import static dev.htmlescape.jackson.Mappers.json;
import static dev.htmlescape.jackson.Mappers.mapperWithModule;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.htmlescape.testing.jackson.BehaviourCases;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JsonParser;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

/**
 * Round trips, custom deserializers, discovery, the module's name and Jackson's own limits: what
 * names Jackson 3's own API. Errors and merging are rows of the shared table ({@link ReadCasesTest}).
 */
class BehaviourTest {

    @Test
    void writingIsUntouchedAndARoundTripEscapesAgain() throws Exception {
        BehaviourCases.writingIsUntouchedAndARoundTripEscapesAgain(Jackson3Binding.JACKSON_3);
    }

    @Test
    void mergingIntoAnExistingTreeIsRefused() throws Exception {
        BehaviourCases.mergingIntoAnExistingTreeIsRefused(Jackson3Binding.JACKSON_3);
    }

    public static final class Tag {
        final String label;

        Tag(String label) {
            this.label = label;
        }
    }

    /** Reads the text itself: the module leaves what a custom deserializer makes alone. */
    static final class RawTagDeserializer extends ValueDeserializer<Tag> {
        @Override
        public Tag deserialize(JsonParser p, DeserializationContext ctxt) {
            return new Tag(p.getString());
        }
    }

    /** Reads the text through the context: the module's String deserializer escapes it. */
    static final class DelegatingTagDeserializer extends ValueDeserializer<Tag> {
        @Override
        public Tag deserialize(JsonParser p, DeserializationContext ctxt) {
            return new Tag(ctxt.readValue(p, String.class));
        }
    }

    /** An application's own String deserializer: its result is escaped. */
    static final class TrimmingDeserializer extends ValueDeserializer<String> {
        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) {
            return p.getString().trim();
        }
    }

    public static class Tagged {
        public Tag tag;
        public String text;
    }

    private static JsonMapper mapperWith(JacksonModule custom) {
        return JsonMapper.builder().addModule(custom).addModule(new HtmlEscapeModule()).build();
    }

    @Test
    void customDeserializersOwnTheirTextUnlessTheyReadItThroughTheContext() {
        String input = json("{'tag':'<t>','text':'  <x>  '}");

        Tagged raw = mapperWith(new SimpleModule().addDeserializer(Tag.class, new RawTagDeserializer()))
                .readValue(input, Tagged.class);
        Tagged delegating = mapperWith(new SimpleModule().addDeserializer(Tag.class, new DelegatingTagDeserializer()))
                .readValue(input, Tagged.class);
        Tagged trimmed = mapperWith(new SimpleModule().addDeserializer(String.class, new TrimmingDeserializer()))
                .readValue(input, Tagged.class);

        assertEquals("<t>", raw.tag.label);
        assertEquals("&lt;t&gt;", delegating.tag.label);
        assertEquals("&lt;x&gt;", trimmed.text);
    }

    @Test
    void findAndAddModulesLeavesTheModuleOut() {
        // a mapper found by ServiceLoader also reads JSON that is not user input: escaping is added by name only
        JsonMapper found = JsonMapper.builder().findAndAddModules().build();

        assertFalse(found.registeredModules().stream().anyMatch(m -> HtmlEscapeModule.NAME.equals(m.getModuleName())));
        assertEquals("<b>", found.readValue(json("'<b>'"), String.class));
    }

    @Test
    void theModuleHasAFixedNameAndTheBuildsVersion() {
        HtmlEscapeModule module = new HtmlEscapeModule();

        assertEquals("dev.htmlescape.jackson", module.getModuleName());
        assertEquals("dev.htmlescape", module.version().getGroupId());
        assertEquals("escape-jackson", module.version().getArtifactId());
        assertFalse(module.version().isUnknownVersion());
        assertTrue(module.version().toString().startsWith("0.1.0"), module.version().toString());
    }

    @Test
    void jacksonsOwnLimitsStayInForce() {
        JsonMapper limited = JsonMapper.builder(JsonFactory.builder()
                        .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(10).maxNestingDepth(5).build())
                        .build())
                .addModule(new HtmlEscapeModule()).build();

        assertThrows(StreamConstraintsException.class, () -> limited.readValue(json("'<aaaaaaaaaaaaaaaaaaaaa>'"), String.class));
        assertThrows(StreamConstraintsException.class, () -> limited.readValue("[[[[[[[[1]]]]]]]]", Object.class));
        assertThrows(StreamConstraintsException.class, () -> limited.readTree("[[[[[[[[1]]]]]]]]"));
    }
}
