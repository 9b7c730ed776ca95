package dev.htmlescape.examples.guestbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import tools.jackson.databind.JsonNode;

/**
 * The control case: with {@code html-escape.enabled=false} the guestbook stores text as typed and
 * its page, which does not encode on output, serves the markup a visitor signed with.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "html-escape.enabled=false")
class GuestbookWithoutLibraryTest extends EmptyGuestbookTest {

    @Test
    void formAndJsonTextIsStoredAsTyped() {
        assertThat(http.postForm("Siobhan O'Brien", "<script>alert(1)</script>").statusCode()).isEqualTo(303);
        HttpResponse<String> posted = http.postJson("\"><img src=x onerror=alert(1)>", "Fish & chips");

        assertThat(posted.statusCode()).isEqualTo(201);
        JsonNode entries = GuestbookHttp.json(http.get("api/entries"));
        assertThat(entries.get(0).get("name").asString()).isEqualTo("\"><img src=x onerror=alert(1)>");
        assertThat(entries.get(1).get("name").asString()).isEqualTo("Siobhan O'Brien");
        assertThat(entries.get(1).get("message").asString()).isEqualTo("<script>alert(1)</script>");
    }

    @Test
    void pageServesTheMarkupAVisitorSignedWith() {
        http.postForm("<b>Ada</b>", "<img src=x onerror=alert(1)>");

        assertThat(http.get("").body())
                .contains("<h2 class=\"entry-name\"><b>Ada</b></h2>")
                .contains("<p class=\"entry-message\"><img src=x onerror=alert(1)></p>");
    }
}
