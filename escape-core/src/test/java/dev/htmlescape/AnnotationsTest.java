package dev.htmlescape;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.owasp.encoder.Encode;

/** Contract point 9: @NoEscape and @Escape on fields, record components and types. */
class AnnotationsTest {

    private static final String NASTY = "<a href='x'>&\"\\ ${}";

    static class Dto {
        String name;

        Dto(String name) {
            this.name = name;
        }
    }

    static class Login {
        String user;
        @NoEscape
        String password;
        @NoEscape
        Dto excludedDto;
        @NoEscape
        List<String> excludedList;
    }

    record Credentials(String user, @NoEscape String password, @NoEscape List<String> history) {
    }

    @NoEscape
    static class Untouchable {
        String text;

        Untouchable(String text) {
            this.text = text;
        }
    }

    @NoEscape
    record UntouchableRecord(String text) {
    }

    static class Aliasing {
        @NoEscape
        Dto hidden;
        Dto visible;
    }

    static class Widget {
        String title;
        @Escape(EscapeContext.JAVASCRIPT)
        String script;
        @Escape(EscapeContext.URI_COMPONENT)
        String query;
    }

    record Link(String title, @Escape(EscapeContext.HTML_ATTRIBUTE) String href,
            @Escape(EscapeContext.JAVASCRIPT) List<String> handlers) {
    }

    @Escape(EscapeContext.HTML_ATTRIBUTE)
    static class Attributes {
        String title;
        @Escape(EscapeContext.URI_COMPONENT)
        String query;
        @Escape(EscapeContext.HTML)
        String html;
        List<String> classes = new ArrayList<>();
        Dto nested;
    }

    @Escape(EscapeContext.JAVASCRIPT)
    record ScriptRecord(String code, @Escape(EscapeContext.HTML_CONTENT) String comment) {
    }

    static class Plain {
        String inherited;
    }

    @Escape(EscapeContext.HTML_CONTENT)
    static class AnnotatedSubclass extends Plain {
        String own;
    }

    @NoEscape
    static class RawTags extends ArrayList<String> {
        private static final long serialVersionUID = 1L;
    }

    static class TagsHolder {
        RawTags raw = new RawTags();
        List<String> cooked = new ArrayList<>();
    }

    static class Containers {
        @Escape(EscapeContext.JAVASCRIPT)
        List<String> list = new ArrayList<>();
        @Escape(EscapeContext.JAVASCRIPT)
        Map<String, String> map = new LinkedHashMap<>();
        @Escape(EscapeContext.JAVASCRIPT)
        String[] array;
        @Escape(EscapeContext.JAVASCRIPT)
        Optional<String> optional;
        @Escape(EscapeContext.JAVASCRIPT)
        List<List<String>> nested = new ArrayList<>();
        @Escape(EscapeContext.JAVASCRIPT)
        Map<String, List<String>> mapOfLists = new LinkedHashMap<>();
        @Escape(EscapeContext.JAVASCRIPT)
        List<Dto> dtos = new ArrayList<>();
        @Escape(EscapeContext.JAVASCRIPT)
        Dto dto;
        @Escape(EscapeContext.JAVASCRIPT)
        List<String> immutable;
        List<String> plain = new ArrayList<>();
    }

    @Test
    void noEscapeFieldIsNeitherEscapedNorEntered() {
        Login login = new Login();
        login.user = "<u>";
        login.password = "<p>&";
        login.excludedDto = new Dto("<d>");
        login.excludedList = new ArrayList<>(List.of("<l>"));

        Escaper.escape(login);

        assertEquals("&lt;u&gt;", login.user);
        assertEquals("<p>&", login.password);
        assertEquals("<d>", login.excludedDto.name);
        assertEquals(List.of("<l>"), login.excludedList);
    }

    @Test
    void noEscapeRecordComponentIsKeptAsItIsInTheRebuiltRecord() {
        List<String> history = List.of("<h>");
        Credentials credentials = new Credentials("<u>", "<p>", history);

        Credentials escaped = Escaper.escape(credentials);

        assertEquals("&lt;u&gt;", escaped.user());
        assertEquals("<p>", escaped.password());
        assertSame(history, escaped.history());
    }

    @Test
    void recordWhoseOnlyTextIsNoEscapeIsReturnedAsTheSameInstance() {
        Credentials credentials = new Credentials("user", "<p>", List.of("<h>"));

        assertSame(credentials, Escaper.escape(credentials));
    }

    @Test
    void noEscapeTypeIsNeverEntered() {
        Untouchable plain = new Untouchable("<t>");
        UntouchableRecord record = new UntouchableRecord("<r>");
        List<Object> list = new ArrayList<>(List.of(plain, record, "<s>"));

        Escaper.escape(list);

        assertSame(plain, list.get(0));
        assertEquals("<t>", plain.text);
        assertSame(record, list.get(1));
        assertEquals("<r>", record.text());
        assertEquals("&lt;s&gt;", list.get(2));
        assertSame(plain, Escaper.escape(plain));
        assertSame(record, Escaper.escape(record));
    }

    @Test
    void objectBehindNoEscapeFieldIsStillEscapedWhenAlsoReachableOtherwise() {
        Dto shared = new Dto("<b>");
        Aliasing aliasing = new Aliasing();
        aliasing.hidden = shared;
        aliasing.visible = shared;

        Escaper.escape(aliasing);

        assertEquals("&lt;b&gt;", shared.name);
    }

    @Test
    void escapeOnFieldPicksTheContextOfThatField() {
        Widget widget = new Widget();
        widget.title = NASTY;
        widget.script = NASTY;
        widget.query = NASTY;

        Escaper.escape(widget);

        assertEquals(Encode.forHtml(NASTY), widget.title);
        assertEquals(Encode.forJavaScript(NASTY), widget.script);
        assertEquals(Encode.forUriComponent(NASTY), widget.query);
    }

    @Test
    void escapeOnRecordComponentPicksTheContextOfThatComponentAndItsContainer() {
        Link link = new Link(NASTY, NASTY, List.of(NASTY));

        Link escaped = Escaper.escape(link);

        assertEquals(Encode.forHtml(NASTY), escaped.title());
        assertEquals(Encode.forHtmlAttribute(NASTY), escaped.href());
        assertEquals(List.of(Encode.forJavaScript(NASTY)), escaped.handlers());
    }

    @Test
    void escapeOnTypeIsTheDefaultForItsFieldsAndTheFieldAnnotationWins() {
        Attributes attributes = new Attributes();
        attributes.title = NASTY;
        attributes.query = NASTY;
        attributes.html = NASTY;
        attributes.classes.add(NASTY);
        attributes.nested = new Dto(NASTY);

        Escaper.escape(attributes);

        assertEquals(Encode.forHtmlAttribute(NASTY), attributes.title);
        assertEquals(Encode.forUriComponent(NASTY), attributes.query);
        assertEquals(Encode.forHtml(NASTY), attributes.html);
        assertEquals(List.of(Encode.forHtmlAttribute(NASTY)), attributes.classes);
        assertEquals(Encode.forHtml(NASTY), attributes.nested.name, "another class follows its own annotations");
    }

    @Test
    void escapeOnRecordTypeIsTheDefaultForItsComponentsAndTheComponentAnnotationWins() {
        ScriptRecord escaped = Escaper.escape(new ScriptRecord(NASTY, NASTY));

        assertEquals(Encode.forJavaScript(NASTY), escaped.code());
        assertEquals(Encode.forHtmlContent(NASTY), escaped.comment());
    }

    @Test
    void annotationWinsOverTheBuilderDefaultContext() {
        Escaper escaper = Escaper.builder().defaultContext(EscapeContext.XML).build();
        Widget widget = new Widget();
        widget.title = NASTY;
        widget.script = NASTY;
        Attributes attributes = new Attributes();
        attributes.title = NASTY;
        attributes.html = NASTY;
        attributes.nested = new Dto(NASTY);

        escaper.escapeGraph(widget);
        escaper.escapeGraph(attributes);

        assertEquals(Encode.forXml(NASTY), widget.title);
        assertEquals(Encode.forJavaScript(NASTY), widget.script);
        assertEquals(Encode.forHtmlAttribute(NASTY), attributes.title);
        assertEquals(Encode.forHtml(NASTY), attributes.html);
        assertEquals(Encode.forXml(NASTY), attributes.nested.name);
    }

    @Test
    void escapeOnContainerFieldAppliesToItsStringsButNotToObjectsItHolds() {
        Containers containers = new Containers();
        containers.list.add(NASTY);
        containers.map.put(NASTY, NASTY);
        containers.array = new String[] {NASTY};
        containers.optional = Optional.of(NASTY);
        containers.nested.add(new ArrayList<>(List.of(NASTY)));
        containers.mapOfLists.put("k", new ArrayList<>(List.of(NASTY)));
        containers.dtos.add(new Dto(NASTY));
        containers.dto = new Dto(NASTY);
        containers.immutable = List.of(NASTY);
        containers.plain.add(NASTY);
        String js = Encode.forJavaScript(NASTY);

        Escaper.escape(containers);

        assertEquals(List.of(js), containers.list);
        assertEquals(Map.of(js, js), containers.map, "map keys and values");
        assertArrayEquals(new String[] {js}, containers.array);
        assertEquals(Optional.of(js), containers.optional);
        assertEquals(List.of(List.of(js)), containers.nested);
        assertEquals(Map.of("k", List.of(js)), containers.mapOfLists);
        assertEquals(List.of(js), containers.immutable);
        assertEquals(Encode.forHtml(NASTY), containers.dtos.get(0).name);
        assertEquals(Encode.forHtml(NASTY), containers.dto.name);
        assertEquals(List.of(Encode.forHtml(NASTY)), containers.plain);
    }

    @Test
    void escapeOnSubclassCoversTheFieldsItInheritsFromAnUnannotatedSuperclass() {
        AnnotatedSubclass value = new AnnotatedSubclass();
        value.inherited = NASTY;
        value.own = NASTY;

        Escaper.escape(value);

        assertEquals(Encode.forHtmlContent(NASTY), value.own);
        assertEquals(Encode.forHtmlContent(NASTY), value.inherited);
    }

    @Test
    void noEscapeOnAContainerTypeKeepsItsElementsRaw() {
        TagsHolder holder = new TagsHolder();
        holder.raw.add("<r>");
        holder.cooked.add("<c>");

        Escaper.escape(holder);

        assertEquals(List.of("<r>"), holder.raw);
        assertEquals(List.of("&lt;c&gt;"), holder.cooked);
    }
}
