package dev.htmlescape.benchmarks;

import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.htmlescape.Escaper;
import dev.htmlescape.jackson2.HtmlEscapeModule;
import java.io.IOException;
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
 * {@link JacksonReadBenchmark} for Jackson 2: the same documents read by a plain Jackson 2 mapper
 * (the baseline), by one with the Jackson 2 {@link HtmlEscapeModule}, and by the plain mapper
 * followed by {@link Escaper#escape}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class Jackson2ReadBenchmark {

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
            plainReader = PLAIN.readerFor(PLAIN.constructType(read.genericType()));
            escapingReader = ESCAPING.readerFor(ESCAPING.constructType(read.genericType()));
        }
    }

    @Benchmark
    public Object plainMapper(Input input) throws IOException {
        return input.plainReader.readValue(input.json);
    }

    @Benchmark
    public Object escapingMapper(Input input) throws IOException {
        return input.escapingReader.readValue(input.json);
    }

    @Benchmark
    public Object plainMapperThenEscaper(Input input) throws IOException {
        return Escaper.escape(input.plainReader.readValue(input.json));
    }
}
