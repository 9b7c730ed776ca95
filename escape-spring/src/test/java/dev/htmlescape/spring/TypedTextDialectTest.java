package dev.htmlescape.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.owasp.encoder.Encode;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.StringTemplateResolver;

/**
 * Thymeleaf's {@code th:text} shows text this library escaped as it was typed, once encoded by
 * Thymeleaf itself: never double-encoded, and inert.
 */
class TypedTextDialectTest {

    // Spring's engine, as Boot configures it: SpEL, not OGNL
    private static String render(String template, Map<String, Object> variables, boolean withDialect) {
        TemplateEngine engine = new SpringTemplateEngine();
        StringTemplateResolver resolver = new StringTemplateResolver();
        resolver.setTemplateMode(TemplateMode.HTML);
        engine.setTemplateResolver(resolver);
        if (withDialect) {
            engine.addDialect(new TypedTextDialect());
        }
        return engine.process(template, new Context(null, variables));
    }

    /** Typed text, escaped by the library, then shown by {@code th:text}: the page's bytes for it. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', textBlock = """
            O'Brien                    | O&#39;Brien
            <script>alert(1)</script>  | &lt;script&gt;alert(1)&lt;/script&gt;
            a & b                      | a &amp; b
            ~say "hi"~                 | say &quot;hi&quot;
            &lt;b&gt; typed as entities | &amp;lt;b&amp;gt; typed as entities
            &amp;                      | &amp;amp;
            plain words                | plain words
            """)
    void showsEscapedTextAsTypedEncodedOnce(String typed, String written) {
        String escaped = Encode.forHtml(typed);

        assertThat(render("<p th:text=\"${v}\">x</p>", Map.of("v", escaped), true)).isEqualTo("<p>" + written + "</p>");
        // without the dialect Thymeleaf encodes the escaped text a second time
        if (!escaped.equals(typed)) {
            assertThat(render("<p th:text=\"${v}\">x</p>", Map.of("v", escaped), false)).isNotEqualTo("<p>" + written + "</p>");
        }
    }

    @Test
    void runsAfterTheStandardProcessorsThatComeBeforeText() {
        String page = render("<ul><li th:each=\"t : ${tags}\" th:if=\"${t != 'skip'}\" th:text=\"${t}\">x</li></ul>",
                Map.of("tags", List.of("O&#39;Brien", "skip", "&lt;i&gt;")), true);

        assertThat(page).isEqualTo("<ul><li>O&#39;Brien</li><li>&lt;i&gt;</li></ul>");
    }

    @Test
    void leavesUtextAndOtherTemplateModesAsTheyAre() {
        assertThat(render("<p th:utext=\"${v}\">x</p>", Map.of("v", "O&#39;Brien &lt;b&gt;"), true))
                .isEqualTo("<p>O&#39;Brien &lt;b&gt;</p>");

        TemplateEngine text = new SpringTemplateEngine();
        StringTemplateResolver resolver = new StringTemplateResolver();
        resolver.setTemplateMode(TemplateMode.TEXT);
        text.setTemplateResolver(resolver);
        text.addDialect(new TypedTextDialect());
        assertThat(text.process("[(${v})]", new Context(null, Map.of("v", "O&#39;Brien")))).isEqualTo("O&#39;Brien");
    }

    @Test
    void formFieldsOfAMutableBeanShowItsEscapedTextAsTypedEncodedOnce() {
        try (RunningApp app = new RunningApp()) {
            HttpResponse<String> page = app.http.get("/view/card?name=" + Http.encode("O'Brien <b>")
                    + "&notes=" + Http.encode("a & b"));

            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("<p id=\"text\">O&#39;Brien &lt;b&gt;</p>")
                    .contains("<input id=\"card-field\" name=\"name\" value=\"O&#39;Brien &lt;b&gt;\">")
                    .contains(">a &amp; b</textarea>");
        }
    }

    @Test
    void formFieldsTheLibraryLeavesAloneAreShownAsTheyAre() {
        try (RunningApp app = new RunningApp()) {
            // @NoEscape and a credential's name: what they hold is shown as it is, references included
            HttpResponse<String> page = app.http.get("/view/card?name=x&markup=" + Http.encode("a&amp;b")
                    + "&password=" + Http.encode("p&amp;1"));

            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("<input id=\"card-markup\" name=\"markup\" value=\"a&amp;amp;b\">")
                    .contains("<input id=\"card-password\" name=\"password\" value=\"p&amp;amp;1\">");
        }
    }

    @Test
    void aFormShownAgainAfterAValidationErrorShowsEveryFieldAsTyped() {
        try (RunningApp app = new RunningApp()) {
            HttpResponse<String> page = app.http.postForm("/view/card", "name", "O'Brien <b>", "notes", "a & b");

            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("<p id=\"errors\">invalid</p>")
                    .contains("value=\"O&#39;Brien &lt;b&gt;\"")
                    .contains(">a &amp; b</textarea>");
        }
    }

    @Test
    void aPageOfTheApplicationShowsBoundTextAsTyped() {
        try (RunningApp app = new RunningApp()) {
            HttpResponse<String> page = app.http.get("/view/person?name=" + Http.encode("O'Brien <b>")
                    + "&note=" + Http.encode("<i>x</i>") + "&tags=" + Http.encode("a&b"));

            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("<p id=\"name\">O&#39;Brien &lt;b&gt;</p>")
                    .contains("<p id=\"note\">&lt;i&gt;x&lt;/i&gt;</p>")
                    .contains("<li>a&amp;b</li>")
                    // th:field writes the value as it is: a browser shows the escaped text as typed and sends that back
                    .contains("<input id=\"name-field\" name=\"name\" value=\"O&#39;Brien &lt;b&gt;\">");
        }
    }
}
