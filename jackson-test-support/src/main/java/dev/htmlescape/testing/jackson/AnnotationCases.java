package dev.htmlescape.testing.jackson;

import static dev.htmlescape.testing.jackson.JsonBinding.json;
import static dev.htmlescape.testing.jackson.ReadCase.read;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.htmlescape.Escape;
import dev.htmlescape.EscapeContext;
import dev.htmlescape.NoEscape;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The core annotations, wherever Jackson finds a property: the DTOs and the table. */
public final class AnnotationCases {

    private AnnotationCases() {
    }

    /** {@code N} is the line's {@code JsonNode}. */
    public static class OnFieldsAndSetters<N> {
        public String escaped;
        @NoEscape
        public String rawField;
        private String rawSetter;
        @Escape(EscapeContext.JAVASCRIPT)
        public String script;
        @Escape(EscapeContext.URI_COMPONENT)
        public List<String> queries;
        @NoEscape
        public Map<String, String> rawMap;
        @Escape(EscapeContext.JAVASCRIPT)
        public Object untyped;
        @NoEscape
        public N rawTree;

        public String getRawSetter() {
            return rawSetter;
        }

        @NoEscape
        public void setRawSetter(String rawSetter) {
            this.rawSetter = rawSetter;
        }
    }

    public record Login(String user, @NoEscape String password, @Escape(EscapeContext.HTML_CONTENT) String note) {
    }

    public static final class Signed {
        final String body;
        final String signature;

        @JsonCreator
        Signed(@JsonProperty("body") String body, @JsonProperty("signature") @NoEscape String signature) {
            this.body = body;
            this.signature = signature;
        }
    }

    @NoEscape
    public static class RawHtml {
        public String html;
    }

    @Escape(EscapeContext.HTML_ATTRIBUTE)
    public static class Attributes {
        public String title;
        @Escape(EscapeContext.URI_COMPONENT)
        public String href;
    }

    public static class Page {
        public RawHtml body;
        public Attributes link;
        public String heading;
    }

    public static class Base {
        public String inherited;
    }

    @NoEscape
    public static class RawSubclass extends Base {
        public String own;
    }

    /** A class made from a String whose creator parameter or type says how. */
    public static final class RawToken {
        final String value;

        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        RawToken(@NoEscape String value) {
            this.value = value;
        }
    }

    @Escape(EscapeContext.URI_COMPONENT)
    public static final class QueryPart {
        final String value;

        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        QueryPart(String value) {
            this.value = value;
        }
    }

    /** The table. */
    public static Stream<ReadCase<?>> cases() {
        return Stream.of(
                read("field and setter annotations choose the context or leave the value",
                        "{'escaped':'<e>','rawField':'<f>','rawSetter':'<s>','script':'\\u0027','queries':['a b'],"
                                + "'rawMap':{'<k>':'<v>'},'untyped':{'<k>':['<v>']},'rawTree':{'<k>':'<v>'}}",
                        new TypeOf<OnFieldsAndSetters<JsonTree>>() { })
                        .expect("escaped", r -> r.escaped, "&lt;e&gt;")
                        .expect("@NoEscape field", r -> r.rawField, "<f>")
                        .expect("@NoEscape setter", r -> r.rawSetter, "<s>")
                        .expect("@Escape(JAVASCRIPT)", r -> r.script, "\\x27")
                        .expect("@Escape on a list", r -> r.queries, List.of("a%20b"))
                        .expect("@NoEscape map", r -> r.rawMap, Map.of("<k>", "<v>"))
                        .expect("@Escape on an untyped value", r -> r.untyped, Map.of("\\x3ck\\x3e", List.of("\\x3cv\\x3e")))
                        .expect("@NoEscape tree", r -> ((OnFieldsAndSetters<?>) r).rawTree.toString(), json("{'<k>':'<v>'}")),
                read("record component annotations are honoured", "{'user':'<u>','password':'<p>','note':'\\u0027'}",
                        Login.class)
                        .expect("record", l -> l, new Login("&lt;u&gt;", "<p>", "'")),
                read("creator parameter annotations are honoured", "{'body':'<b>','signature':'<s>'}", Signed.class)
                        .expect("body", s -> s.body, "&lt;b&gt;")
                        .expect("@NoEscape parameter", s -> s.signature, "<s>"),
                read("type annotations apply to the properties the type declares",
                        "{'body':{'html':'<p>'},'link':{'title':'a>b','href':'a b'},'heading':'<h>'}", Page.class)
                        .expect("@NoEscape type", p -> p.body.html, "<p>")
                        .expect("HTML_ATTRIBUTE leaves > alone", p -> p.link.title, "a>b")
                        .expect("the field wins over its type", p -> p.link.href, "a%20b")
                        .expect("unannotated", p -> p.heading, "&lt;h&gt;"),
                read("an annotation on the class read covers inherited properties", "{'inherited':'<i>','own':'<o>'}",
                        RawSubclass.class)
                        .expect("inherited", r -> r.inherited, "<i>")
                        .expect("own", r -> r.own, "<o>"),
                read("a single-String creator's parameter annotation is honoured", "'<t>'", RawToken.class)
                        .expect("value", t -> t.value, "<t>"),
                read("a single-String creator's class annotation is honoured", "'a b'", QueryPart.class)
                        .expect("value", q -> q.value, "a%20b"));
    }
}
