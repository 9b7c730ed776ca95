package dev.htmlescape.benchmarks;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The results of one JMH run as tables, one per scenario and flavour, each row with its ratio to
 * the baseline row of the same table: {@code handWritten}, or {@code plainMapper} where JSON is
 * read. Rows of the same run share a JVM, a machine and its momentary load, so their ratios travel
 * between machines better than their times.
 */
final class RatioTable {

    /**
     * Each table's rows are ratios to the row of the first of these contenders that it has:
     * escaping written by hand, or, for reading JSON, the read without the module.
     */
    static final List<String> BASELINES = List.of("handWritten", "plainMapper");

    /** Contenders in the order a reader compares them; others follow by name. */
    private static final List<String> CONTENDER_ORDER = List.of("handWritten", "plainMapper",
            "escaper", "escapingMapper", "plainMapperThenEscaper", "naiveReflection", "commonsText",
            "springHtmlUtils", "resetOnly");

    /**
     * One benchmark's result.
     *
     * @param scenario what is escaped, such as {@code OrderGraph}
     * @param flavour {@code clean} or {@code dirty}
     * @param contender who escapes it: the benchmark method's name
     * @param score the mean time per operation
     * @param error the half-width of its 99.9% confidence interval; {@code NaN} when unknown
     * @param unit the score's unit, such as {@code ns/op}
     * @param bytesPerOp the memory allocated per operation; {@code NaN} without the GC profiler
     */
    record Measurement(String scenario, String flavour, String contender, double score,
            double error, String unit, double bytesPerOp) {
    }

    private final Map<String, List<Measurement>> tables = new LinkedHashMap<>();

    /**
     * Groups the measurements by scenario and flavour, in the order they first appear.
     *
     * @param measurements one run's results
     */
    RatioTable(List<Measurement> measurements) {
        for (Measurement measurement : measurements) {
            tables.computeIfAbsent(title(measurement), title -> new ArrayList<>()).add(measurement);
        }
        Comparator<Measurement> byContender = Comparator
                .comparingInt((Measurement m) -> rank(m.contender()))
                .thenComparing(Measurement::contender);
        tables.values().forEach(rows -> rows.sort(byContender));
    }

    /**
     * A row's time divided by the baseline's time in the same table.
     *
     * @param measurement a row of this table
     * @return the ratio, or {@code NaN} if the run had no baseline for its scenario and flavour
     */
    double ratio(Measurement measurement) {
        List<Measurement> rows = tables.get(title(measurement));
        for (String baseline : BASELINES) {
            for (Measurement row : rows) {
                if (row.contender().equals(baseline)) {
                    return measurement.score() / row.score();
                }
            }
        }
        return Double.NaN;
    }

    /**
     * The tables as aligned plain text.
     *
     * @return one block per scenario and flavour
     */
    String toText() {
        StringBuilder text = new StringBuilder();
        for (Map.Entry<String, List<Measurement>> table : tables.entrySet()) {
            String unit = table.getValue().get(0).unit();
            text.append('\n').append(table.getKey()).append('\n');
            text.append(String.format(Locale.ROOT, "  %-16s %14s   %12s %7s %12s%n",
                    "contender", unit, "error", "ratio", "B/op"));
            for (Measurement row : table.getValue()) {
                text.append(String.format(Locale.ROOT, "  %-16s %14s ± %12s %7s %12s%n",
                        row.contender(), time(row.score()), time(row.error()),
                        ratioText(row), bytes(row.bytesPerOp())));
            }
        }
        return text.toString();
    }

    /**
     * The tables as Markdown.
     *
     * @return one section per scenario and flavour
     */
    String toMarkdown() {
        StringBuilder markdown = new StringBuilder();
        for (Map.Entry<String, List<Measurement>> table : tables.entrySet()) {
            String unit = table.getValue().get(0).unit();
            markdown.append("\n## ").append(table.getKey()).append("\n\n");
            markdown.append("| Contender | ").append(unit).append(" | ± error | Ratio | B/op |\n");
            markdown.append("|---|---:|---:|---:|---:|\n");
            for (Measurement row : table.getValue()) {
                markdown.append("| ").append(row.contender())
                        .append(" | ").append(time(row.score()))
                        .append(" | ").append(time(row.error()))
                        .append(" | ").append(ratioText(row))
                        .append(" | ").append(bytes(row.bytesPerOp()))
                        .append(" |\n");
            }
        }
        return markdown.toString();
    }

    private static String title(Measurement measurement) {
        return measurement.scenario() + ", " + measurement.flavour();
    }

    private static int rank(String contender) {
        int rank = CONTENDER_ORDER.indexOf(contender);
        return rank < 0 ? CONTENDER_ORDER.size() : rank;
    }

    private static String time(double value) {
        return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, "%,.1f", value);
    }

    private String ratioText(Measurement row) {
        double ratio = ratio(row);
        return Double.isNaN(ratio) ? "n/a" : String.format(Locale.ROOT, "%.2f", ratio);
    }

    private static String bytes(double value) {
        return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, "%,.0f", value);
    }
}
