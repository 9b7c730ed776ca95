package dev.htmlescape.benchmarks;

import dev.htmlescape.Escaper;
import java.util.List;
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
 * The large-collection scenario: an {@code ArrayList} of Strings, where the work per String is all
 * there is; of 10,000 and of 100,000, to show that the time grows linearly with the size.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class StringListBenchmark {

    /** The list, clean or dirty. */
    @State(Scope.Thread)
    public static class Input {

        @Param({"clean", "dirty"})
        public String flavour;

        @Param({"10000", "100000"})
        public int size;

        StringListFixture fixture;

        @Setup
        public void build() {
            fixture = StringListFixture.ofSize(Flavour.of(flavour), size);
        }
    }

    /**
     * The dirty list alone, for {@link #resetOnly}, since clean input is never reset. The
     * one-valued parameter files the reset's row under dirty in the report.
     */
    @State(Scope.Thread)
    public static class DirtyInput {

        @Param("dirty")
        public String flavour;

        @Param({"10000", "100000"})
        public int size;

        StringListFixture fixture;

        @Setup
        public void build() {
            fixture = StringListFixture.ofSize(Flavour.of(flavour), size);
        }
    }

    @Benchmark
    public List<String> handWritten(Input input) {
        return HandWritten.escape(input.fixture.input());
    }

    @Benchmark
    public List<String> escaper(Input input) {
        return Escaper.escape(input.fixture.input());
    }

    @Benchmark
    public List<String> naiveReflection(Input input) {
        return NaiveReflection.escape(input.fixture.input());
    }

    @Benchmark
    public List<String> commonsText(Input input) {
        return HandWrittenWithEncoder.COMMONS_TEXT.escape(input.fixture.input());
    }

    @Benchmark
    public List<String> springHtmlUtils(Input input) {
        return HandWrittenWithEncoder.SPRING_HTML_UTILS.escape(input.fixture.input());
    }

    /**
     * What the dirty rows of the other contenders spend on putting the input back before each
     * operation; subtract it to see the escaping alone.
     */
    @Benchmark
    public List<String> resetOnly(DirtyInput input) {
        input.fixture.reset();
        return input.fixture.root();
    }
}
