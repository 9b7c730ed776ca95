package dev.htmlescape.spring;

import static dev.htmlescape.spring.EscapesEveryInputSourceTest.ESCAPED;
import static dev.htmlescape.spring.EscapesEveryInputSourceTest.TYPED;
import static dev.htmlescape.spring.WhileReadingPhaseTest.COMMENT;
import static dev.htmlescape.spring.WhileReadingPhaseTest.assertEscapedOnce;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.htmlescape.jackson2.HtmlEscapeModule;
import dev.htmlescape.spring.InputsController.Comment;
import dev.htmlescape.spring.InputsController.Person;
import org.junit.jupiter.api.Test;

/**
 * On Spring Boot 3, the Jackson 2 module goes on Boot's shared {@code ObjectMapper} only when asked
 * to; then it escapes JSON bodies while reading, and the controller path does not escape them again.
 */
class SharedObjectMapperTest {

    private static final Object MODULE_ID = new HtmlEscapeModule().getTypeId();

    @Test
    void leavesTheSharedMapperAloneByDefault() {
        try (RunningApp app = new RunningApp()) {
            assertThat(app.bean(ObjectMapper.class).getRegisteredModuleIds()).doesNotContain(MODULE_ID);

            assertThat(app.http.postJson("/json/comment", COMMENT).statusCode()).isEqualTo(200);
            assertEscapedOnce((Comment) app.received.get("comment"));
            assertThat(app.http.postJson("/json/person", "{\"name\":\"O'Brien\"}").statusCode()).isEqualTo(200);
            assertThat(app.received.get("person")).isEqualTo(new Person("O&#39;Brien", null));
        }
    }

    @Test
    void escapesJsonBodiesOnceWhileReadingWhenOnTheSharedMapper() {
        try (RunningApp app = new RunningApp("html-escape.jackson.shared-mapper=true")) {
            assertThat(app.bean(ObjectMapper.class).getRegisteredModuleIds()).contains(MODULE_ID);

            assertThat(app.http.postJson("/json/comment", COMMENT).statusCode()).isEqualTo(200);
            assertEscapedOnce((Comment) app.received.get("comment"));
            // escaped while read, so @Size(max = 7) judges the 11 characters of "O&#39;Brien"
            assertThat(app.http.postJson("/json/person", "{\"name\":\"O'Brien\"}").statusCode()).isEqualTo(400);

            assertThat(app.http.post("/text", "text/plain;charset=UTF-8", TYPED).statusCode()).isEqualTo(200);
            assertThat(app.received.get("text")).isEqualTo(ESCAPED);
        }
    }

    @Test
    void leavesTheSharedMapperAloneWhenDisabled() {
        try (RunningApp app = new RunningApp("html-escape.enabled=false", "html-escape.jackson.shared-mapper=true")) {
            assertThat(app.bean(ObjectMapper.class).getRegisteredModuleIds()).doesNotContain(MODULE_ID);
        }
    }
}
