package dev.htmlescape.benchmarks;

import dev.htmlescape.Escaper;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The record scenario: the {@link OrderGraphBenchmark} order as {@link OrderRecord records} with
 * immutable collections. Every contender returns an escaped copy. The hand-written code rebuilds
 * every record and collection; {@link Escaper} rebuilds only those whose Strings changed, and
 * returns clean input as it is. There is no naive reflection row: it cannot write records.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class RecordOrderGraphBenchmark {

    /** The order as records, clean or dirty. */
    @State(Scope.Thread)
    public static class Input {

        @Param({"clean", "dirty"})
        public String flavour;

        OrderRecordFixture fixture;

        @Setup
        public void build() {
            fixture = new OrderRecordFixture(Flavour.of(flavour));
        }
    }

    @Benchmark
    public OrderRecord handWritten(Input input) {
        return HandWritten.escape(input.fixture.input());
    }

    @Benchmark
    public OrderRecord escaper(Input input) {
        return Escaper.escape(input.fixture.input());
    }

    @Benchmark
    public OrderRecord commonsText(Input input) {
        return HandWrittenWithEncoder.COMMONS_TEXT.escape(input.fixture.input());
    }

    @Benchmark
    public OrderRecord springHtmlUtils(Input input) {
        return HandWrittenWithEncoder.SPRING_HTML_UTILS.escape(input.fixture.input());
    }
}
