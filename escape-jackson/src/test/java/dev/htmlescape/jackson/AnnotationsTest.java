package dev.htmlescape.jackson;

import static dev.htmlescape.jackson.Mappers.json;
import static dev.htmlescape.jackson.Mappers.mapperWithModule;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.htmlescape.Escape;
import dev.htmlescape.EscapeContext;
import dev.htmlescape.NoEscape;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The core annotations, wherever Jackson finds a property. */
class AnnotationsTest {

    public static class OnFieldsAndSetters {
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
        public JsonNode rawTree;

        public String getRawSetter() {
            return rawSetter;
        }

        @NoEscape
        public void setRawSetter(String rawSetter) {
            this.rawSetter = rawSetter;
        }
    }

    @Test
    void fieldAndSetterAnnotationsChooseTheContextOrLeaveTheValue() {
        OnFieldsAndSetters read = mapperWithModule().readValue(json("{'escaped':'<e>','rawField':'<f>',"
                + "'rawSetter':'<s>','script':'\\u0027','queries':['a b'],'rawMap':{'<k>':'<v>'},"
                + "'untyped':{'<k>':['<v>']},'rawTree':{'<k>':'<v>'}}"), OnFieldsAndSetters.class);

        assertEquals("&lt;e&gt;", read.escaped);
        assertEquals("<f>", read.rawField);
        assertEquals("<s>", read.rawSetter);
        assertEquals("\\x27", read.script);
        assertEquals(List.of("a%20b"), read.queries);
        assertEquals(Map.of("<k>", "<v>"), read.rawMap);
        assertEquals(Map.of("\\x3ck\\x3e", List.of("\\x3cv\\x3e")), read.untyped);
        assertEquals(json("{'<k>':'<v>'}"), read.rawTree.toString());
    }

    public record Login(String user, @NoEscape String password, @Escape(EscapeContext.HTML_CONTENT) String note) {
    }

    @Test
    void recordComponentAnnotationsAreHonoured() {
        Login login = mapperWithModule().readValue(json("{'user':'<u>','password':'<p>','note':'\\u0027'}"), Login.class);

        assertEquals(new Login("&lt;u&gt;", "<p>", "'"), login);
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

    @Test
    void creatorParameterAnnotationsAreHonoured() {
        Signed signed = mapperWithModule().readValue(json("{'body':'<b>','signature':'<s>'}"), Signed.class);

        assertEquals("&lt;b&gt;", signed.body);
        assertEquals("<s>", signed.signature);
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

    @Test
    void typeAnnotationsApplyToThePropertiesTheTypeDeclares() {
        Page page = mapperWithModule().readValue(json("{'body':{'html':'<p>'},"
                + "'link':{'title':'a>b','href':'a b'},'heading':'<h>'}"), Page.class);

        assertEquals("<p>", page.body.html);
        assertEquals("a>b", page.link.title, "HTML_ATTRIBUTE leaves > alone");
        assertEquals("a%20b", page.link.href, "the field wins over its type");
        assertEquals("&lt;h&gt;", page.heading);
    }

    public static class Base {
        public String inherited;
    }

    @NoEscape
    public static class RawSubclass extends Base {
        public String own;
    }

    @Test
    void anAnnotationOnTheClassReadCoversInheritedProperties() {
        RawSubclass read = mapperWithModule().readValue(json("{'inherited':'<i>','own':'<o>'}"), RawSubclass.class);

        assertEquals("<i>", read.inherited);
        assertEquals("<o>", read.own);
    }
}
