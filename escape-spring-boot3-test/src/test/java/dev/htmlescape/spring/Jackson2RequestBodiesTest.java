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
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;

/**
 * On Spring Boot 3, {@code html-escape.jackson.request-bodies} puts the Jackson 2 module on the
 * mapper that reads request bodies and nowhere else, and only when the property asks for it.
 */
class Jackson2RequestBodiesTest {

    private static final Object MODULE_ID = new HtmlEscapeModule().getTypeId();

    @Test
    void leavesEveryMapperWithoutTheModuleByDefault() {
        try (RunningApp app = new RunningApp()) {
            assertThat(app.bean(ObjectMapper.class).getRegisteredModuleIds()).doesNotContain(MODULE_ID);
            assertThat(requestBodyMapper(app).getRegisteredModuleIds()).doesNotContain(MODULE_ID);

            assertThat(app.http.postJson("/json/comment", COMMENT).statusCode()).isEqualTo(200);
            assertEscapedOnce((Comment) app.received.get("comment"));
            assertThat(app.http.postJson("/json/person", "{\"name\":\"O'Brien\"}").statusCode()).isEqualTo(200);
            assertThat(app.received.get("person")).isEqualTo(new Person("O&#39;Brien", null));
        }
    }

    @Test
    void escapesJsonBodiesOnceWhileReadingWithoutTouchingTheSharedMapper() throws Exception {
        try (RunningApp app = new RunningApp("html-escape.jackson.request-bodies=true")) {
            assertThat(requestBodyMapper(app).getRegisteredModuleIds()).contains(MODULE_ID);
            // the shared mapper also reads HTTP client responses and messages
            ObjectMapper shared = app.bean(ObjectMapper.class);
            assertThat(shared.getRegisteredModuleIds()).doesNotContain(MODULE_ID);
            assertThat(shared.readValue("\"<b>\"", String.class)).isEqualTo("<b>");

            assertThat(app.http.postJson("/json/comment", COMMENT).statusCode()).isEqualTo(200);
            assertEscapedOnce((Comment) app.received.get("comment"));
            // escaped while read, and still @Size(max = 7) judges the 7 typed characters
            assertThat(app.http.postJson("/json/person", "{\"name\":\"O'Brien\"}").statusCode()).isEqualTo(200);
            assertThat(app.received.get("person")).isEqualTo(new Person("O&#39;Brien", null));

            assertThat(app.http.post("/text", "text/plain;charset=UTF-8", TYPED).statusCode()).isEqualTo(200);
            assertThat(app.received.get("text")).isEqualTo(ESCAPED);
        }
    }

    @Test
    void leavesTheMappersAloneWhenDisabled() {
        try (RunningApp app = new RunningApp("html-escape.enabled=false", "html-escape.jackson.request-bodies=true")) {
            assertThat(requestBodyMapper(app).getRegisteredModuleIds()).doesNotContain(MODULE_ID);
        }
    }

    private static ObjectMapper requestBodyMapper(RunningApp app) {
        return app.bean(RequestMappingHandlerAdapter.class).getMessageConverters().stream()
                // Spring Data's projecting converter, a subclass, reads only projection interfaces
                .filter(converter -> converter.getClass() == MappingJackson2HttpMessageConverter.class)
                .map(converter -> ((MappingJackson2HttpMessageConverter) converter).getObjectMapper())
                .findFirst().orElseThrow();
    }
}
