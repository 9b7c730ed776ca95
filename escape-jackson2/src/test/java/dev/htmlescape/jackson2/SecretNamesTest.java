package dev.htmlescape.jackson2;

import dev.htmlescape.testing.jackson.SecretNameCases;
import org.junit.jupiter.api.Test;

/** Credentials keep their exact text: the shared cases on this Jackson line. */
class SecretNamesTest {

    @Test
    void leavesCredentialsAsTypedAndEscapesTheRest() throws Exception {
        SecretNameCases.leavesCredentialsAsTypedAndEscapesTheRest(Jackson2Binding.JACKSON_2);
    }

    @Test
    void leavesRecordComponentsNamedLikeCredentialsAsTyped() throws Exception {
        SecretNameCases.leavesRecordComponentsNamedLikeCredentialsAsTyped(Jackson2Binding.JACKSON_2);
    }

    @Test
    void usesTheEscapersNames() throws Exception {
        SecretNameCases.usesTheEscapersNames(Jackson2Binding.JACKSON_2);
    }
}
