package dev.htmlescape.jackson;

import dev.htmlescape.testing.jackson.SecretNameCases;
import org.junit.jupiter.api.Test;

/** Credentials keep their exact text: the shared cases on this Jackson line. */
class SecretNamesTest {

    @Test
    void leavesCredentialsAsTypedAndEscapesTheRest() throws Exception {
        SecretNameCases.leavesCredentialsAsTypedAndEscapesTheRest(Jackson3Binding.JACKSON_3);
    }

    @Test
    void leavesRecordComponentsNamedLikeCredentialsAsTyped() throws Exception {
        SecretNameCases.leavesRecordComponentsNamedLikeCredentialsAsTyped(Jackson3Binding.JACKSON_3);
    }

    @Test
    void usesTheEscapersNames() throws Exception {
        SecretNameCases.usesTheEscapersNames(Jackson3Binding.JACKSON_3);
    }
}
