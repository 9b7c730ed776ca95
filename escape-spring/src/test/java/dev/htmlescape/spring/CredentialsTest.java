package dev.htmlescape.spring;

import static dev.htmlescape.spring.EscapesEveryInputSourceTest.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.htmlescape.spring.Accounts.Registration;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpHeaders;
import org.springframework.util.MultiValueMap;

/**
 * Credentials keep their exact text over every input source: a user registered through a controller
 * logs in with Spring Security's form login, which reads the raw parameter, whatever the password
 * holds; the registration's other fields are escaped.
 */
class CredentialsTest {

    static RunningApp app;

    @BeforeAll
    static void start() {
        app = new RunningApp();
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @ParameterizedTest(name = "password with {0}")
    @ValueSource(strings = {"&", "<", ">", "\"", "'"})
    void aUserRegisteredWithAFormLogsInWithThePasswordAsTyped(String markup) {
        String user = "form" + (int) markup.charAt(0);
        String password = "p" + markup + "ss" + markup + "1";

        assertThat(app.http.postForm("/register", "username", user, "displayName", "<b>Ada</b>",
                "password", password).statusCode()).isEqualTo(200);

        assertThat(((Registration) app.received.get("registration")).getDisplayName()).isEqualTo("&lt;b&gt;Ada&lt;/b&gt;");
        assertThat(((Registration) app.received.get("registration")).getPassword()).isEqualTo(password);
        assertThat(login(user, password)).isEqualTo(200);
        assertThat(login(user, "wrong")).isEqualTo(401);
    }

    @ParameterizedTest(name = "password with {0}")
    @ValueSource(strings = {"&", "<", ">", "\"", "'"})
    void aUserRegisteredWithJsonLogsInWithThePasswordAsTyped(String markup) {
        String user = "json" + (int) markup.charAt(0);
        String password = "p" + markup + "ss" + markup + "1";

        assertThat(app.http.postJson("/register/json", "{\"username\":" + json(user) + ",\"displayName\":"
                + json("O'Brien") + ",\"password\":" + json(password) + "}").statusCode()).isEqualTo(200);

        assertThat(((Registration) app.received.get("registration")).getDisplayName()).isEqualTo("O&#39;Brien");
        assertThat(login(user, password)).isEqualTo(200);
    }

    @Test
    void parametersAndHeadersNamedLikeCredentialsStayAsTyped() {
        String typed = "a&<b>";
        HttpResponse<String> response = app.http.get("/credentials?" + query("password", "userPassword",
                "confirm_password", "accessToken", "keyboardLayout", "monkey", "resetToken"),
                "X-Api-Key", typed, "X-Note", typed);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        String escaped = "a&amp;&lt;b&gt;";
        Map<String, String> expected = Map.of("password", typed, "userPassword", typed, "confirm_password", typed,
                "accessToken", typed, "X-Api-Key", typed,
                "keyboardLayout", escaped, "monkey", escaped, "resetToken", escaped, "X-Note", escaped);
        expected.forEach((name, value) -> assertThat(app.received.get(name)).as(name).isEqualTo(value));

        MultiValueMap<?, ?> all = (MultiValueMap<?, ?>) app.received.get("all");
        assertThat(all.get("password")).isEqualTo(List.of(typed));
        assertThat(all.get("monkey")).isEqualTo(List.of(escaped));
        HttpHeaders headers = (HttpHeaders) app.received.get("headers");
        assertThat(headers.get("X-Api-Key")).isEqualTo(List.of(typed));
        assertThat(headers.get("X-Note")).isEqualTo(List.of(escaped));
    }

    @Test
    void theCoverageReportShowsThemAsSecret() {
        Map<String, Object> report = app.bean(HtmlEscapeEndpoint.class).coverage();

        assertThat(report.toString()).contains("{name=password, source=param, paths=[{path=string, policy=secret,")
                .contains("{name=X-Api-Key, source=header, paths=[{path=string, policy=secret,")
                .contains("{name=monkey, source=param, paths=[{path=string, policy=HTML}]}")
                .contains("{path=registration.password, policy=secret,");
    }

    @Test
    void thePropertiesReplaceOrExtendTheNames() {
        try (RunningApp own = new RunningApp("html-escape.secret-names=ssn", "html-escape.additional-secret-names=monkey")) {
            assertThat(own.bean(dev.htmlescape.Escaper.class).isSecretName("password")).isFalse();
            assertThat(own.bean(dev.htmlescape.Escaper.class).isSecretName("userSsn")).isTrue();
            assertThat(own.bean(dev.htmlescape.Escaper.class).isSecretName("monkey")).isTrue();
        }
    }

    private static int login(String user, String password) {
        return app.http.postForm("/signin", "username", user, "password", password).statusCode();
    }

    private static String query(String... names) {
        StringBuilder query = new StringBuilder();
        for (String name : names) {
            query.append(query.length() == 0 ? "" : "&").append(name).append('=').append(Http.encode("a&<b>"));
        }
        return query.toString();
    }
}
