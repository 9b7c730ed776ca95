package dev.htmlescape.examples.guestbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import tools.jackson.databind.JsonNode;

/**
 * The guestbook over HTTP with the library on (the default): a form post and a JSON body are
 * validated as typed, then stored escaped.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GuestbookApplicationTest extends EmptyGuestbookTest {

    @Test
    void formPostIsStoredEscapedAndRedirectsToThePage() {
        HttpResponse<String> posted = http.postForm("Siobhan O'Brien", "<script>alert(1)</script> & more");

        assertThat(posted.statusCode()).isEqualTo(303);
        assertThat(posted.headers().firstValue("Location")).hasValue("/");
        JsonNode stored = GuestbookHttp.json(http.get("api/entries")).get(0);
        assertThat(stored.get("name").asString()).isEqualTo("Siobhan O&#39;Brien");
        assertThat(stored.get("message").asString()).isEqualTo("&lt;script&gt;alert(1)&lt;/script&gt; &amp; more");
    }

    @Test
    void jsonPostReturnsTheStoredEntryEscapedWith201() {
        HttpResponse<String> posted = http.postJson("\"><img src=x onerror=alert(1)>", "Fish & chips");

        assertThat(posted.statusCode()).isEqualTo(201);
        JsonNode entry = GuestbookHttp.json(posted);
        assertThat(entry.get("name").asString()).isEqualTo("&#34;&gt;&lt;img src=x onerror=alert(1)&gt;");
        assertThat(entry.get("message").asString()).isEqualTo("Fish &amp; chips");
        assertThat(GuestbookHttp.json(http.get("api/entries")).get(0)).isEqualTo(entry);
    }

    @Test
    void pageShowsTheStoredTextInsideItsElements() {
        http.postForm("<b>Ada</b>", "<img src=x onerror=alert(1)>");

        HttpResponse<String> page = http.get("");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html;charset=UTF-8");
        assertThat(page.body())
                .contains("title=\"Signed by &lt;b&gt;Ada&lt;/b&gt;\"")
                .contains("<h2 class=\"entry-name\">&lt;b&gt;Ada&lt;/b&gt;</h2>")
                .contains("<p class=\"entry-message\">&lt;img src=x onerror=alert(1)&gt;</p>")
                .doesNotContain("<img");
    }

    /** Validation sees the text as typed; the columns hold it escaped, five times as long here. */
    @Test
    void longestInputThatGrowsTheMostWhenEscapedIsStored() {
        String name = "\"".repeat(EntryForm.NAME_MAX);
        String message = "'".repeat(EntryForm.MESSAGE_MAX);

        HttpResponse<String> posted = http.postJson(name, message);

        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(201);
        JsonNode entry = GuestbookHttp.json(posted);
        assertThat(entry.get("name").asString()).isEqualTo("&#34;".repeat(EntryForm.NAME_MAX));
        assertThat(entry.get("message").asString()).isEqualTo("&#39;".repeat(EntryForm.MESSAGE_MAX));
    }

    @Test
    void jsonThatFailsValidationIsA400NamingTheFields() {
        HttpResponse<String> posted = http.postJson("x".repeat(EntryForm.NAME_MAX + 1), " ");

        assertThat(posted.statusCode()).isEqualTo(400);
        JsonNode errors = GuestbookHttp.json(posted).get("errors");
        assertThat(errors.get("name").toString()).contains("size must be between 0 and 40");
        assertThat(errors.get("message").toString()).contains("must not be blank");
        assertThat(entriesStored()).isZero();
    }

    /** Text that failed validation never reached the library: the page encodes it itself. */
    @Test
    void formThatFailsValidationIsShownAgainWithTheTypedTextEncoded() {
        HttpResponse<String> posted = http.postForm("", "<b onmouseover=alert(1)>hi</b>");

        assertThat(posted.statusCode()).isEqualTo(400);
        assertThat(posted.headers().firstValue("Content-Type")).hasValue("text/html;charset=UTF-8");
        assertThat(posted.body())
                .contains("<p class=\"error\">must not be blank</p>")
                .contains(">&lt;b onmouseover=alert(1)&gt;hi&lt;/b&gt;</textarea>")
                .doesNotContain("<b ");
        assertThat(entriesStored()).isZero();
    }

    private long entriesStored() {
        return jdbc.sql("SELECT COUNT(*) FROM entry").query(Long.class).single();
    }
}
