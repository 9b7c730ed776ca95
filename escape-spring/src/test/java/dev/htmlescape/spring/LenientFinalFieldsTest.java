package dev.htmlescape.spring;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** With {@code html-escape.strict=false}, text in a final field is left as sent (and logged once) instead of failing the request. */
class LenientFinalFieldsTest {

    @Test
    void leavesTextInAFinalFieldAsSentWhenNotStrict() {
        try (RunningApp app = new RunningApp("html-escape.strict=false")) {
            assertThat(app.http.postJson("/json/final-note", "{\"text\":\"a & b\"}").statusCode()).isEqualTo(200);
            assertThat(app.received.get("finalNote")).isEqualTo("a & b");

            assertThat(app.http.postJson("/json/person", "{\"name\":\"O'Brien\"}").statusCode()).isEqualTo(200);
            assertThat(app.received.get("person")).isEqualTo(new InputsController.Person("O&#39;Brien", null));
        }
    }
}
