package dev.htmlescape.jackson;

import static dev.htmlescape.jackson.Jackson3Binding.JACKSON_3;

import dev.htmlescape.Escaper;
import dev.htmlescape.testing.jackson.DifferenceCase;
import dev.htmlescape.testing.jackson.DifferenceCases;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * The shapes where reading with {@link HtmlEscapeModule} and reading plainly, then calling
 * {@link Escaper#escape}, give different results by design (the shared table, and a custom
 * deserializer of this line); everywhere else they agree (see {@link ModuleAgreesWithCoreProperties}).
 */
class ModuleAndCoreDifferencesTest {

    /** Reads the text itself, not through the context: the module never sees it. */
    static final class RawText extends ValueDeserializer<String> {
        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) {
            return p.getString();
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
        difference.check(JACKSON_3);
    }

    @Test
    void aStrictCoreRefusesTheFinalFieldThatTheDefaultOneLeaves() throws Exception {
        DifferenceCases.aStrictCoreRefusesTheFinalFieldThatTheDefaultOneLeaves(JACKSON_3);
    }
}
