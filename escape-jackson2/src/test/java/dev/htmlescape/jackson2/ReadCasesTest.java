package dev.htmlescape.jackson2;

import static dev.htmlescape.jackson2.Jackson2Binding.JACKSON_2;

import dev.htmlescape.testing.jackson.ReadCase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The shared table of reads, run with the Jackson 2 module. */
class ReadCasesTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.htmlescape.testing.jackson.ShapeCases#cases")
    void everyPlaceAStringCanLand(ReadCase<?> row) throws Exception {
        row.check(JACKSON_2);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.htmlescape.testing.jackson.AnnotationCases#cases")
    void theCoreAnnotationsWhereverJacksonFindsAProperty(ReadCase<?> row) throws Exception {
        row.check(JACKSON_2);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.htmlescape.testing.jackson.SetEntryAndTextCases#cases")
    void setsEntriesAndCharSequences(ReadCase<?> row) throws Exception {
        row.check(JACKSON_2);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.htmlescape.testing.jackson.BehaviourCases#cases")
    void errorsAndMerging(ReadCase<?> row) throws Exception {
        row.check(JACKSON_2);
    }
}
