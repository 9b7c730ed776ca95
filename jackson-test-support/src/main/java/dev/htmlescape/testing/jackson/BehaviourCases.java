package dev.htmlescape.testing.jackson;

import static dev.htmlescape.testing.jackson.JsonBinding.json;
import static dev.htmlescape.testing.jackson.ReadCase.read;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.annotation.JsonMerge;
import dev.htmlescape.NoEscape;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Errors, merging and round trips: the DTOs, the table and the round trip. */
public final class BehaviourCases {

    private BehaviourCases() {
    }

    /** {@code N} is the line's {@code JsonNode}. */
    public static class Form<N> {
        public Map<String, String> answers;
        public Object untyped;
        public N tree;
        public TreeMap<String, String> sorted;
    }

    public static class Plain {
        public String text;
    }

    public static class Mergeable {
        @JsonMerge
        public Map<String, String> settings = new TreeMap<>(Map.of("<kept>", "<as set>"));
        @JsonMerge
        public List<String> notes = new ArrayList<>(List.of("<old>"));
    }

    public static class MergeUntyped {
        @JsonMerge
        public Object anything = new LinkedHashMap<>(Map.of("a", "<b>"));
        @JsonMerge
        @NoEscape
        public Object raw = new LinkedHashMap<>(Map.of("a", "<b>"));
    }

    /** {@code N} is the line's {@code JsonNode}. */
    public static class MergeTree<N> {
        @JsonMerge
        public N tree;
    }

    public static class CaseInsensitive {
        @JsonMerge
        public Map<String, String> names = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    }

    /** The table. */
    public static Stream<ReadCase<?>> cases() {
        // OWASP replaces a control character by a space, so "a\u0001" and "a " become one key
        TypeOf<Form<JsonTree>> form = new TypeOf<>() { };
        return Stream.of(
                read("keys of a map that escaping makes equal are an error naming the path",
                        "{'answers':{'a\\u0001':'1','a ':'2'}}", form)
                        .fails("escaping made two keys of this map equal", "answers"),
                read("keys of an untyped value that escaping makes equal", "{'untyped':{'x':{'a\\u0001':1,'a ':2}}}", form)
                        .fails("escaping made two keys equal", "untyped"),
                read("names of a tree that escaping makes equal name the object in the tree",
                        "{'tree':{'x':[{'a\\u0001':1,'a ':2}]}}", form)
                        .fails("\"/x/0\"", "tree"),
                read("merging escapes only what it reads", "{'settings':{'<new>':'<v>'},'notes':['<n>']}", Mergeable.class)
                        .expect("map", m -> m.settings, Map.of("<kept>", "<as set>", "&lt;new&gt;", "&lt;v&gt;"))
                        .expect("list", m -> m.notes, List.of("<old>", "&lt;n&gt;")),
                read("merging into an untyped value is refused rather than escaped twice", "{'anything':{'c':'<d>'}}",
                        MergeUntyped.class)
                        .fails("cannot merge JSON into an untyped value", "anything"),
                read("merging into an untyped @NoEscape value is Jackson's", "{'raw':{'c':'<d>'}}", MergeUntyped.class)
                        .expect("raw", m -> m.raw, Map.of("a", "<b>", "c", "<d>")),
                read("a map whose comparator joins escaped keys is an error, not a lost entry",
                        "{'names':{'a\\u0001':'1','A ':'2'}}", CaseInsensitive.class)
                        // "a\u0001" becomes "a ", which this map holds as the same key as "A "
                        .fails("would have lost 1 entries", "names"));
    }

    /**
     * Merging into an existing tree is refused, at the root and in a property: what the tree
     * already holds was read or built before, and escaping it all would escape it twice.
     */
    public static void mergingIntoAnExistingTreeIsRefused(JsonBinding binding) throws Exception {
        Object root = binding.objectNode("a", "<b>");
        MergeTree<Object> holder = new MergeTree<>();
        holder.tree = binding.objectNode("a", "<b>");

        Exception atRoot = assertThrows(binding.readFailure(), () -> binding.updateWithModule(root, TypeOf.resolve(JsonTree.class, binding.treeType()), json("{'c':'<d>'}")));
        Exception inProperty = assertThrows(binding.readFailure(),
                () -> binding.updateWithModule(holder, TypeOf.resolve(new TypeOf<MergeTree<JsonTree>>() { }.type(),
                        binding.treeType()), json("{'tree':{'c':'<d>'}}")));

        assertTrue(atRoot.getMessage().contains("cannot merge JSON into an existing tree"), atRoot.getMessage());
        assertTrue(inProperty.getMessage().contains("cannot merge JSON into an existing tree"), inProperty.getMessage());
        assertEquals("tree", binding.firstPropertyOnPath(inProperty));
        assertEquals(json("{'a':'<b>'}"), holder.tree.toString(), "the tree is not escaped twice");
    }

    /** Writing is untouched, and text read, written and read again is escaped twice. */
    public static void writingIsUntouchedAndARoundTripEscapesAgain(JsonBinding binding) throws Exception {
        Plain plain = new Plain();
        plain.text = "<b>";

        String written = binding.writeWithModule(plain);
        Plain once = (Plain) binding.readWithModule(written, Plain.class);
        Plain twice = (Plain) binding.readWithModule(binding.writeWithModule(once), Plain.class);

        assertEquals(json("{'text':'<b>'}"), written);
        assertEquals("&lt;b&gt;", once.text);
        assertEquals("&amp;lt;b&amp;gt;", twice.text, "escaping is not idempotent");
        assertEquals("&lt;b&gt;", ((Plain) binding.readPlain(binding.writePlain(once), Plain.class)).text,
                "a mapper without the module reads back what was written");
    }
}
