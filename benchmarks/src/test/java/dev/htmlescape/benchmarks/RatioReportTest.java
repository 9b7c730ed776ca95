package dev.htmlescape.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.ProfilerConfig;
import org.openjdk.jmh.runner.options.TimeValue;

class RatioReportTest {

    @Test
    void theDefaultsApplyWhereTheCommandLineIsSilent() throws Exception {
        Options options = RatioReport.withDefaults(new CommandLineOptions());

        assertEquals(1, options.getForkCount().get());
        assertEquals(3, options.getWarmupIterations().get());
        assertEquals(TimeValue.seconds(1), options.getWarmupTime().get());
        assertEquals(5, options.getMeasurementIterations().get());
        assertEquals(TimeValue.seconds(1), options.getMeasurementTime().get());
        assertEquals(List.of(Mode.AverageTime), List.copyOf(options.getBenchModes()));
        assertEquals(TimeUnit.NANOSECONDS, options.getTimeUnit().get());
        assertEquals(List.of("org.openjdk.jmh.profile.GCProfiler"), profilers(options));
        assertEquals(List.of("-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch"),
                List.copyOf(options.getJvmArgsAppend().get()));
    }

    @Test
    void theCommandLineWinsOverEachDefault() throws Exception {
        Options options = RatioReport.withDefaults(new CommandLineOptions("OrderGraph", "-f", "2",
                "-wi", "0", "-w", "200ms", "-i", "10", "-r", "2s", "-bm", "thrpt", "-tu", "us",
                "-prof", "gc", "-jvmArgs", "-Xmx512m"));

        assertEquals(List.of("OrderGraph"), options.getIncludes());
        assertEquals(2, options.getForkCount().get());
        assertEquals(0, options.getWarmupIterations().get());
        assertEquals(TimeValue.milliseconds(200), options.getWarmupTime().get());
        assertEquals(10, options.getMeasurementIterations().get());
        assertEquals(TimeValue.seconds(2), options.getMeasurementTime().get());
        assertEquals(List.of(Mode.Throughput), List.copyOf(options.getBenchModes()));
        assertEquals(TimeUnit.MICROSECONDS, options.getTimeUnit().get());
        assertEquals(List.of("gc"), profilers(options), "the GC profiler once");
        assertEquals(List.of("-Xmx512m"), List.copyOf(options.getJvmArgs().get()));
        assertFalse(options.getJvmArgsAppend().hasValue(), "no heap settings of ours");
    }

    @Test
    void otherProfilersAreAddedToTheGcProfiler() throws Exception {
        Options options = RatioReport.withDefaults(new CommandLineOptions("-prof", "stack"));

        assertEquals(List.of("org.openjdk.jmh.profile.GCProfiler", "stack"),
                profilers(options).stream().sorted().toList());
    }

    @Test
    void aScenarioIsItsClassNamedWithoutBenchmarkThenItsOtherParameters() {
        assertEquals("OrderGraph", RatioReport.scenario("OrderGraphBenchmark", Map.of()));
        assertEquals("JacksonRead orderRecord", RatioReport.scenario("JacksonReadBenchmark",
                Map.of("document", "orderRecord")));
        assertEquals("Jackson2Read stringList", RatioReport.scenario("Jackson2ReadBenchmark",
                Map.of("document", "stringList")));
        assertEquals("Some a b", RatioReport.scenario("SomeBenchmark",
                new TreeMap<>(Map.of("second", "b", "first", "a"))));
    }

    private static List<String> profilers(Options options) {
        return options.getProfilers().stream().map(ProfilerConfig::getKlass).toList();
    }
}
