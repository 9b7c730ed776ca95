package dev.htmlescape.jackson;

import static dev.htmlescape.jackson.Mappers.json;
import static dev.htmlescape.jackson.Mappers.mapperWithModule;
import static dev.htmlescape.jackson.Mappers.plainMapper;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonMerge;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.htmlescape.EscapeException;
import dev.htmlescape.Escaper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * The shapes where reading with {@link HtmlEscapeModule} and reading plainly, then calling
 * {@link Escaper#escape}, give different results by design; everywhere else they agree (see
 * {@link ModuleAgreesWithCoreProperties}). The module escapes the text the JSON brings, as it is
 * read; the core escapes the Strings it finds in the finished object, through its fields.
 */
class ModuleAndCoreDifferencesTest {

    public static final class FinalName {
        final String name;

        @JsonCreator
        FinalName(@JsonProperty("name") String name) {
            this.name = name;
        }
    }

    public static class Tree {
        public JsonNode node;
    }

    public static class Trees {
        public Map<String, JsonNode> byKey;
    }

    public static class Reference {
        public AtomicReference<String> text;
    }

    public static class Entry {
        public Map.Entry<String, String> pair;
    }

    public static class Decorating {
        private String html;

        public String getHtml() {
            return html;
        }

        /** Wraps the text in markup of its own. */
        public void setHtml(String text) {
            this.html = "<b>" + text + "</b>";
        }
    }

    /** Its constructor runs on the escaped text with the module, and again on a copy with the core. */
    public record Bracketed(String label) {
        public Bracketed {
            label = "[" + label + "]";
        }
    }

    public static class WithDefault {
        public String given;
        public String unset = "<default>";
    }

    public static class Merged {
        @JsonMerge
        public List<String> notes = new ArrayList<>(List.of("<old>"));
    }

    /** Reads the text itself, not through the context: the module never sees it. */
    static final class RawText extends ValueDeserializer<String> {
        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) {
            return p.getString();
        }
    }

    public static class Custom {
        @JsonDeserialize(using = RawText.class)
        public String text;
    }

    public static class Keys {
        public Map<String, String> answers;
    }

    /**
     * One shape: the JSON, the type it is read as, what is looked at, and what each way gives
     * there (a value, or the class of the exception it throws).
     */
    record Difference(String shape, String json, Class<?> type, Function<Object, Object> probe, Object viaModule,
            Object viaCore) {
        @Override
        public String toString() {
            return shape;
        }
    }

    static Stream<Difference> differences() {
        return Stream.of(
                new Difference("a final field set through a @JsonCreator: the core cannot write it and warns",
                        "{'name':'<b>'}", FinalName.class, o -> ((FinalName) o).name,
                        "&lt;b&gt;", "<b>"),
                new Difference("a JsonNode property: the core never enters Jackson's types",
                        "{'node':{'<k>':['<v>']}}", Tree.class, o -> ((Tree) o).node.toString(),
                        json("{'&lt;k&gt;':['&lt;v&gt;']}"), json("{'<k>':['<v>']}")),
                new Difference("a map of JsonNode: the core escapes the map's keys, not the trees",
                        "{'byKey':{'<k>':{'<n>':'<v>'}}}", Trees.class, o -> plainMapper().valueToTree(((Trees) o).byKey).toString(),
                        json("{'&lt;k&gt;':{'&lt;n&gt;':'&lt;v&gt;'}}"), json("{'&lt;k&gt;':{'<n>':'<v>'}}")),
                new Difference("an AtomicReference<String>: the core does not enter JDK holders of text",
                        "{'text':'<t>'}", Reference.class, o -> ((Reference) o).text.get(),
                        "&lt;t&gt;", "<t>"),
                new Difference("a Map.Entry<String, String>: the core does not enter it; the module escapes its value",
                        "{'pair':{'k':'<v>'}}", Entry.class, o -> ((Entry) o).pair.getValue(),
                        "&lt;v&gt;", "<v>"),
                new Difference("a setter that adds markup: the module escapes what it is given, the core what it stored",
                        "{'html':'<i>'}", Decorating.class, o -> ((Decorating) o).getHtml(),
                        "<b>&lt;i&gt;</b>", "&lt;b&gt;&lt;i&gt;&lt;/b&gt;"),
                new Difference("a record whose constructor adds text: the core rebuilds it, so the constructor runs twice",
                        "{'label':'<l>'}", Bracketed.class, o -> ((Bracketed) o).label(),
                        "[&lt;l&gt;]", "[[&lt;l&gt;]]"),
                new Difference("a field the JSON does not set: the module leaves its default",
                        "{'given':'<g>'}", WithDefault.class, o -> ((WithDefault) o).unset,
                        "<default>", "&lt;default&gt;"),
                new Difference("@JsonMerge into a value that holds text: the module escapes only the merged text",
                        "{'notes':['<new>']}", Merged.class, o -> ((Merged) o).notes,
                        List.of("<old>", "&lt;new&gt;"), List.of("&lt;old&gt;", "&lt;new&gt;")),
                new Difference("a custom deserializer that reads the text itself: the module leaves it",
                        "{'text':'<t>'}", Custom.class, o -> ((Custom) o).text,
                        "<t>", "&lt;t&gt;"),
                new Difference("keys that escaping makes equal: each way fails with its own exception",
                        "{'answers':{'a\\u0001':'1','a ':'2'}}", Keys.class, o -> ((Keys) o).answers,
                        DatabindException.class, EscapeException.class),
                // found by the fuzz of ModuleAgreesWithCoreProperties: the module cannot know, while it
                // reads a value, that a later duplicate key will replace it
                new Difference("keys that escape alike in a value that a later duplicate key replaces: the module"
                        + " fails as it reads that value, the core never sees it",
                        "{'answers':{'a\\u0001':'1','a ':'2'},'answers':{'<a>':'3'}}", Keys.class,
                        o -> ((Keys) o).answers, DatabindException.class, Map.of("&lt;a&gt;", "3")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("differences")
    void theModuleAndTheCoreDifferByDesign(Difference difference) {
        String input = json(difference.json());

        Object viaModule = outcome(() -> difference.probe().apply(mapperWithModule().readValue(input, difference.type())));
        Object viaCore = outcome(() -> difference.probe().apply(Escaper.escape(plainMapper().readValue(input, difference.type()))));

        assertNotEquals(difference.viaModule(), difference.viaCore(), "the table lists real differences");
        assertExpected(difference.viaModule(), viaModule, "read with the module");
        assertExpected(difference.viaCore(), viaCore, "read plainly, then escaped by the core");
    }

    @Test
    void aStrictCoreRefusesTheFinalFieldThatTheDefaultOneLeaves() {
        FinalName plain = plainMapper().readValue(json("{'name':'<b>'}"), FinalName.class);

        EscapeException e = assertThrows(EscapeException.class, () -> Escaper.builder().strict(true).build().escapeGraph(plain));

        assertTrue(e.getPath().endsWith(".name"), e.getPath());
    }

    /** What the read gives, or the exception it throws. */
    private static Object outcome(Supplier<Object> read) {
        try {
            return read.get();
        } catch (RuntimeException e) {
            return e;
        }
    }

    private static void assertExpected(Object expected, Object actual, String way) {
        if (expected instanceof Class<?> exception) {
            assertInstanceOf(exception, actual, way);
        } else {
            assertEquals(expected, actual, way);
        }
    }
}
