package dev.htmlescape.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.htmlescape.spring.InputsApplication.Received;
import dev.htmlescape.spring.InputsController.Comment;
import dev.htmlescape.spring.InputsController.Login;
import dev.htmlescape.spring.InputsController.Person;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.owasp.encoder.Encode;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.util.MultiValueMap;

/**
 * Every input source of a Spring MVC controller, sent over real HTTP: each String arrives escaped
 * exactly once ({@code &} becomes {@code &amp;}, never {@code &amp;amp;}).
 */
@SpringBootTest(classes = InputsApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class EscapesEveryInputSourceTest {

    /** Text with every character HTML escaping changes. */
    static final String TYPED = "Tom & Jerry <b>\"hi\"</b> 'x'";
    static final String ESCAPED = "Tom &amp; Jerry &lt;b&gt;&#34;hi&#34;&lt;/b&gt; &#39;x&#39;";

    @LocalServerPort
    int port;

    @Autowired
    Received received;

    @Autowired
    RequestInputEscaper inputs;

    Http http;

    @BeforeEach
    void setUp() {
        http = new Http(port);
        received.clear();
    }

    /** {@code text} as a JSON string literal. */
    static String json(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    @Test
    void escapesJsonBodyIntoBeanWithNestedListMapAndRecord() {
        String body = "{\"author\":" + json(TYPED) + ",\"text\":" + json(TYPED) + ",\"tags\":[" + json(TYPED) + "],"
                + "\"attributes\":{" + json(TYPED) + ":" + json(TYPED) + "},"
                + "\"person\":{\"name\":\"O'Brien\",\"note\":" + json(TYPED) + "}}";

        assertThat(http.postJson("/json/comment", body).statusCode()).isEqualTo(200);

        Comment comment = (Comment) received.get("comment");
        assertThat(comment.getAuthor()).isEqualTo(ESCAPED);
        assertThat(comment.getText()).isEqualTo(ESCAPED);
        assertThat(comment.getTags()).containsExactly(ESCAPED);
        assertThat(comment.getAttributes()).containsExactly(Map.entry(ESCAPED, ESCAPED));
        assertThat(comment.getPerson()).isEqualTo(new Person("O&#39;Brien", ESCAPED));
    }

    @Test
    void validatesJsonRecordOnTypedTextThenStoresItEscaped() {
        HttpResponse<String> response = http.postJson("/json/person", "{\"name\":\"O'Brien\",\"note\":\"a & b\"}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(received.get("person")).isEqualTo(new Person("O&#39;Brien", "a &amp; b"));
    }

    @Test
    void escapesHttpEntityBody() {
        assertThat(http.postJson("/json/entity", "{\"name\":\"O'Brien\",\"note\":" + json(TYPED) + "}").statusCode())
                .isEqualTo(200);

        assertThat(received.get("entity")).isEqualTo(new Person("O&#39;Brien", ESCAPED));
    }

    @Test
    void escapesFormUrlEncodedBodyReadIntoMultiValueMap() {
        assertThat(http.postForm("/form-body", "note", TYPED, "note", "a & b").statusCode()).isEqualTo(200);

        @SuppressWarnings("unchecked")
        MultiValueMap<String, String> form = (MultiValueMap<String, String>) received.get("formBody");
        assertThat(form.get("note")).containsExactly(ESCAPED, "a &amp; b");
    }

    @Test
    void escapesPlainTextBodyReadIntoString() {
        assertThat(http.post("/text", "text/plain;charset=UTF-8", TYPED).statusCode()).isEqualTo(200);

        assertThat(received.get("text")).isEqualTo(ESCAPED);
    }

    @Test
    void escapesFormBoundIntoBeanWithIndexedAndKeyedProperties() {
        HttpResponse<String> response = http.postForm("/form/comment", "author", TYPED, "tags[0]", TYPED,
                "attributes[color]", TYPED);

        assertThat(response.statusCode()).isEqualTo(200);
        Comment comment = (Comment) received.get("formComment");
        assertThat(comment.getAuthor()).isEqualTo(ESCAPED);
        assertThat(comment.getTags()).containsExactly(ESCAPED);
        assertThat(comment.getAttributes()).containsExactly(Map.entry("color", ESCAPED));
    }

    @Test
    void validatesFormBoundRecordOnTypedTextThenStoresItEscaped() {
        assertThat(http.postForm("/form/person", "name", "O'Brien", "note", TYPED).statusCode()).isEqualTo(200);

        assertThat(received.get("formPerson")).isEqualTo(new Person("O&#39;Brien", ESCAPED));
    }

    @Test
    void putsTheRebuiltRecordIntoTheModelInPlaceOfTheBoundOne() {
        assertThat(http.postForm("/form/person-and-model", "name", "<b>").statusCode()).isEqualTo(200);

        assertThat(received.get("modelPerson")).isEqualTo(new Person("&lt;b&gt;", null));
    }

    @Test
    void validatesQueryBoundRecordOnTypedTextThenStoresItEscaped() {
        assertThat(http.get("/query/person?" + Http.form("name", "O'Brien", "note", TYPED)).statusCode())
                .isEqualTo(200);

        assertThat(received.get("queryPerson")).isEqualTo(new Person("O&#39;Brien", ESCAPED));
    }

    @Test
    void escapesRequestParameterAndOptionalParameter() {
        assertThat(http.get("/param?" + Http.form("name", TYPED, "nickname", "<i>")).statusCode()).isEqualTo(200);

        assertThat(received.get("param")).isEqualTo(ESCAPED);
        assertThat(received.get("optionalParam")).isEqualTo(Optional.of("&lt;i&gt;"));
    }

    @Test
    void escapesRequestParameterList() {
        assertThat(http.get("/param/list?" + Http.form("tag", TYPED, "tag", "a & b")).statusCode()).isEqualTo(200);

        assertThat(received.get("paramList")).isEqualTo(List.of(ESCAPED, "a &amp; b"));
    }

    @Test
    void escapesRequestParameterMapKeysAndValues() {
        assertThat(http.get("/param/map?" + Http.form("<k>", TYPED)).statusCode()).isEqualTo(200);

        assertThat(received.get("paramMap")).isEqualTo(Map.of("&lt;k&gt;", ESCAPED));
    }

    @Test
    void validatesConstrainedParameterOnTypedTextThenStoresItEscaped() {
        assertThat(http.get("/param/validated?name=" + Http.encode("O'Brien")).statusCode()).isEqualTo(200);
        assertThat(received.get("validatedParam")).isEqualTo("O&#39;Brien");

        assertThat(http.get("/param/validated?name=" + Http.encode("<b>")).statusCode()).isEqualTo(400);
    }

    @Test
    void escapesForTheContextThatTheParameterChooses() {
        assertThat(http.get("/param/script?value=" + Http.encode("it's")).statusCode()).isEqualTo(200);

        assertThat(received.get("scriptParam")).isEqualTo(Encode.forJavaScript("it's"))
                .isNotEqualTo("it&#39;s");
    }

    @Test
    void escapesPathVariable() {
        // no slash: Tomcat refuses an encoded one in a path
        assertThat(http.get("/path/" + Http.encode("Tom & Jerry <b> 'x'")).statusCode()).isEqualTo(200);

        assertThat(received.get("path")).isEqualTo("Tom &amp; Jerry &lt;b&gt; &#39;x&#39;");
    }

    @Test
    void escapesHeaderValueAndHeadersObject() {
        assertThat(http.get("/header", "X-Note", TYPED).statusCode()).isEqualTo(200);

        assertThat(received.get("header")).isEqualTo(ESCAPED);
        assertThat(((HttpHeaders) received.get("headers")).getFirst("X-Note")).isEqualTo(ESCAPED);
    }

    @Test
    void escapesCookieValue() {
        assertThat(http.get("/cookie", "Cookie", "note=a&b<c>").statusCode()).isEqualTo(200);

        assertThat(received.get("cookie")).isEqualTo("a&amp;b&lt;c&gt;");
    }

    @Test
    void escapesJsonRequestPartAndLeavesUploadedFileNameAsSent() {
        HttpResponse<String> response = http.postMultipart("/part", "person",
                "{\"name\":\"O'Brien\",\"note\":" + json(TYPED) + "}", "file", "a&b.txt", "content");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(received.get("part")).isEqualTo(new Person("O&#39;Brien", ESCAPED));
        assertThat(received.get("fileName")).isEqualTo("a&b.txt");
    }

    @Test
    void leavesNoEscapePasswordFieldAsTypedSoTheUserCanLogIn() {
        assertThat(http.postForm("/login", "user", "<admin>", "password", "p@ss<w>rd&").statusCode()).isEqualTo(200);

        Login login = (Login) received.get("login");
        assertThat(login.getPassword()).isEqualTo("p@ss<w>rd&");
        assertThat(login.getUser()).isEqualTo("&lt;admin&gt;");
    }

    @Test
    void leavesNoEscapeParameterAsTypedAndEscapesItsNeighbour() {
        assertThat(http.get("/param/raw?" + Http.form("value", TYPED, "other", TYPED)).statusCode()).isEqualTo(200);

        assertThat(received.get("rawParam")).isEqualTo(TYPED);
        assertThat(received.get("otherParam")).isEqualTo(ESCAPED);
    }

    @Test
    void leavesInputOfNoEscapeHandlerMethodAsTyped() {
        assertThat(http.get("/method/raw?value=" + Http.encode(TYPED)).statusCode()).isEqualTo(200);

        assertThat(received.get("rawMethod")).isEqualTo(TYPED);
    }

    @Test
    void leavesInputOfNoEscapeControllerAsTyped() {
        assertThat(http.get("/untouched?value=" + Http.encode(TYPED)).statusCode()).isEqualTo(200);

        assertThat(received.get("untouched")).isEqualTo(TYPED);
    }

    @Test
    void answersKeysThatEscapingMakesEqualWithBadRequestProblemNamingThePath() {
        // forHtml turns the control character U+0001 into a space, so the two keys collide
        HttpResponse<String> response = http.postJson("/json/map", "{\"\\u0001\":\"a\",\" \":\"b\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("\"title\":\"Request input could not be escaped\"")
                .contains("\"path\":\"linkedHashMap");
        assertThat(received.get("map")).isNull();
    }

    @Test
    void answersTextInAFinalFieldThatNeedsEscapingWithBadRequestNamingThePathAndLogsTheFix(CapturedOutput log) {
        HttpResponse<String> response = http.postJson("/json/final-note", "{\"text\":\"a & b\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("\"path\":\"finalNote.text\"")
                .contains("\"detail\":\"" + EscapeExceptionAdvice.DETAIL + "\"");
        assertThat(received.get("finalNote")).isNull();
        assertThat(log.getAll()).contains("finalNote.text").contains("use a record");
    }

    /** The response names the path, never the classes involved, the fix or what the graph's code threw. */
    @Test
    void answersWithAGenericDetailThatShowsNoClassNorExceptionText() {
        HttpResponse<String> finalField = http.postJson("/json/final-note", "{\"text\":\"a & b\"}");
        HttpResponse<String> collidingKeys = http.postJson("/json/map", "{\"\\u0001\":\"a\",\" \":\"b\"}");

        for (HttpResponse<String> response : List.of(finalField, collidingKeys)) {
            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(response.body()).contains(EscapeExceptionAdvice.DETAIL)
                    .doesNotContain("dev.htmlescape").doesNotContain("FinalNote").doesNotContain("Exception")
                    .doesNotContain("use a record").doesNotContain("a & b");
        }
    }

    @Test
    void passesCleanTextInAFinalField() {
        assertThat(http.postJson("/json/final-note", "{\"text\":\"plain words\"}").statusCode()).isEqualTo(200);

        assertThat(received.get("finalNote")).isEqualTo("plain words");
    }

    @Test
    void plansEachHandlerMethodOnceHoweverManyRequestsReachIt() {
        http.get("/param?name=a");
        http.get("/untouched?value=a");
        int planned = inputs.plannedHandlerMethods();

        for (int i = 0; i < 20; i++) {
            assertThat(http.get("/param?name=a").statusCode()).isEqualTo(200);
            assertThat(http.get("/untouched?value=a").statusCode()).isEqualTo(200);
        }

        assertThat(inputs.plannedHandlerMethods()).isEqualTo(planned);
    }
}
