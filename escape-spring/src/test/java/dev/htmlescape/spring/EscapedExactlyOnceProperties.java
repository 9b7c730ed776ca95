package dev.htmlescape.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.htmlescape.spring.InputsController.Comment;
import dev.htmlescape.spring.InputsController.Person;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.owasp.encoder.Encode;
import org.springframework.aop.framework.Advised;
import org.springframework.aop.support.AopUtils;
import org.springframework.util.MultiValueMap;
import org.springframework.validation.beanvalidation.MethodValidationInterceptor;

/**
 * Over every input source, generated text arrives as {@code forHtml(text)}: escaped, and never
 * escaped twice. Each source gets the text its transport can carry unchanged (a header no line
 * break, a cookie no separators, a path variable no slash).
 */
class EscapedExactlyOnceProperties {

    static RunningApp plain;
    /** The same handlers behind a proxy whose MethodValidationInterceptor validates each call. */
    static RunningApp methodValidated;

    @BeforeContainer
    static void start() {
        plain = new RunningApp();
        methodValidated = new RunningApp(InputsApplication.METHOD_VALIDATION + "=true");
        Object proxy = methodValidated.bean(InputsController.class);
        assertThat(AopUtils.isAopProxy(proxy)).isTrue();
        assertThat(((Advised) proxy).getAdvisors()).anyMatch(a -> a.getAdvice() instanceof MethodValidationInterceptor);
    }

    @AfterContainer
    static void stop() {
        // jqwik may end a container it did not start (a run that selects none of its properties)
        for (RunningApp app : new RunningApp[] {plain, methodValidated}) {
            if (app != null) {
                app.close();
            }
        }
    }

    @Property(tries = 1000)
    void everySourceStoresTheTextEscapedExactlyOnce(@ForAll("sentThroughSomeSource") Sent sent,
            @ForAll boolean withMethodValidation) {
        RunningApp app = withMethodValidation ? methodValidated : plain;
        app.received.clear();

        HttpResponse<String> response = sent.source.send.apply(app.http, sent.text);

        assertThat(response.statusCode()).as(sent.source.name() + " answered " + response.body()).isEqualTo(200);
        // escaped twice, text that escaping changes would differ from this, so equality says both
        String stored = sent.source.stored.apply(app.received, sent.text);
        assertThat(stored).as(sent.source.name()).isEqualTo(Encode.forHtml(sent.text));
    }

    record Sent(Source source, String text) {
    }

    @Provide
    Arbitrary<Sent> sentThroughSomeSource() {
        return Arbitraries.of(Source.values()).flatMap(source ->
                source.texts.get().map(text -> new Sent(source, text)));
    }

    /** Markup characters often, then letters, and the rest of Unicode now and then. */
    static Arbitrary<String> anyText() {
        Arbitrary<Character> markup = Arbitraries.of('<', '>', '&', '"', '\'', '/', '=', ' ');
        Arbitrary<Character> letters = Arbitraries.chars().alpha();
        Arbitrary<Character> anyChar = Arbitraries.chars();
        Arbitrary<Character> mixed = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, markup), net.jqwik.api.Tuple.of(4, letters), net.jqwik.api.Tuple.of(2, anyChar));
        return mixed.list().ofMaxSize(40).map(EscapedExactlyOnceProperties::join);
    }

    /** Valid Unicode only: what URL and UTF-8 encodings carry unchanged (no lone surrogates). */
    static Arbitrary<String> wellFormedText() {
        Arbitrary<String> emoji = Arbitraries.of("\uD83D\uDE00", "\uD83C\uDF89", "e\u0301", "\u05D0\u05D1", "\u200B");
        return Combinators.combine(anyText().map(EscapedExactlyOnceProperties::withoutLoneSurrogates), emoji)
                .as((text, extra) -> text.length() % 3 == 0 ? text + extra : text);
    }

    /** Text a header value, a path segment or a cookie can carry: no controls, no separators of that transport. */
    static Arbitrary<String> restrictedText(String alsoForbidden) {
        return Arbitraries.strings().withChars("<>&\"'=abcXYZ019 -").ofMinLength(1).ofMaxLength(30)
                .map(text -> text.chars().filter(c -> alsoForbidden.indexOf(c) < 0)
                        .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString())
                .map(String::strip)
                .filter(text -> !text.isEmpty());
    }

    private static String join(List<Character> characters) {
        StringBuilder text = new StringBuilder(characters.size());
        characters.forEach(text::append);
        return text.toString();
    }

    private static String withoutLoneSurrogates(String text) {
        StringBuilder clean = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                clean.append(c).append(text.charAt(++i));
            } else if (!Character.isSurrogate(c)) {
                clean.append(c);
            }
        }
        return clean.toString();
    }

    /** {@code text} as a JSON string literal, control characters and lone surrogates included. */
    static String json(String text) {
        StringBuilder literal = new StringBuilder("\"");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                literal.append('\\').append(c);
            } else if (c < 0x20 || Character.isSurrogate(c)) {
                literal.append(String.format("\\u%04x", (int) c));
            } else {
                literal.append(c);
            }
        }
        return literal.append('"').toString();
    }

    enum Source {
        JSON_BODY(EscapedExactlyOnceProperties::anyText,
                (http, text) -> http.postJson("/json/comment", "{\"author\":" + json(text) + "}"),
                (received, text) -> ((Comment) received.get("comment")).getAuthor()),
        JSON_MAP_KEY(EscapedExactlyOnceProperties::anyText,
                (http, text) -> http.postJson("/json/comment", "{\"attributes\":{" + json(text) + ":\"v\"}}"),
                (received, text) -> ((Comment) received.get("comment")).getAttributes().keySet().iterator().next()),
        JSON_RECORD_IN_ENTITY(EscapedExactlyOnceProperties::anyText,
                (http, text) -> http.postJson("/json/entity", "{\"name\":\"Ann\",\"note\":" + json(text) + "}"),
                (received, text) -> ((Person) received.get("entity")).note()),
        JSON_PART(EscapedExactlyOnceProperties::wellFormedText,
                (http, text) -> http.postMultipart("/part", "person", "{\"name\":\"Ann\",\"note\":" + json(text) + "}",
                        "file", "f.txt", "x"),
                (received, text) -> ((Person) received.get("part")).note()),
        TEXT_BODY(EscapedExactlyOnceProperties::wellFormedText,
                (http, text) -> http.post("/text", "text/plain;charset=UTF-8", text),
                (received, text) -> (String) received.get("text")),
        FORM_BODY(EscapedExactlyOnceProperties::wellFormedText,
                (http, text) -> http.postForm("/form-body", "note", text),
                (received, text) -> first((MultiValueMap<?, ?>) received.get("formBody"))),
        FORM_BOUND_BEAN(EscapedExactlyOnceProperties::wellFormedText,
                (http, text) -> http.postForm("/form/comment", "author", text),
                (received, text) -> ((Comment) received.get("formComment")).getAuthor()),
        QUERY_BOUND_RECORD(EscapedExactlyOnceProperties::wellFormedText,
                (http, text) -> http.get("/query/person?" + Http.form("name", "Ann", "note", text)),
                (received, text) -> ((Person) received.get("queryPerson")).note()),
        REQUEST_PARAMETER(EscapedExactlyOnceProperties::wellFormedText,
                (http, text) -> http.get("/param?" + Http.form("name", text)),
                (received, text) -> (String) received.get("param")),
        REQUEST_PARAMETER_LIST(EscapedExactlyOnceProperties::wellFormedText,
                // two values: a single one is split at commas and trimmed by Spring's conversion to a List
                (http, text) -> http.get("/param/list?" + Http.form("tag", text, "tag", "x")),
                (received, text) -> ((List<?>) received.get("paramList")).get(0).toString()),
        REQUEST_PARAMETER_MAP_KEY(() -> wellFormedText().filter(text -> !text.isEmpty()),
                (http, text) -> http.get("/param/map?" + Http.form(text, "v")),
                (received, text) -> ((Map<?, ?>) received.get("paramMap")).keySet().iterator().next().toString()),
        PATH_VARIABLE(() -> restrictedText("/\\;%.").filter(text -> !text.isBlank()),
                (http, text) -> http.get("/path/" + Http.encode(text)),
                (received, text) -> (String) received.get("path")),
        HEADER(() -> restrictedText(""),
                (http, text) -> http.get("/header", "X-Note", text),
                (received, text) -> (String) received.get("header")),
        COOKIE(() -> restrictedText("\" ,;\\="),
                (http, text) -> http.get("/cookie", "Cookie", "note=" + text),
                (received, text) -> (String) received.get("cookie"));

        final java.util.function.Supplier<Arbitrary<String>> texts;
        final BiFunction<Http, String, HttpResponse<String>> send;
        final BiFunction<InputsApplication.Received, String, String> stored;

        Source(java.util.function.Supplier<Arbitrary<String>> texts, BiFunction<Http, String, HttpResponse<String>> send,
                BiFunction<InputsApplication.Received, String, String> stored) {
            this.texts = texts;
            this.send = send;
            this.stored = stored;
        }
    }

    private static String first(MultiValueMap<?, ?> form) {
        return String.valueOf(form.values().iterator().next().get(0));
    }

}
