package dev.htmlescape.spring;

import static dev.htmlescape.spring.EscapesEveryInputSourceTest.ESCAPED;
import static dev.htmlescape.spring.EscapesEveryInputSourceTest.TYPED;
import static dev.htmlescape.spring.EscapesEveryInputSourceTest.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.htmlescape.spring.InputsController.Comment;
import dev.htmlescape.spring.InputsController.Person;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code html-escape.phase=while-reading}: request bodies are escaped once, as soon as they are
 * read, before validation, which judges the text as typed all the same (unless
 * {@code html-escape.validate-typed-text=false}); bound values are still escaped after validation.
 */
class WhileReadingPhaseTest {

    static final String COMMENT = "{\"author\":" + json(TYPED) + ",\"attributes\":{" + json(TYPED) + ":" + json(TYPED)
            + "},\"person\":{\"name\":\"O'Brien\"}}";

    @Test
    void escapesBodiesOnceBeforeValidation() {
        try (RunningApp app = new RunningApp("html-escape.phase=while-reading")) {
            assertThat(app.http.postJson("/json/comment", COMMENT).statusCode()).isEqualTo(200);
            assertEscapedOnce((Comment) app.received.get("comment"));

            // "O&#39;Brien" is 11 characters, but @Size(max = 7) judges the 7 typed ones
            assertThat(app.http.postJson("/json/person", "{\"name\":\"O'Brien\"}").statusCode()).isEqualTo(200);
            assertThat(app.received.get("person")).isEqualTo(new Person("O&#39;Brien", null));
            assertThat(app.http.postJson("/json/person", "{\"name\":\"Amelie\",\"note\":\"a & b\"}").statusCode())
                    .isEqualTo(200);
            assertThat(app.received.get("person")).isEqualTo(new Person("Amelie", "a &amp; b"));

            // bound values are still escaped after validation
            assertThat(app.http.postForm("/form/person", "name", "O'Brien").statusCode()).isEqualTo(200);
            assertThat(app.received.get("formPerson")).isEqualTo(new Person("O&#39;Brien", null));
        }
    }

    @Test
    void judgesTheEscapedTextWhenTypedTextValidationIsOff() {
        try (RunningApp app = new RunningApp("html-escape.phase=while-reading", "html-escape.validate-typed-text=false")) {
            // "O&#39;Brien" is 11 characters: @Size(max = 7) judges the escaped text
            assertThat(app.http.postJson("/json/person", "{\"name\":\"O'Brien\"}").statusCode()).isEqualTo(400);
        }
    }

    static void assertEscapedOnce(Comment comment) {
        assertThat(comment.getAuthor()).isEqualTo(ESCAPED);
        assertThat(comment.getAttributes()).containsExactly(Map.entry(ESCAPED, ESCAPED));
        assertThat(comment.getPerson()).isEqualTo(new Person("O&#39;Brien", null));
    }
}
