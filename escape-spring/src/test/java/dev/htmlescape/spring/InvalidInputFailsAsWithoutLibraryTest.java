package dev.htmlescape.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Validation judges what the user typed: input that fails validation is rejected exactly as the same
 * application rejects it without the library (same status, same body but for its timestamp), and
 * nothing reaches the handler.
 */
class InvalidInputFailsAsWithoutLibraryTest {

    static RunningApp escaping;
    static RunningApp plain;

    @BeforeAll
    static void start() {
        escaping = new RunningApp();
        plain = new RunningApp("html-escape.enabled=false");
    }

    @AfterAll
    static void stop() {
        escaping.close();
        plain.close();
    }

    static Stream<Arguments> invalidInputs() {
        return Stream.of(
                invalid("JSON name too long", http -> http.postJson("/json/person", "{\"name\":\"O'Brien-Smith\"}")),
                invalid("JSON name with markup", http -> http.postJson("/json/person", "{\"name\":\"<b>\"}")),
                invalid("JSON name missing", http -> http.postJson("/json/person", "{\"note\":\"a & b\"}")),
                invalid("form name too long", http -> http.postForm("/form/person", "name", "O'Brien-Smith")),
                invalid("query name with markup", http -> http.get("/query/person?name=%3Cb%3E")),
                invalid("constrained parameter too long", http -> http.get("/param/validated?name=O%27Brien-Smith")),
                invalid("malformed JSON", http -> http.postJson("/json/person", "{\"name\":")));
    }

    static Arguments invalid(String name, Function<Http, HttpResponse<String>> request) {
        return Arguments.of(name, request);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidInputs")
    void rejectsInvalidInputAsTheApplicationDoesWithoutTheLibrary(String name,
            Function<Http, HttpResponse<String>> request) {
        HttpResponse<String> withLibrary = request.apply(escaping.http);
        HttpResponse<String> withoutLibrary = request.apply(plain.http);

        assertThat(withLibrary.statusCode()).isEqualTo(400).isEqualTo(withoutLibrary.statusCode());
        assertThat(withoutTimestamp(withLibrary.body())).isEqualTo(withoutTimestamp(withoutLibrary.body()));
        assertThat(escaping.received.get("person")).isNull();
        assertThat(escaping.received.get("formPerson")).isNull();
        assertThat(escaping.received.get("queryPerson")).isNull();
        assertThat(escaping.received.get("validatedParam")).isNull();
    }

    private static String withoutTimestamp(String body) {
        return body.replaceAll("\"timestamp\":\"[^\"]*\",?", "");
    }
}
