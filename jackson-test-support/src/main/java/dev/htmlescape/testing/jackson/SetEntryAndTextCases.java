package dev.htmlescape.testing.jackson;

import static dev.htmlescape.testing.jackson.ReadCase.read;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.stream.Stream;

/**
 * Shapes the differential property found: sets whose elements collide, text declared as
 * {@code CharSequence}, map entries. The DTOs and the table.
 */
public final class SetEntryAndTextCases {

    private SetEntryAndTextCases() {
    }

    public static class Tags {
        public Set<String> set;
        public SortedSet<String> sorted;
        public Set<List<String>> groups;
    }

    public static class Texts {
        public CharSequence text;
        public CharSequence[] array;
        public List<CharSequence> list;
        public Optional<CharSequence> optional;
        public Map<String, CharSequence> values;
    }

    public static class Pair {
        public Map.Entry<String, String> entry;
    }

    /** The table. */
    public static Stream<ReadCase<?>> cases() {
        // plain Jackson reads two elements, and the core refuses ("escaping made two elements equal");
        // the module escapes each element before the set holds it, so it must count them
        String setCollision = "escaping made two elements of this set equal";
        return Stream.of(
                read("elements of a set that escaping makes equal are an error, not a loss",
                        "{'set':['a\\u0001','a ']}", Tags.class).fails(setCollision, "set"),
                read("elements of a sorted set that escaping makes equal", "{'sorted':['a\\u0001','a ']}", Tags.class)
                        .fails(setCollision, "sorted"),
                read("elements of a set of lists that escaping makes equal", "{'groups':[['a\\u0001'],['a ']]}", Tags.class)
                        .fails(setCollision, "groups"),
                read("elements of a root set that escaping makes equal", "['a\\u0001','a ']", new TypeOf<Set<String>>() { })
                        .fails(setCollision, null),
                // Jackson reads a CharSequence as a String, and the core escapes it
                read("text declared as CharSequence is escaped",
                        "{'text':'<a>','array':['<b>'],'list':['<c>'],'optional':'<d>','values':{'k':'<e>'}}", Texts.class)
                        .expect("field", t -> t.text, "&lt;a&gt;")
                        .expect("array element", t -> t.array[0], "&lt;b&gt;")
                        .expect("list element", t -> t.list, List.of("&lt;c&gt;"))
                        .expect("Optional", t -> t.optional, Optional.of("&lt;d&gt;"))
                        .expect("map value", t -> t.values, Map.of("k", "&lt;e&gt;")),
                // the key is read by a key deserializer, not a String deserializer
                read("the key of a map entry is escaped like a map key", "{'entry':{'<k>':'<v>'}}", Pair.class)
                        .expect("value", p -> p.entry.getValue(), "&lt;v&gt;")
                        .expect("key", p -> p.entry.getKey(), "&lt;k&gt;"));
    }
}
