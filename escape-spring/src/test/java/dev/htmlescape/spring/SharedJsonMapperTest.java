package dev.htmlescape.spring;

import static dev.htmlescape.spring.EscapesEveryInputSourceTest.ESCAPED;
import static dev.htmlescape.spring.EscapesEveryInputSourceTest.TYPED;
import static dev.htmlescape.spring.WhileReadingPhaseTest.COMMENT;
import static dev.htmlescape.spring.WhileReadingPhaseTest.assertEscapedOnce;
import static org.assertj.core.api.Assertions.assertThat;

import dev.htmlescape.jackson.HtmlEscapeModule;
import dev.htmlescape.spring.InputsController.Comment;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code html-escape.jackson.shared-mapper=true} on Spring Boot 4: the Jackson 3 module on Boot's
 * shared mapper escapes JSON bodies while reading, and the controller path does not escape them again.
 */
class SharedJsonMapperTest {

    @Test
    void escapesJsonBodiesOnceWhileReading() {
        try (RunningApp app = new RunningApp("html-escape.jackson.shared-mapper=true")) {
            assertThat(app.bean(JsonMapper.class).registeredModules()).hasAtLeastOneElementOfType(HtmlEscapeModule.class);

            assertThat(app.http.postJson("/json/comment", COMMENT).statusCode()).isEqualTo(200);
            assertEscapedOnce((Comment) app.received.get("comment"));
            assertThat(app.http.postJson("/json/person", "{\"name\":\"O'Brien\"}").statusCode()).isEqualTo(400);

            // a body no Jackson mapper reads is escaped by the controller path, once
            assertThat(app.http.post("/text", "text/plain;charset=UTF-8", TYPED).statusCode()).isEqualTo(200);
            assertThat(app.received.get("text")).isEqualTo(ESCAPED);
        }
    }
}
