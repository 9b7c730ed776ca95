package dev.htmlescape.benchmarks;

import dev.htmlescape.EscapeContext;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;
import org.owasp.encoder.Encode;

/**
 * The encoders alone, with no graph: 64 Strings of the fixtures' text, clean or a quarter dirty,
 * through OWASP's {@code Encode.forHtml} (the hand-written row) and through the HTML context's
 * encoder, whose output is identical. Shows how much of a graph's time is the encoding itself.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class EncoderBenchmark {

    private static final int COUNT = 64;

    /** The Strings, clean or a quarter dirty. */
    @State(Scope.Thread)
    public static class Input {

        @Param({"clean", "dirty"})
        public String flavour;

        String[] texts;

        @Setup
        public void build() {
            SampleText text = new SampleText(Flavour.of(flavour), 0);
            texts = new String[COUNT];
            for (int i = 0; i < COUNT; i++) {
                texts[i] = text.nextAny();
            }
        }
    }

    @Benchmark
    public void handWritten(Input input, Blackhole blackhole) {
        for (String text : input.texts) {
            blackhole.consume(Encode.forHtml(text));
        }
    }

    @Benchmark
    public void escaper(Input input, Blackhole blackhole) {
        for (String text : input.texts) {
            blackhole.consume(EscapeContext.HTML.encode(text));
        }
    }
}
