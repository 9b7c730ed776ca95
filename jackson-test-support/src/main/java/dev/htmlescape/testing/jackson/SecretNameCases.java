package dev.htmlescape.testing.jackson;

import static dev.htmlescape.testing.jackson.JsonBinding.json;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.htmlescape.Escape;
import dev.htmlescape.EscapeContext;
import dev.htmlescape.Escaper;
import java.util.Map;

/** Credentials read from JSON keep their exact text, by the same names as the core walk's. */
public final class SecretNameCases {

    private SecretNameCases() {
    }

    public static class Registration {
        public String user;
        public String password;
        public String confirm_password;
        public String keyboardLayout;
        public String monkey;
        @Escape(EscapeContext.HTML)
        public String resetToken;
        @JsonProperty("pwd")
        public String code;
        public Map<String, String> headers;
        public Map<String, Object> extra;
    }

    public record Login(String user, String accessToken) {
    }

    private static final String REGISTRATION = json("{'user':'<b>','password':'p&ss<1','confirm_password':'p&ss<1',"
            + "'keyboardLayout':'<uk>','monkey':'<m>','resetToken':'<t>','pwd':'a&b',"
            + "'headers':{'X-Api-Key':'k<1>','X-Note':'<n>'},'extra':{'apiKey':'a&b','note':'<n>'}}");

    /** Properties, a renamed property, map keys and untyped maps: credentials as typed, the rest escaped. */
    public static void leavesCredentialsAsTypedAndEscapesTheRest(JsonBinding binding) throws Exception {
        Registration read = (Registration) binding.readWithModule(REGISTRATION, Registration.class);

        assertEquals("&lt;b&gt;", read.user);
        assertEquals("p&ss<1", read.password);
        assertEquals("p&ss<1", read.confirm_password);
        assertEquals("&lt;uk&gt;", read.keyboardLayout);
        assertEquals("&lt;m&gt;", read.monkey);
        assertEquals("&lt;t&gt;", read.resetToken, "@Escape on the property wins");
        assertEquals("a&b", read.code, "the JSON property's name decides");
        assertEquals(Map.of("X-Api-Key", "k<1>", "X-Note", "&lt;n&gt;"), read.headers);
        assertEquals(Map.of("apiKey", "a&b", "note", "&lt;n&gt;"), read.extra);
    }

    public static void leavesRecordComponentsNamedLikeCredentialsAsTyped(JsonBinding binding) throws Exception {
        Login read = (Login) binding.readWithModule(json("{'user':'<b>','accessToken':'a&b<c>'}"), Login.class);

        assertEquals(new Login("&lt;b&gt;", "a&b<c>"), read);
    }

    /** The escaper's names, replaced or extended, are the module's. */
    public static void usesTheEscapersNames(JsonBinding binding) throws Exception {
        Registration none = (Registration) binding.readWithModule(REGISTRATION, Registration.class,
                Escaper.builder().secretNames().build());
        Registration more = (Registration) binding.readWithModule(REGISTRATION, Registration.class,
                Escaper.builder().addSecretNames("monkey").build());

        assertEquals("p&amp;ss&lt;1", none.password);
        assertEquals("k&lt;1&gt;", none.headers.get("X-Api-Key"));
        assertEquals("<m>", more.monkey);
        assertEquals("p&ss<1", more.password);
    }
}
