package dev.htmlescape.spring;

import static dev.htmlescape.spring.EscapesEveryInputSourceTest.ESCAPED;
import static dev.htmlescape.spring.EscapesEveryInputSourceTest.TYPED;
import static org.assertj.core.api.Assertions.assertThat;

import dev.htmlescape.spring.InputsApplication.Received;
import dev.htmlescape.spring.InputsController.Person;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Requests whose path matches {@code html-escape.exclude-paths} keep their input as sent; others do not. */
@SpringBootTest(classes = InputsApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "html-escape.exclude-paths=/param/**,/json/person")
class ExcludedPathsTest {

    @LocalServerPort
    int port;

    @Autowired
    Received received;

    Http http;

    @BeforeEach
    void setUp() {
        http = new Http(port);
        received.clear();
    }

    @Test
    void leavesInputOfExcludedPathsAsSent() {
        assertThat(http.get("/param/list?" + Http.form("tag", TYPED)).statusCode()).isEqualTo(200);
        assertThat(http.postJson("/json/person", "{\"name\":\"O'Brien\",\"note\":\"a & b\"}").statusCode())
                .isEqualTo(200);

        assertThat(received.get("paramList")).isEqualTo(List.of(TYPED));
        assertThat(received.get("person")).isEqualTo(new Person("O'Brien", "a & b"));
    }

    @Test
    void escapesInputOfOtherPaths() {
        assertThat(http.postJson("/json/entity", "{\"name\":\"O'Brien\"}").statusCode()).isEqualTo(200);
        assertThat(http.get("/header", "X-Note", TYPED).statusCode()).isEqualTo(200);

        assertThat(received.get("entity")).isEqualTo(new Person("O&#39;Brien", null));
        assertThat(received.get("header")).isEqualTo(ESCAPED);
    }
}
