package dev.htmlescape.benchmarks;

import dev.htmlescape.Escaper;
import dev.htmlescape.jackson.HtmlEscapeModule;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON scenario: a request body read by Jackson, with and without {@link HtmlEscapeModule},
 * for each {@link JsonDocument}. What the module costs is the read's cost, so the baseline here is
 * the plain read, not hand-written escaping. The third contender is what an application without
 * the module would do: read plainly, then {@link Escaper#escape} the result. Reading never changes
 * the input, so nothing is reset.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class JacksonReadBenchmark {

    private static final JsonMapper PLAIN = JsonMapper.builder().build();
    private static final JsonMapper ESCAPING = JsonMapper.builder().addModule(new HtmlEscapeModule()).build();

    /** One document, clean or dirty, as UTF-8 bytes, and a reader for its type from each mapper. */
    @State(Scope.Thread)
    public static class Input {

        @Param({"contactForm", "order", "orderRecord", "stringList"})
        public String document;

        @Param({"clean", "dirty"})
        public String flavour;

        byte[] json;
        ObjectReader plainReader;
        ObjectReader escapingReader;

        @Setup
        public void build() {
            JsonDocument read = JsonDocument.of(document);
            json = read.json(Flavour.of(flavour));
            plainReader = PLAIN.readerFor(read.type(PLAIN.getTypeFactory()));
            escapingReader = ESCAPING.readerFor(read.type(ESCAPING.getTypeFactory()));
        }
    }

    @Benchmark
    public Object plainMapper(Input input) {
        return input.plainReader.readValue(input.json);
    }

    @Benchmark
    public Object escapingMapper(Input input) {
        return input.escapingReader.readValue(input.json);
    }

    @Benchmark
    public Object plainMapperThenEscaper(Input input) {
        return Escaper.escape(input.plainReader.readValue(input.json));
    }
}
