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
 * The graph scenario: an {@link Order} of mutable beans with 63 Strings in nested beans, an {@code
 * ArrayList} of order lines with lists of tags, and a {@code HashMap} of attributes.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class OrderGraphBenchmark {

    /** The order, clean or dirty. */
    @State(Scope.Thread)
    public static class Input {

        @Param({"clean", "dirty"})
        public String flavour;

        OrderFixture fixture;

        @Setup
        public void build() {
            fixture = new OrderFixture(Flavour.of(flavour));
        }
    }

    /**
     * The dirty order alone, for {@link #resetOnly}, since clean input is never reset. The
     * one-valued parameter files the reset's row under dirty in the report.
     */
    @State(Scope.Thread)
    public static class DirtyInput {

        @Param("dirty")
        public String flavour;

        OrderFixture fixture;

        @Setup
        public void build() {
            fixture = new OrderFixture(Flavour.of(flavour));
        }
    }

    @Benchmark
    public Order handWritten(Input input) {
        return HandWritten.escape(input.fixture.input());
    }

    @Benchmark
    public Order escaper(Input input) {
        return Escaper.escape(input.fixture.input());
    }

    @Benchmark
    public Order naiveReflection(Input input) {
        return NaiveReflection.escape(input.fixture.input());
    }

    @Benchmark
    public Order commonsText(Input input) {
        return HandWrittenWithEncoder.COMMONS_TEXT.escape(input.fixture.input());
    }

    @Benchmark
    public Order springHtmlUtils(Input input) {
        return HandWrittenWithEncoder.SPRING_HTML_UTILS.escape(input.fixture.input());
    }

    /**
     * What the dirty rows of the other contenders spend on putting the input back before each
     * operation; subtract it to see the escaping alone.
     */
    @Benchmark
    public Order resetOnly(DirtyInput input) {
        input.fixture.reset();
        return input.fixture.root();
    }
}
