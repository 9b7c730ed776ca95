package dev.htmlescape.jackson2;

import static dev.htmlescape.jackson2.Mappers.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import dev.htmlescape.testing.jackson.BehaviourCases;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * Round trips, custom deserializers, discovery, the module's name and Jackson's own limits: what
 * names Jackson 2's own API. Errors and merging are rows of the shared table ({@link ReadCasesTest}).
 */
class BehaviourTest {

    @Test
    void writingIsUntouchedAndARoundTripEscapesAgain() throws Exception {
        BehaviourCases.writingIsUntouchedAndARoundTripEscapesAgain(Jackson2Binding.JACKSON_2);
    }

    @Test
    void mergingIntoAnExistingTreeIsRefused() throws Exception {
        BehaviourCases.mergingIntoAnExistingTreeIsRefused(Jackson2Binding.JACKSON_2);
    }

    public static final class Tag {
        final String label;

        Tag(String label) {
            this.label = label;
        }
    }

    /** Reads the text itself: the module leaves what a custom deserializer makes alone. */
    static final class RawTagDeserializer extends JsonDeserializer<Tag> {
        @Override
        public Tag deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            return new Tag(p.getText());
        }
    }

    /** Reads the text through the context: the module's String deserializer escapes it. */
    static final class DelegatingTagDeserializer extends JsonDeserializer<Tag> {
        @Override
        public Tag deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            return new Tag(ctxt.readValue(p, String.class));
        }
    }

    /** An application's own String deserializer: its result is escaped. */
    static final class TrimmingDeserializer extends JsonDeserializer<String> {
        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            return p.getText().trim();
        }
    }

    public static class Tagged {
        public Tag tag;
        public String text;
    }

    private static JsonMapper mapperWith(Module custom) {
        return JsonMapper.builder().addModule(custom).addModule(new HtmlEscapeModule()).build();
    }

    @Test
    void customDeserializersOwnTheirTextUnlessTheyReadItThroughTheContext() throws Exception {
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
    void findAndAddModulesLeavesTheModuleOut() throws Exception {
        // a mapper found by ServiceLoader also reads JSON that is not user input: escaping is added by name only
        JsonMapper found = JsonMapper.builder().findAndAddModules().build();

        assertFalse(found.getRegisteredModuleIds().contains(HtmlEscapeModule.class.getName()),
                found.getRegisteredModuleIds().toString());
        assertEquals("<b>", found.readValue(json("'<b>'"), String.class));
    }

    @Test
    void theModuleHasAFixedNameAndTheBuildsVersion() {
        HtmlEscapeModule module = new HtmlEscapeModule();

        assertEquals("dev.htmlescape.jackson2", module.getModuleName());
        assertEquals("dev.htmlescape", module.version().getGroupId());
        assertEquals("escape-jackson2", module.version().getArtifactId());
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
