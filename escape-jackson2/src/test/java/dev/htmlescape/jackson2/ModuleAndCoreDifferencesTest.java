package dev.htmlescape.jackson2;

import static dev.htmlescape.jackson2.Jackson2Binding.JACKSON_2;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import dev.htmlescape.Escaper;
import dev.htmlescape.testing.jackson.DifferenceCase;
import dev.htmlescape.testing.jackson.DifferenceCases;
import java.io.IOException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The shapes where reading with {@link HtmlEscapeModule} and reading plainly, then calling
 * {@link Escaper#escape}, give different results by design (the shared table, and a custom
 * deserializer of this line); everywhere else they agree (see {@link ModuleAgreesWithCoreProperties}).
 */
class ModuleAndCoreDifferencesTest {

    /** Reads the text itself, not through the context: the module never sees it. */
    static final class RawText extends JsonDeserializer<String> {
        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            return p.getText();
        }
    }

    public static class Custom {
        @JsonDeserialize(using = RawText.class)
        public String text;
    }

    static Stream<DifferenceCase> differences() {
        return Stream.concat(DifferenceCases.cases(), Stream.of(
                new DifferenceCase("a custom deserializer that reads the text itself: the module leaves it",
                        "{'text':'<t>'}", Custom.class, o -> ((Custom) o).text,
                        "<t>", "&lt;t&gt;")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("differences")
    void theModuleAndTheCoreDifferByDesign(DifferenceCase difference) {
        difference.check(JACKSON_2);
    }

    @Test
    void aStrictCoreRefusesTheFinalFieldThatTheDefaultOneLeaves() throws Exception {
        DifferenceCases.aStrictCoreRefusesTheFinalFieldThatTheDefaultOneLeaves(JACKSON_2);
    }
}
