package dev.htmlescape.testing.jackson;

import static dev.htmlescape.testing.jackson.DifferenceCase.READ_REFUSED;
import static dev.htmlescape.testing.jackson.JsonBinding.json;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonMerge;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.htmlescape.EscapeException;
import dev.htmlescape.Escaper;
import dev.htmlescape.testing.jackson.DifferenceCase.JsonText;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

/**
 * The shapes where reading with the module and reading plainly, then calling {@link
 * Escaper#escape}, give different results by design; everywhere else they agree (see {@link
 * ModuleAgreesWithCore}). The module escapes the text the JSON brings, as it is read; the core
 * escapes the Strings it finds in the finished object, through its fields. The DTOs and the
 * table; a custom deserializer's row is each line's own, since it names the line's classes.
 */
public final class DifferenceCases {

    private DifferenceCases() {
    }

    public static final class FinalName {
        final String name;

        @JsonCreator
        FinalName(@JsonProperty("name") String name) {
            this.name = name;
        }
    }

    /** {@code N} is the line's {@code JsonNode}. */
    public static class Tree<N> {
        public N node;
    }

    /** {@code N} is the line's {@code JsonNode}. */
    public static class Trees<N> {
        public Map<String, N> byKey;
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

    public static class Keys {
        public Map<String, String> answers;
    }

    /** The table. */
    public static Stream<DifferenceCase> cases() {
        return Stream.of(
                new DifferenceCase("a final field set through a @JsonCreator: the core cannot write it and warns",
                        "{'name':'<b>'}", FinalName.class, o -> ((FinalName) o).name,
                        "&lt;b&gt;", "<b>"),
                new DifferenceCase("a JsonNode property: the core never enters Jackson's types",
                        "{'node':{'<k>':['<v>']}}", new TypeOf<Tree<JsonTree>>() { }.type(),
                        o -> ((Tree<?>) o).node.toString(),
                        json("{'&lt;k&gt;':['&lt;v&gt;']}"), json("{'<k>':['<v>']}")),
                new DifferenceCase("a map of JsonNode: the core escapes the map's keys, not the trees",
                        "{'byKey':{'<k>':{'<n>':'<v>'}}}", new TypeOf<Trees<JsonTree>>() { }.type(),
                        o -> ((Trees<?>) o).byKey,
                        new JsonText("{'&lt;k&gt;':{'&lt;n&gt;':'&lt;v&gt;'}}"), new JsonText("{'&lt;k&gt;':{'<n>':'<v>'}}")),
                new DifferenceCase("an AtomicReference<String>: the core does not enter JDK holders of text",
                        "{'text':'<t>'}", Reference.class, o -> ((Reference) o).text.get(),
                        "&lt;t&gt;", "<t>"),
                new DifferenceCase("a Map.Entry<String, String>: the core does not enter it; the module escapes its value",
                        "{'pair':{'k':'<v>'}}", Entry.class, o -> ((Entry) o).pair.getValue(),
                        "&lt;v&gt;", "<v>"),
                new DifferenceCase("a setter that adds markup: the module escapes what it is given, the core what it stored",
                        "{'html':'<i>'}", Decorating.class, o -> ((Decorating) o).getHtml(),
                        "<b>&lt;i&gt;</b>", "&lt;b&gt;&lt;i&gt;&lt;/b&gt;"),
                new DifferenceCase("a record whose constructor adds text: the core rebuilds it, so the constructor runs twice",
                        "{'label':'<l>'}", Bracketed.class, o -> ((Bracketed) o).label(),
                        "[&lt;l&gt;]", "[[&lt;l&gt;]]"),
                new DifferenceCase("a field the JSON does not set: the module leaves its default",
                        "{'given':'<g>'}", WithDefault.class, o -> ((WithDefault) o).unset,
                        "<default>", "&lt;default&gt;"),
                new DifferenceCase("@JsonMerge into a value that holds text: the module escapes only the merged text",
                        "{'notes':['<new>']}", Merged.class, o -> ((Merged) o).notes,
                        List.of("<old>", "&lt;new&gt;"), List.of("&lt;old&gt;", "&lt;new&gt;")),
                new DifferenceCase("keys that escaping makes equal: each way fails with its own exception",
                        "{'answers':{'a\\u0001':'1','a ':'2'}}", Keys.class, o -> ((Keys) o).answers,
                        READ_REFUSED, EscapeException.class),
                // found by fuzzing: the module cannot know, while it reads a value, that a later
                // duplicate key will replace it
                new DifferenceCase("keys that escape alike in a value that a later duplicate key replaces: the module"
                        + " fails as it reads that value, the core never sees it",
                        "{'answers':{'a\\u0001':'1','a ':'2'},'answers':{'<a>':'3'}}", Keys.class,
                        o -> ((Keys) o).answers, READ_REFUSED, Map.of("&lt;a&gt;", "3")));
    }

    /** A strict core refuses the final field that the default one leaves. */
    public static void aStrictCoreRefusesTheFinalFieldThatTheDefaultOneLeaves(JsonBinding binding) throws Exception {
        FinalName plain = (FinalName) binding.readPlain(json("{'name':'<b>'}"), FinalName.class);

        EscapeException e = assertThrows(EscapeException.class, () -> Escaper.builder().strict(true).build().escapeGraph(plain));

        assertTrue(e.getPath().endsWith(".name"), e.getPath());
    }
}
