package dev.htmlescape.jackson;

import static dev.htmlescape.jackson.Mappers.json;
import static dev.htmlescape.jackson.Mappers.mapperWithModule;
import static dev.htmlescape.jackson.Mappers.plainMapper;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.htmlescape.NoEscape;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JsonParser;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

/** Errors, writing, round trips, custom deserializers, discovery and Jackson's own limits. */
class BehaviourTest {

    public static class Form {
        public Map<String, String> answers;
        public Object untyped;
        public JsonNode tree;
        public TreeMap<String, String> sorted;
    }

    @Test
    void keysThatEscapingMakesEqualAreAnErrorNamingThePath() {
        // OWASP replaces a control character by a space, so "a\u0001" and "a " become one key
        DatabindException map = assertThrows(DatabindException.class, () -> mapperWithModule()
                .readValue(json("{'answers':{'a\\u0001':'1','a ':'2'}}"), Form.class));
        DatabindException untyped = assertThrows(DatabindException.class, () -> mapperWithModule()
                .readValue(json("{'untyped':{'x':{'a\\u0001':1,'a ':2}}}"), Form.class));
        DatabindException tree = assertThrows(DatabindException.class, () -> mapperWithModule()
                .readValue(json("{'tree':{'x':[{'a\\u0001':1,'a ':2}]}}"), Form.class));

        assertTrue(map.getMessage().contains("escaping made two keys of this map equal"), map.getMessage());
        assertEquals("answers", map.getPath().get(0).getPropertyName());
        assertTrue(untyped.getMessage().contains("escaping made two keys equal"), untyped.getMessage());
        assertEquals("untyped", untyped.getPath().get(0).getPropertyName());
        assertTrue(tree.getMessage().contains("\"/x/0\""), tree.getMessage());
        assertEquals("tree", tree.getPath().get(0).getPropertyName());
    }

    public static class Plain {
        public String text;
    }

    @Test
    void writingIsUntouchedAndARoundTripEscapesAgain() {
        Plain plain = new Plain();
        plain.text = "<b>";

        String written = mapperWithModule().writeValueAsString(plain);
        Plain once = mapperWithModule().readValue(written, Plain.class);
        Plain twice = mapperWithModule().readValue(mapperWithModule().writeValueAsString(once), Plain.class);

        assertEquals(json("{'text':'<b>'}"), written);
        assertEquals("&lt;b&gt;", once.text);
        assertEquals("&amp;lt;b&amp;gt;", twice.text, "escaping is not idempotent");
        assertEquals("&lt;b&gt;", plainMapper().readValue(plainMapper().writeValueAsString(once), Plain.class).text,
                "a mapper without the module reads back what was written");
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
    void findAndAddModulesFindsTheModuleThroughTheServiceLoader() {
        JsonMapper found = JsonMapper.builder().findAndAddModules().build();

        assertTrue(found.registeredModules().stream().anyMatch(m -> HtmlEscapeModule.NAME.equals(m.getModuleName())));
        assertEquals("&lt;b&gt;", found.readValue(json("'<b>'"), String.class));
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

    public static class Mergeable {
        @com.fasterxml.jackson.annotation.JsonMerge
        public Map<String, String> settings = new TreeMap<>(Map.of("<kept>", "<as set>"));
        @com.fasterxml.jackson.annotation.JsonMerge
        public List<String> notes = new ArrayList<>(List.of("<old>"));
    }

    @Test
    void mergingEscapesOnlyWhatItReads() {
        Mergeable merged = mapperWithModule().readValue(json("{'settings':{'<new>':'<v>'},'notes':['<n>']}"),
                Mergeable.class);

        assertEquals(Map.of("<kept>", "<as set>", "&lt;new&gt;", "&lt;v&gt;"), merged.settings);
        assertEquals(List.of("<old>", "&lt;n&gt;"), merged.notes);
    }

    public static class MergeUntyped {
        @com.fasterxml.jackson.annotation.JsonMerge
        public Object anything = new java.util.LinkedHashMap<>(Map.of("a", "<b>"));
        @com.fasterxml.jackson.annotation.JsonMerge
        @NoEscape
        public Object raw = new java.util.LinkedHashMap<>(Map.of("a", "<b>"));
    }

    @Test
    void mergingIntoAnUntypedValueIsRefusedRatherThanEscapedTwice() {
        DatabindException e = assertThrows(DatabindException.class,
                () -> mapperWithModule().readValue(json("{'anything':{'c':'<d>'}}"), MergeUntyped.class));
        MergeUntyped raw = mapperWithModule().readValue(json("{'raw':{'c':'<d>'}}"), MergeUntyped.class);

        assertTrue(e.getMessage().contains("cannot merge JSON into an untyped value"), e.getMessage());
        assertEquals(Map.of("a", "<b>", "c", "<d>"), raw.raw);
    }

    public static class CaseInsensitive {
        @com.fasterxml.jackson.annotation.JsonMerge
        public Map<String, String> names = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    }

    @Test
    void aMapWhoseComparatorJoinsEscapedKeysIsAnErrorNotALostEntry() {
        // "a\u0001" becomes "a ", which this map holds as the same key as "A "
        DatabindException e = assertThrows(DatabindException.class, () -> mapperWithModule()
                .readValue(json("{'names':{'a\\u0001':'1','A ':'2'}}"), CaseInsensitive.class));

        assertTrue(e.getMessage().contains("would lose an entry"), e.getMessage());
        assertEquals("names", e.getPath().get(0).getPropertyName());
    }
}
