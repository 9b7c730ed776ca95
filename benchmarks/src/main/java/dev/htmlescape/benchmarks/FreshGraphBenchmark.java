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
 * The fresh-graph scenario: each operation escapes another {@link Purchase} (22 objects, 73
 * Strings of their own) from a pool of pre-built graphs, as each request brings a graph of its
 * own. With 16 graphs (about 200 KB) the pool stays in the processor's caches; with 8,192 (about
 * 100 MB) each graph comes from memory.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class FreshGraphBenchmark {

    /** The pool, clean or dirty. */
    @State(Scope.Thread)
    public static class Input {

        @Param({"16", "8192"})
        public int graphs;

        @Param({"clean", "dirty"})
        public String flavour;

        PurchasePool pool;

        @Setup
        public void build() {
            pool = new PurchasePool(Flavour.of(flavour), graphs);
        }
    }

    /** A dirty pool alone, for {@link #resetOnly}, since clean input is never reset. */
    @State(Scope.Thread)
    public static class DirtyInput {

        @Param({"16", "8192"})
        public int graphs;

        @Param("dirty")
        public String flavour;

        PurchasePool pool;

        @Setup
        public void build() {
            pool = new PurchasePool(Flavour.of(flavour), graphs);
        }
    }

    @Benchmark
    public Purchase handWritten(Input input) {
        return HandWritten.escape(input.pool.next().input());
    }

    @Benchmark
    public Purchase escaper(Input input) {
        return Escaper.escape(input.pool.next().input());
    }

    /**
     * What the dirty rows spend on taking the next graph and putting its text back before each
     * operation; subtract it to see the escaping alone.
     */
    @Benchmark
    public Purchase resetOnly(DirtyInput input) {
        return input.pool.next().input();
    }
}
