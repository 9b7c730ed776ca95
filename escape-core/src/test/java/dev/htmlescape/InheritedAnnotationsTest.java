package dev.htmlescape;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.owasp.encoder.Encode;

/** Type annotations reach subclasses: a subclass of an excluded type is a type of the same kind. */
class InheritedAnnotationsTest {

    private static final String INPUT = "<a href='x'>";

    @NoEscape
    static class Credentials {
        String secret = INPUT;
    }

    static class ApiCredentials extends Credentials {
        String token = INPUT;
    }

    @Escape(EscapeContext.JAVASCRIPT)
    static class Script {
        String source = INPUT;
    }

    static class InlineScript extends Script {
        String body = INPUT;
    }

    static class Holder {
        Object credentials = new ApiCredentials();
        Object script = new InlineScript();
    }

    @Test
    void neverEntersSubclassesOfANoEscapeType() {
        Holder holder = Escaper.escape(new Holder());

        ApiCredentials credentials = (ApiCredentials) holder.credentials;
        assertEquals(INPUT, credentials.secret);
        assertEquals(INPUT, credentials.token);
    }

    @Test
    void escapesFieldsOfSubclassesInTheContextOfTheirAnnotatedSupertype() {
        Holder holder = Escaper.escape(new Holder());

        InlineScript script = (InlineScript) holder.script;
        assertEquals(Encode.forJavaScript(INPUT), script.source);
        assertEquals(Encode.forJavaScript(INPUT), script.body);
    }
}
