package dev.htmlescape.jackson;

import static dev.htmlescape.jackson.Mappers.json;
import static dev.htmlescape.jackson.Mappers.mapperWithModule;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.htmlescape.Escaper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Every place a String can land while JSON is read. */
class ShapesTest {

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

    @Test
    void escapesBeanPropertiesWrittenThroughFieldsAndSetters() {
        Bean bean = mapperWithModule().readValue(json("{'field':'<b>','viaSetter':'a&b','sequence':'<c>'}"),
                Bean.class);

        assertEquals("&lt;b&gt;", bean.field);
        assertEquals("&lt;c&gt;", bean.sequence);
        assertEquals("a&amp;b", bean.viaSetter);
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

    @Test
    void escapesCreatorParameters() {
        Created created = mapperWithModule().readValue(json("{'name':'<i>','count':3}"), Created.class);

        assertEquals("&lt;i&gt;", created.name);
        assertEquals(3, created.count);
    }

    public record Comment(String author, String text, List<String> tags) {
    }

    @Test
    void escapesRecordComponents() {
        Comment comment = mapperWithModule().readValue(
                json("{'author':'\\u003cscript>','text':'\\\"hi\\\"','tags':['<t>']}"), Comment.class);

        assertEquals(new Comment("&lt;script&gt;", "&#34;hi&#34;", List.of("&lt;t&gt;")), comment);
    }

    public static final class Slug {
        final String value;

        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        Slug(String value) {
            this.value = value;
        }
    }

    @Test
    void escapesTheStringOfADelegatingCreator() {
        assertEquals("&lt;s&gt;", mapperWithModule().readValue(json("'<s>'"), Slug.class).value);
    }

    @Test
    void escapesARootString() {
        assertEquals("&lt;r&gt;", mapperWithModule().readValue(json("'<r>'"), String.class));
    }

    public static class Containers {
        public String[] array;
        public List<String> list;
        public Set<String> set;
        public List<List<String>> nested;
        public Optional<String> optional;
        public Optional<String> empty;
    }

    @Test
    void escapesArraysCollectionsNestedCollectionsAndOptionals() {
        Containers containers = mapperWithModule().readValue(json("{'array':['<a>',null],'list':['<l>'],"
                + "'set':['<s>'],'nested':[['<n>']],'optional':'<o>','empty':null}"), Containers.class);

        assertEquals(List.of("&lt;a&gt;"), List.of(containers.array[0]));
        assertEquals(null, containers.array[1]);
        assertEquals(List.of("&lt;l&gt;"), containers.list);
        assertEquals(Set.of("&lt;s&gt;"), containers.set);
        assertEquals(List.of(List.of("&lt;n&gt;")), containers.nested);
        assertEquals(Optional.of("&lt;o&gt;"), containers.optional);
        assertEquals(Optional.empty(), containers.empty);
    }

    public static class Maps {
        public Map<String, String> plain;
        public TreeMap<String, List<String>> sorted;
        public Map<String, Map<String, String>> nested;
        public Map<Integer, String> numbered;
    }

    @Test
    void escapesMapValuesAndKeysAtEveryLevelInTheirOrder() {
        Maps maps = mapperWithModule().readValue(json("{'plain':{'<k>':'<v>','z':'&'},"
                + "'sorted':{'<b>':['<x>']},'nested':{'<o>':{'<i>':'<v>'}},'numbered':{'1':'<n>'}}"), Maps.class);

        assertEquals(List.of("&lt;k&gt;", "z"), List.copyOf(maps.plain.keySet()), "keys in the order read");
        assertEquals(Map.of("&lt;k&gt;", "&lt;v&gt;", "z", "&amp;"), maps.plain);
        assertEquals(Map.of("&lt;b&gt;", List.of("&lt;x&gt;")), maps.sorted);
        assertInstanceOf(TreeMap.class, maps.sorted);
        assertEquals(Map.of("&lt;o&gt;", Map.of("&lt;i&gt;", "&lt;v&gt;")), maps.nested);
        assertEquals(Map.of(1, "&lt;n&gt;"), maps.numbered);
    }

    @Test
    void leavesMapKeysWhenTheEscaperLeavesThem() {
        Maps maps = Mappers.mapperWithModule(Escaper.builder().escapeMapKeys(false).build())
                .readValue(json("{'plain':{'<k>':'<v>'},'nested':{'<o>':{'<i>':'<v>'}}}"), Maps.class);

        assertEquals(Map.of("<k>", "&lt;v&gt;"), maps.plain);
        assertEquals(Map.of("<o>", Map.of("<i>", "&lt;v&gt;")), maps.nested);
    }

    public static class Untyped {
        public Object anything;
        public Map<String, Object> document;
        public List<Object> items;
    }

    @Test
    void escapesUntypedValuesKeysIncluded() {
        Untyped untyped = mapperWithModule().readValue(json("{'anything':{'<k>':['<v>',1,true,null]},"
                + "'document':{'<d>':{'<e>':'<f>'}},'items':['<i>',{'<j>':2.5}]}"), Untyped.class);

        assertEquals(Map.of("&lt;k&gt;", java.util.Arrays.asList("&lt;v&gt;", 1, true, null)), untyped.anything);
        assertEquals(Map.of("&lt;d&gt;", Map.of("&lt;e&gt;", "&lt;f&gt;")), untyped.document);
        assertEquals(List.of("&lt;i&gt;", Map.of("&lt;j&gt;", 2.5)), untyped.items);
        assertEquals("&lt;x&gt;", mapperWithModule().readValue(json("'<x>'"), Object.class));
    }

    public static class Tree {
        public JsonNode node;
    }

    @Test
    void escapesJsonTreesValuesAndPropertyNames() {
        JsonNode root = mapperWithModule().readTree(json("{'<a>':['<b>',{'<c>':'<d>'},3],'e':'&'}"));
        Tree tree = mapperWithModule().readValue(json("{'node':{'<x>':'<y>'}}"), Tree.class);

        assertEquals(json("{'&lt;a&gt;':['&lt;b&gt;',{'&lt;c&gt;':'&lt;d&gt;'},3],'e':'&amp;'}"), root.toString());
        assertEquals(json("{'&lt;x&gt;':'&lt;y&gt;'}"), tree.node.toString());
        assertEquals(json("'&lt;s&gt;'"), mapperWithModule().readTree(json("'<s>'")).toString());
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

    @Test
    void escapesPolymorphicSubtypesButNeverTheirTypeIds() {
        List<Block> blocks = mapperWithModule().readValue(json("[{'kind':'note&text','text':'<n>'},"
                + "{'kind':'link','href':'/a?b=1&c=2','label':'<l>'}]"),
                mapperWithModule().getTypeFactory().constructCollectionType(List.class, Block.class));

        assertEquals("&lt;n&gt;", ((Note) blocks.get(0)).text);
        assertEquals(new Link("/a?b=1&amp;c=2", "&lt;l&gt;"), blocks.get(1));
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

    @Test
    void escapesUnwrappedProperties() {
        Person person = mapperWithModule().readValue(json("{'first':'<f>','last':'&','city':'<c>'}"), Person.class);

        assertEquals("&lt;f&gt;", person.name.first);
        assertEquals("&amp;", person.name.last);
        assertEquals("&lt;c&gt;", person.city);
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

    @Test
    void escapesTheValuesAndNamesThatAnAnySetterTakes() {
        Open open = mapperWithModule().readValue(json("{'known':'<k>','<x>':'<y>'}"), Open.class);
        OpenViaMethod method = mapperWithModule().readValue(json("{'<x>':'<y>','n':{'<z>':1}}"), OpenViaMethod.class);

        assertEquals("&lt;k&gt;", open.known);
        assertEquals(Map.of("&lt;x&gt;", "&lt;y&gt;"), open.rest);
        assertEquals(Map.of("&lt;x&gt;", "&lt;y&gt;", "n", Map.of("&lt;z&gt;", 1)), method.rest);
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

    @Test
    void neverEscapesEnumNamesOrNumbers() {
        Numbers numbers = mapperWithModule().readValue(
                json("{'mood':'happy&glad','byMood':{'SAD':'<s>'},'big':12345678901,'ratio':0.5}"), Numbers.class);

        assertEquals(Mood.HAPPY, numbers.mood);
        assertEquals(Map.of(Mood.SAD, "&lt;s&gt;"), numbers.byMood);
        assertEquals(12345678901L, numbers.big);
        assertEquals(0.5, numbers.ratio);
    }
}
