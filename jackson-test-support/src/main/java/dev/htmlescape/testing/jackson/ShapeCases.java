package dev.htmlescape.testing.jackson;

import static dev.htmlescape.testing.jackson.JsonBinding.json;
import static dev.htmlescape.testing.jackson.ReadCase.read;
import static dev.htmlescape.testing.jackson.ReadCase.readTree;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.htmlescape.Escaper;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Every place a String can land while JSON is read: the DTOs and the table. */
public final class ShapeCases {

    private ShapeCases() {
    }

    public static class Bean {
        public String field;
        public CharSequence sequence;
        private String viaSetter;

        public String getViaSetter() {
            return viaSetter;
        }

        public void setViaSetter(String viaSetter) {
            this.viaSetter = viaSetter;
        }
    }

    public static final class Created {
        final String name;
        final int count;

        @JsonCreator
        Created(@JsonProperty("name") String name, @JsonProperty("count") int count) {
            this.name = name;
            this.count = count;
        }
    }

    public record Comment(String author, String text, List<String> tags) {
    }

    public static final class Slug {
        final String value;

        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        Slug(String value) {
            this.value = value;
        }
    }

    public static class Containers {
        public String[] array;
        public List<String> list;
        public Set<String> set;
        public List<List<String>> nested;
        public Optional<String> optional;
        public Optional<String> empty;
    }

    public static class Maps {
        public Map<String, String> plain;
        public TreeMap<String, List<String>> sorted;
        public Map<String, Map<String, String>> nested;
        public Map<Integer, String> numbered;
    }

    public static class Untyped {
        public Object anything;
        public Map<String, Object> document;
        public List<Object> items;
    }

    /** A tree property; {@code N} is the line's {@code JsonNode} ({@link JsonTree} in the table). */
    public static class Tree<N> {
        public N node;
    }

    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
    @JsonSubTypes({@JsonSubTypes.Type(Note.class), @JsonSubTypes.Type(Link.class)})
    public interface Block {
    }

    @JsonTypeName("note&text")
    public static class Note implements Block {
        public String text;
    }

    @JsonTypeName("link")
    public record Link(String href, String label) implements Block {
    }

    public static class Name {
        public String first;
        public String last;
    }

    public static class Person {
        @JsonUnwrapped
        public Name name;
        public String city;
    }

    public static class Open {
        public String known;
        @JsonAnySetter
        public Map<String, String> rest = new LinkedHashMap<>();
    }

    public static class OpenViaMethod {
        final Map<String, Object> rest = new LinkedHashMap<>();

        @JsonAnySetter
        void put(String name, Object value) {
            rest.put(name, value);
        }
    }

    /** A bean made by a creator with an any-setter: the values it takes are buffered until it exists. */
    public static final class OpenCreated {
        final String id;
        final Map<String, Object> rest = new LinkedHashMap<>();

        @JsonCreator
        OpenCreated(@JsonProperty("id") String id) {
            this.id = id;
        }

        @JsonAnySetter
        void put(String name, Object value) {
            rest.put(name, value);
        }
    }

    public enum Mood {
        @JsonProperty("happy&glad")
        HAPPY,
        SAD
    }

    public static class Numbers {
        public Mood mood;
        public Map<Mood, String> byMood;
        public long big;
        public double ratio;
    }

    /** The table. */
    public static Stream<ReadCase<?>> cases() {
        return Stream.of(
                read("bean properties written through fields and setters",
                        "{'field':'<b>','viaSetter':'a&b','sequence':'<c>'}", Bean.class)
                        .expect("field", b -> b.field, "&lt;b&gt;")
                        .expect("CharSequence", b -> b.sequence, "&lt;c&gt;")
                        .expect("setter", b -> b.viaSetter, "a&amp;b"),
                read("creator parameters", "{'name':'<i>','count':3}", Created.class)
                        .expect("name", c -> c.name, "&lt;i&gt;")
                        .expect("count", c -> c.count, 3),
                read("record components", "{'author':'\\u003cscript>','text':'\\\"hi\\\"','tags':['<t>']}",
                        Comment.class)
                        .expect("record", c -> c, new Comment("&lt;script&gt;", "&#34;hi&#34;", List.of("&lt;t&gt;"))),
                read("the String of a delegating creator", "'<s>'", Slug.class)
                        .expect("value", s -> s.value, "&lt;s&gt;"),
                read("a root String", "'<r>'", String.class)
                        .expect("root", s -> s, "&lt;r&gt;"),
                read("arrays, collections, nested collections and Optionals",
                        "{'array':['<a>',null],'list':['<l>'],'set':['<s>'],'nested':[['<n>']],'optional':'<o>','empty':null}",
                        Containers.class)
                        .expect("array element", c -> List.of(c.array[0]), List.of("&lt;a&gt;"))
                        .expect("null array element", c -> c.array[1], null)
                        .expect("list", c -> c.list, List.of("&lt;l&gt;"))
                        .expect("set", c -> c.set, Set.of("&lt;s&gt;"))
                        .expect("nested", c -> c.nested, List.of(List.of("&lt;n&gt;")))
                        .expect("Optional", c -> c.optional, Optional.of("&lt;o&gt;"))
                        .expect("empty Optional", c -> c.empty, Optional.empty()),
                read("map values and keys at every level, in their order",
                        "{'plain':{'<k>':'<v>','z':'&'},'sorted':{'<b>':['<x>']},'nested':{'<o>':{'<i>':'<v>'}},'numbered':{'1':'<n>'}}",
                        Maps.class)
                        .expect("keys in the order read", m -> List.copyOf(m.plain.keySet()), List.of("&lt;k&gt;", "z"))
                        .expect("plain", m -> m.plain, Map.of("&lt;k&gt;", "&lt;v&gt;", "z", "&amp;"))
                        .expect("sorted", m -> m.sorted, Map.of("&lt;b&gt;", List.of("&lt;x&gt;")))
                        .expect("still a TreeMap", m -> m.sorted.getClass(), TreeMap.class)
                        .expect("nested", m -> m.nested, Map.of("&lt;o&gt;", Map.of("&lt;i&gt;", "&lt;v&gt;")))
                        .expect("numbered", m -> m.numbered, Map.of(1, "&lt;n&gt;")),
                read("map keys left when the escaper leaves them",
                        "{'plain':{'<k>':'<v>'},'nested':{'<o>':{'<i>':'<v>'}}}", Maps.class)
                        .with(Escaper.builder().escapeMapKeys(false).build())
                        .expect("plain", m -> m.plain, Map.of("<k>", "&lt;v&gt;"))
                        .expect("nested", m -> m.nested, Map.of("<o>", Map.of("<i>", "&lt;v&gt;"))),
                read("untyped values, keys included", "{'anything':{'<k>':['<v>',1,true,null]},"
                        + "'document':{'<d>':{'<e>':'<f>'}},'items':['<i>',{'<j>':2.5}]}", Untyped.class)
                        .expect("Object", u -> u.anything, Map.of("&lt;k&gt;", Arrays.asList("&lt;v&gt;", 1, true, null)))
                        .expect("Map<String, Object>", u -> u.document, Map.of("&lt;d&gt;", Map.of("&lt;e&gt;", "&lt;f&gt;")))
                        .expect("List<Object>", u -> u.items, List.of("&lt;i&gt;", Map.of("&lt;j&gt;", 2.5))),
                read("an untyped root String", "'<x>'", Object.class)
                        .expect("root", o -> o, "&lt;x&gt;"),
                readTree("JSON trees: values and property names", "{'<a>':['<b>',{'<c>':'<d>'},3],'e':'&'}")
                        .expect("tree", Object::toString, json("{'&lt;a&gt;':['&lt;b&gt;',{'&lt;c&gt;':'&lt;d&gt;'},3],'e':'&amp;'}")),
                ReadCase.readAsTree("a JsonNode root", "{'<a>':['<b>',{'<c>':'<d>'},3],'e':'&'}")
                        .expect("tree", Object::toString, json("{'&lt;a&gt;':['&lt;b&gt;',{'&lt;c&gt;':'&lt;d&gt;'},3],'e':'&amp;'}")),
                read("a tree property", "{'node':{'<x>':'<y>'}}", new TypeOf<Tree<JsonTree>>() { })
                        .expect("tree", t -> ((Tree<?>) t).node.toString(), json("{'&lt;x&gt;':'&lt;y&gt;'}")),
                readTree("a text tree", "'<s>'")
                        .expect("tree", Object::toString, json("'&lt;s&gt;'")),
                read("polymorphic subtypes, but never their type ids", "[{'kind':'note&text','text':'<n>'},"
                        + "{'kind':'link','href':'/a?b=1&c=2','label':'<l>'}]", new TypeOf<List<Block>>() { })
                        .expect("bean subtype", blocks -> ((Note) blocks.get(0)).text, "&lt;n&gt;")
                        .expect("record subtype", blocks -> blocks.get(1), new Link("/a?b=1&amp;c=2", "&lt;l&gt;")),
                read("unwrapped properties", "{'first':'<f>','last':'&','city':'<c>'}", Person.class)
                        .expect("first", p -> p.name.first, "&lt;f&gt;")
                        .expect("last", p -> p.name.last, "&amp;")
                        .expect("city", p -> p.city, "&lt;c&gt;"),
                read("the values and names an any-setter field takes", "{'known':'<k>','<x>':'<y>'}", Open.class)
                        .expect("known", o -> o.known, "&lt;k&gt;")
                        .expect("rest", o -> o.rest, Map.of("&lt;x&gt;", "&lt;y&gt;")),
                read("the values and names an any-setter method takes", "{'<x>':'<y>','n':{'<z>':1}}", OpenViaMethod.class)
                        .expect("rest", o -> o.rest, Map.of("&lt;x&gt;", "&lt;y&gt;", "n", Map.of("&lt;z&gt;", 1))),
                read("the values and names an any-setter takes before its bean's creator ran",
                        "{'<x>':'<y>','id':'<i>','<z>':['<w>']}", OpenCreated.class)
                        .expect("id", o -> o.id, "&lt;i&gt;")
                        .expect("rest", o -> o.rest, Map.of("&lt;x&gt;", "&lt;y&gt;", "&lt;z&gt;", List.of("&lt;w&gt;"))),
                read("enum names and numbers never", "{'mood':'happy&glad','byMood':{'SAD':'<s>'},'big':12345678901,'ratio':0.5}",
                        Numbers.class)
                        .expect("enum", n -> n.mood, Mood.HAPPY)
                        .expect("enum keys", n -> n.byMood, Map.of(Mood.SAD, "&lt;s&gt;"))
                        .expect("long", n -> n.big, 12345678901L)
                        .expect("double", n -> n.ratio, 0.5));
    }
}
