package dev.htmlescape.spring;

import static dev.htmlescape.spring.EscapesEveryInputSourceTest.ESCAPED;
import static dev.htmlescape.spring.EscapesEveryInputSourceTest.TYPED;
import static dev.htmlescape.spring.WhileReadingPhaseTest.COMMENT;
import static dev.htmlescape.spring.WhileReadingPhaseTest.assertEscapedOnce;
import static org.assertj.core.api.Assertions.assertThat;

import dev.htmlescape.jackson.HtmlEscapeModule;
import dev.htmlescape.spring.InputsController.Comment;
import dev.htmlescape.spring.InputsController.Person;
import org.junit.jupiter.api.Test;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code html-escape.jackson.request-bodies} on Spring Boot 4: the Jackson 3 module goes on the
 * mapper that reads request bodies and nowhere else, and only when the property asks for it.
 */
class JacksonRequestBodiesTest {

    @Test
    void leavesEveryMapperWithoutTheModuleByDefault() {
        try (RunningApp app = new RunningApp()) {
            assertThat(app.bean(JsonMapper.class).registeredModules()).noneMatch(HtmlEscapeModule.class::isInstance);
            assertThat(requestBodyMapper(app).registeredModules()).noneMatch(HtmlEscapeModule.class::isInstance);

            // escaped after validation, so @Size(max = 7) judges the 7 typed characters of "O'Brien"
            assertThat(app.http.postJson("/json/person", "{\"name\":\"O'Brien\"}").statusCode()).isEqualTo(200);
            assertThat(app.received.get("person")).isEqualTo(new Person("O&#39;Brien", null));
        }
    }

    @Test
    void escapesJsonBodiesOnceWhileReadingWithoutTouchingTheSharedMapper() {
        try (RunningApp app = new RunningApp("html-escape.jackson.request-bodies=true")) {
            assertThat(requestBodyMapper(app).registeredModules()).hasAtLeastOneElementOfType(HtmlEscapeModule.class);
            // the shared mapper also reads HTTP client responses and messages
            JsonMapper shared = app.bean(JsonMapper.class);
            assertThat(shared.registeredModules()).noneMatch(HtmlEscapeModule.class::isInstance);
            assertThat(shared.readValue("\"<b>\"", String.class)).isEqualTo("<b>");

            assertThat(app.http.postJson("/json/comment", COMMENT).statusCode()).isEqualTo(200);
            assertEscapedOnce((Comment) app.received.get("comment"));
            // escaped while read, and still @Size(max = 7) judges the 7 typed characters
            assertThat(app.http.postJson("/json/person", "{\"name\":\"O'Brien\"}").statusCode()).isEqualTo(200);
            assertThat(app.received.get("person")).isEqualTo(new Person("O&#39;Brien", null));

            // a body no Jackson mapper reads is escaped by the controller path, once
            assertThat(app.http.post("/text", "text/plain;charset=UTF-8", TYPED).statusCode()).isEqualTo(200);
            assertThat(app.received.get("text")).isEqualTo(ESCAPED);
        }
    }

    @Test
    void leavesTheMappersAloneWhenDisabled() {
        try (RunningApp app = new RunningApp("html-escape.enabled=false", "html-escape.jackson.request-bodies=true")) {
            assertThat(requestBodyMapper(app).registeredModules()).noneMatch(HtmlEscapeModule.class::isInstance);
        }
    }

    private static JsonMapper requestBodyMapper(RunningApp app) {
        return app.bean(RequestMappingHandlerAdapter.class).getMessageConverters().stream()
                // Spring Data's projecting converter, a subclass, reads only projection interfaces
                .filter(converter -> converter.getClass() == JacksonJsonHttpMessageConverter.class)
                .map(converter -> ((JacksonJsonHttpMessageConverter) converter).getMapper())
                .findFirst().orElseThrow();
    }
}
