package dev.htmlescape.spring;

import static dev.htmlescape.testing.CodePointSweep.EVERY_CODE_POINT;
import static dev.htmlescape.testing.CodePointSweep.SCALAR_VALUES;
import static dev.htmlescape.testing.CodePointSweep.chunks;
import static dev.htmlescape.testing.CodePointSweep.jsonLiteral;
import static dev.htmlescape.testing.CodePointSweep.sequences;
import static org.assertj.core.api.Assertions.assertThat;

import dev.htmlescape.spring.InputsController.Comment;
import dev.htmlescape.testing.CodePointSweep.Chunk;
import dev.htmlescape.testing.CodePointSweep.Sweep;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every code point U+0000..U+10FFFF, and text whose code points belong together (emoji sequences,
 * right-to-left text, zero-width characters, combining marks), sent over real HTTP to the test
 * application in a JSON body and in a form field, each code point a list element of its own: what
 * the controller receives must be exactly what {@code Encode.forHtml} says, and decode back,
 * through jsoup, to what was sent with the encoder's invalid characters replaced (see
 * {@code CodePointSweep}).
 *
 * <p>Requests carry 4,096 code points each, a few hundred requests a door. Which code points a
 * door can carry depends on its transport:
 * <ul>
 *   <li>A JSON body carries all of them: a lone surrogate as a {@code \\uD800} escape. Every other
 *       body is ASCII with every non-ASCII character escaped, the others carry it as UTF-8.
 *   <li>A form body ({@code application/x-www-form-urlencoded}, UTF-8) cannot carry a lone
 *       surrogate: there is no UTF-8 byte sequence for one, and a browser or the JDK's
 *       {@code URLEncoder} sends {@code ?} in its place ({@link #aFormCannotCarryALoneSurrogate}).
 *       The form door takes the 1,112,064 code points that are not surrogates.
 * </ul>
 *
 * <p>The form sends 4,096 values of one field, more than Tomcat's default limit of parameters per
 * request on Boot 4 (1,000); the test raises it ({@code server.tomcat.max-parameter-count}, a
 * property on both Boot lines) rather than send four times the requests.
 */
class EveryCodePointOverHttpTest {

    private static final int CHUNK = 4_096;

    static RunningApp app;

    @BeforeAll
    static void start() {
        app = new RunningApp("server.tomcat.max-parameter-count=" + (CHUNK + 100));
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void everyCodePointInAJsonBodyArrivesAsForHtmlSays() {
        Sweep sweep = new Sweep("a list element of a JSON body over HTTP");
        List<Chunk> chunks = chunks(CHUNK, true);
        for (int i = 0; i < chunks.size(); i++) {
            sendAsJson(chunks.get(i).toString(), chunks.get(i).texts(), i % 2 == 0, sweep);
        }
        sendAsJson("sequences", sequences(), false, sweep);

        sweep.assertPassed(EVERY_CODE_POINT + sequences().size());
    }

    @Test
    void everyCodePointButTheSurrogatesInAFormFieldArrivesAsForHtmlSays() {
        Sweep sweep = new Sweep("a form field over HTTP");
        for (Chunk chunk : chunks(CHUNK, false)) {
            sendAsForm(chunk.toString(), chunk.texts(), sweep);
        }
        sendAsForm("sequences", sequences(), sweep);

        sweep.assertPassed(SCALAR_VALUES + sequences().size());
    }

    @Test
    void aFormCannotCarryALoneSurrogate() {
        // why the form sweep leaves out U+D800..U+DFFF: the client sends '?' for each
        assertThat(Http.form("tags", "\uD800", "tags", "\uDFFF")).isEqualTo("tags=%3F&tags=%3F");
        assertThat(Http.form("tags", "\uD83D\uDE00")).isEqualTo("tags=%F0%9F%98%80");
    }

    private static void sendAsJson(String what, List<String> texts, boolean ascii, Sweep sweep) {
        StringJoiner tags = new StringJoiner(",", "{\"tags\":[", "]}");
        texts.forEach(text -> tags.add(jsonLiteral(text, ascii)));
        app.received.clear();

        HttpResponse<String> response = app.http.postJson("/json/comment", tags.toString());

        check(what, texts, response, "comment", sweep);
    }

    private static void sendAsForm(String what, List<String> texts, Sweep sweep) {
        List<String> namesAndValues = new ArrayList<>(texts.size() * 2);
        for (String text : texts) {
            namesAndValues.add("tags");
            namesAndValues.add(text);
        }
        app.received.clear();

        HttpResponse<String> response = app.http.postForm("/form/comment", namesAndValues.toArray(String[]::new));

        check(what, texts, response, "formComment", sweep);
    }

    private static void check(String what, List<String> texts, HttpResponse<String> response, String stored,
            Sweep sweep) {
        Comment comment = (Comment) app.received.get(stored);
        if (response.statusCode() != 200 || comment == null) {
            sweep.fail(what + ": " + response.statusCode() + " " + response.body());
            return;
        }
        sweep.check(texts, comment.getTags());
    }
}
