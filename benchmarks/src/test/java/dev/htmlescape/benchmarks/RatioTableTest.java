package dev.htmlescape.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class RatioTableTest {

    private static final RatioTable TABLE = new RatioTable(List.of(
            measurement("OrderGraph", "clean", "escaper", 300, 416),
            measurement("OrderGraph", "clean", "handWritten", 100, 0),
            measurement("OrderGraph", "dirty", "resetOnly", 20, 96),
            measurement("OrderGraph", "dirty", "handWritten", 1_000, 102_080),
            measurement("OrderGraph", "dirty", "escaper", 500, Double.NaN),
            measurement("FlatForm", "clean", "escaper", 50, 0)));

    @Test
    void ratiosAreToHandWrittenInTheSameScenarioAndFlavour() {
        assertEquals(3.0, TABLE.ratio(measurement("OrderGraph", "clean", "escaper", 300, 0)));
        assertEquals(0.5, TABLE.ratio(measurement("OrderGraph", "dirty", "escaper", 500, 0)));
        assertEquals(Double.NaN, TABLE.ratio(measurement("FlatForm", "clean", "escaper", 50, 0)),
                "no baseline in the run");
    }

    @Test
    void jsonReadsAreRatiosToThePlainMapper() {
        RatioTable table = new RatioTable(List.of(
                measurement("JacksonRead order", "dirty", "escapingMapper", 1_500, 4_096),
                measurement("JacksonRead order", "dirty", "plainMapper", 1_000, 2_048),
                measurement("JacksonRead stringList", "dirty", "escapingMapper", 900, 0)));

        assertEquals(1.5, table.ratio(measurement("JacksonRead order", "dirty", "escapingMapper", 1_500, 0)));
        assertEquals(Double.NaN, table.ratio(measurement("JacksonRead stringList", "dirty", "escapingMapper", 900, 0)),
                "no baseline in the run");
        assertInOrder(table.toText().replaceAll(" +", " "), "JacksonRead order, dirty",
                "plainMapper 1,000.0 ± 1.0 1.00 2,048", "escapingMapper 1,500.0 ± 1.0 1.50 4,096");
    }

    @Test
    void eachJacksonLineIsARatioToItsOwnPlainMapper() {
        RatioTable table = new RatioTable(List.of(
                measurement("JacksonRead order", "clean", "plainMapper", 1_000, 0),
                measurement("JacksonRead order", "clean", "escapingMapper", 1_100, 0),
                measurement("Jackson2Read order", "clean", "escapingMapper", 1_050, 0),
                measurement("Jackson2Read order", "clean", "plainMapper", 700, 0)));

        assertEquals(1.1, table.ratio(measurement("JacksonRead order", "clean", "escapingMapper", 1_100, 0)), 1e-9);
        assertEquals(1.5, table.ratio(measurement("Jackson2Read order", "clean", "escapingMapper", 1_050, 0)), 1e-9);
        assertInOrder(table.toText().replaceAll(" +", " "), "JacksonRead order, clean",
                "plainMapper 1,000.0 ± 1.0 1.00", "escapingMapper 1,100.0 ± 1.0 1.10",
                "Jackson2Read order, clean", "plainMapper 700.0 ± 1.0 1.00", "escapingMapper 1,050.0 ± 1.0 1.50");
    }

    @Test
    void handWrittenIsTheBaselineWhereverItRuns() {
        RatioTable table = new RatioTable(List.of(
                measurement("Mixed", "clean", "plainMapper", 50, 0),
                measurement("Mixed", "clean", "handWritten", 100, 0)));

        assertEquals(0.5, table.ratio(measurement("Mixed", "clean", "plainMapper", 50, 0)));
    }

    @Test
    void textGroupsByScenarioAndFlavourWithTheBaselineFirst() {
        String text = TABLE.toText().replaceAll(" +", " "); // columns are padded with spaces

        assertInOrder(text, "OrderGraph, clean", "contender ns/op error ratio B/op",
                "handWritten 100.0 ± 1.0 1.00 0", "escaper 300.0 ± 1.0 3.00 416",
                "OrderGraph, dirty", "handWritten 1,000.0 ± 1.0 1.00 102,080",
                "escaper 500.0 ± 1.0 0.50 n/a", "resetOnly 20.0 ± 1.0 0.02 96",
                "FlatForm, clean", "escaper 50.0 ± 1.0 n/a 0");
    }

    @Test
    void markdownHasOneTablePerScenarioAndFlavour() {
        String markdown = TABLE.toMarkdown();

        assertInOrder(markdown,
                "## OrderGraph, clean",
                "| Contender | ns/op | ± error | Ratio | B/op |",
                "|---|---:|---:|---:|---:|",
                "| handWritten | 100.0 | 1.0 | 1.00 | 0 |",
                "| escaper | 300.0 | 1.0 | 3.00 | 416 |",
                "## OrderGraph, dirty",
                "| handWritten | 1,000.0 | 1.0 | 1.00 | 102,080 |",
                "## FlatForm, clean");
    }

    private static RatioTable.Measurement measurement(String scenario, String flavour,
            String contender, double score, double bytesPerOp) {
        return new RatioTable.Measurement(scenario, flavour, contender, score, 1.0, "ns/op",
                bytesPerOp);
    }

    private static void assertInOrder(String text, String... parts) {
        int from = 0;
        for (String part : parts) {
            int at = text.indexOf(part, from);
            assertTrue(at >= 0, "\"" + part + "\" after position " + from + " in\n" + text);
            from = at + part.length();
        }
    }
}
