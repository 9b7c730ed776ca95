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
 * The flat scenario: a {@link ContactForm} with ten String fields, the shape of most web forms. The
 * cost of walking is all per-call overhead here, with few Strings to share it.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class FlatFormBenchmark {

    /** The contact form, clean or dirty. */
    @State(Scope.Thread)
    public static class Input {

        @Param({"clean", "dirty"})
        public String flavour;

        ContactFormFixture fixture;

        @Setup
        public void build() {
            fixture = new ContactFormFixture(Flavour.of(flavour));
        }
    }

    /**
     * The dirty contact form alone, for {@link #resetOnly}, since clean input is never reset. The
     * one-valued parameter files the reset's row under dirty in the report.
     */
    @State(Scope.Thread)
    public static class DirtyInput {

        @Param("dirty")
        public String flavour;

        ContactFormFixture fixture;

        @Setup
        public void build() {
            fixture = new ContactFormFixture(Flavour.of(flavour));
        }
    }

    @Benchmark
    public ContactForm handWritten(Input input) {
        return HandWritten.escape(input.fixture.input());
    }

    @Benchmark
    public ContactForm escaper(Input input) {
        return Escaper.escape(input.fixture.input());
    }

    @Benchmark
    public ContactForm naiveReflection(Input input) {
        return NaiveReflection.escape(input.fixture.input());
    }

    @Benchmark
    public ContactForm commonsText(Input input) {
        return HandWrittenWithEncoder.COMMONS_TEXT.escape(input.fixture.input());
    }

    @Benchmark
    public ContactForm springHtmlUtils(Input input) {
        return HandWrittenWithEncoder.SPRING_HTML_UTILS.escape(input.fixture.input());
    }

    /**
     * What the dirty rows of the other contenders spend on putting the input back before each
     * operation; subtract it to see the escaping alone.
     */
    @Benchmark
    public ContactForm resetOnly(DirtyInput input) {
        input.fixture.reset();
        return input.fixture.root();
    }
}
