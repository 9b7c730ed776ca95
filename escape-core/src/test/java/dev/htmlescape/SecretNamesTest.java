package dev.htmlescape;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Credentials keep their exact text: Strings named like one are never escaped by default. */
class SecretNamesTest {

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(textBlock = """
            password,         true
            userPassword,     true
            confirm_password, true
            PASSWORD,         true
            userpassword,     true
            passwd,           true
            pwd,              true
            newPwd,           true
            clientSecret,     true
            accessToken,      true
            refresh-token,    true
            credentials,      true
            X-Api-Key,        true
            apiKey,           true
            api_key,          true
            privateKey,       true
            userPin,          true
            SMS_OTP,          true
            otp,              true
            keyboardLayout,   false
            monkey,           false
            key,              false
            publicKey,        false
            spin,             false
            shipping,         false
            tokenizer,        false
            secretary,        false
            passwordHint,     false
            name,             false
            """)
    void decidesByTheDefaultNames(String name, boolean secret) {
        assertEquals(secret, Escaper.builder().build().isSecretName(name), name);
    }

    static class Registration {
        String user = "<b>";
        String password = "p&ss<1";
        String confirm_password = "p&ss<1";
        String keyboardLayout = "<uk>";
        @Escape(EscapeContext.HTML)
        String resetToken = "<t>";
    }

    record Login(String user, String accessToken) {
    }

    @Test
    void leavesFieldsNamedLikeCredentialsAsTypedAndEscapesTheRest() {
        Registration escaped = Escaper.escape(new Registration());

        assertEquals("&lt;b&gt;", escaped.user);
        assertEquals("p&ss<1", escaped.password);
        assertEquals("p&ss<1", escaped.confirm_password);
        assertEquals("&lt;uk&gt;", escaped.keyboardLayout);
        assertEquals("&lt;t&gt;", escaped.resetToken, "@Escape on the element wins");
    }

    @Test
    void leavesRecordComponentsNamedLikeCredentialsAsTyped() {
        Login escaped = Escaper.escape(new Login("<b>", "a&b"));

        assertEquals("&lt;b&gt;", escaped.user());
        assertEquals("a&b", escaped.accessToken());
    }

    @Test
    void leavesTheValuesOfMapKeysNamedLikeCredentialsAsTyped() {
        Map<String, Object> headers = new LinkedHashMap<>();
        headers.put("X-Api-Key", "k<1>");
        headers.put("X-Note", "<n>");
        headers.put("tokens-of-user", new ArrayList<>(List.of("<t>")));
        headers.put("Authorization-Token", new ArrayList<>(List.of("a&b")));

        Map<String, Object> escaped = Escaper.escape(headers);

        assertEquals("k<1>", escaped.get("X-Api-Key"));
        assertEquals("&lt;n&gt;", escaped.get("X-Note"));
        assertEquals(List.of("&lt;t&gt;"), escaped.get("tokens-of-user"));
        assertEquals(List.of("a&b"), escaped.get("Authorization-Token"));
    }

    @Test
    void theBuilderReplacesOrExtendsTheNames() {
        Escaper none = Escaper.builder().secretNames().build();
        Escaper own = Escaper.builder().secretNames("ssn").build();
        Escaper more = Escaper.builder().addSecretNames("ssn", "iban").build();

        assertFalse(none.isSecretName("password"));
        assertTrue(own.isSecretName("userSsn"));
        assertFalse(own.isSecretName("password"));
        assertTrue(more.isSecretName("password"));
        assertTrue(more.isSecretName("payoutIban"));
        assertEquals("p&amp;ss&lt;1", none.escapeGraph(new Registration()).password);
    }

    @Test
    void refusesNamesThatCannotBeNames() {
        IllegalArgumentException blank = assertThrows(IllegalArgumentException.class,
                () -> Escaper.builder().addSecretNames(" "));
        assertThrows(IllegalArgumentException.class, () -> Escaper.builder().secretNames("pass word"));
        assertTrue(blank.getMessage().contains("letters and digits"), blank.getMessage());
        assertThrows(IllegalStateException.class, () -> Escaper.builder().secretNames("a").secretNames("b"));
    }

    @Test
    void theCoverageReportShowsThemAsSecret() {
        Map<String, Coverage.Entry> paths = new LinkedHashMap<>();
        Escaper.coverage(Registration.class).entries().forEach(entry -> paths.put(entry.path(), entry));

        assertSame(Coverage.Treatment.SECRET, paths.get("registration.password").treatment());
        assertSame(Coverage.Treatment.SECRET, paths.get("registration.confirm_password").treatment());
        assertSame(Coverage.Treatment.ESCAPED, paths.get("registration.resetToken").treatment());
        assertSame(Coverage.Treatment.ESCAPED, paths.get("registration.keyboardLayout").treatment());
        assertTrue(paths.get("registration.password").describe().startsWith("secret: "));
    }
}
