package dev.htmlescape.benchmarks;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.NoBenchmarksException;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.ProfilerConfig;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs the benchmarks in one JMH run and prints, per scenario and flavour, each contender's time
 * and its ratio to the hand-written code (to the read without the module, where JSON is read),
 * with the memory it allocates per operation. The same tables go, as Markdown, to {@code
 * ratios.md} beside the benchmarks jar ({@code benchmarks/target}).
 *
 * <pre>{@code
 * benchmarks/run                          # every benchmark, the defaults below
 * benchmarks/run OrderGraph -f 2 -i 10    # a regex and JMH's usual options
 * benchmarks/run -h                       # JMH's options
 * }</pre>
 *
 * <p>Defaults, for a short run that repeats well (about seven minutes for all benchmarks): one
 * fork, three warm-up and five measured iterations of one second each, average time in
 * nanoseconds, JMH's GC profiler for the bytes allocated per operation, and a fixed, pre-touched
 * heap ({@value #HEAP}) in the forked JVMs. Each JMH option given on the command line replaces its
 * default (any {@code -jvmArgs*} option replaces the heap settings); the GC profiler is kept when
 * other profilers are named, since the table needs it.
 */
public final class RatioReport {

    private static final String ALLOCATED_BYTES_PER_OP = "gc.alloc.rate.norm";

    /** What the ratios are to: {@link RatioTable#BASELINES}, in words. */
    private static final String BASELINE_TEXT = "handWritten (plainMapper for reading JSON)";

    /**
     * The forked JVMs' heap. Dirty text allocates fast (OWASP's encoder takes fresh buffers for
     * each String it changes: 160 MB per operation on the large list), and a heap that still grows
     * and touches new pages during the measurement made those runs vary two-fold.
     */
    static final String HEAP = "-Xms2g -Xmx2g -XX:+AlwaysPreTouch";

    private RatioReport() {
    }

    /**
     * Runs the benchmarks and prints the report.
     *
     * @param args JMH command-line options, such as {@code -f 2 -i 10} or a benchmark regex
     * @throws IOException if the help cannot be printed or the Markdown file cannot be written
     */
    public static void main(String[] args) throws IOException {
        CommandLineOptions commandLine;
        try {
            commandLine = new CommandLineOptions(args);
        } catch (CommandLineOptionException e) {
            System.err.println("Error parsing command line: " + e.getMessage());
            System.exit(1);
            return;
        }
        if (answeredQuestion(commandLine)) {
            return;
        }

        Collection<RunResult> results;
        try {
            results = new Runner(withDefaults(commandLine)).run();
        } catch (NoBenchmarksException e) {
            System.err.println("No benchmark matches " + commandLine.getIncludes()
                    + "; run with -l to list them.");
            System.exit(1);
            return;
        } catch (RunnerException e) {
            System.err.print("ERROR: ");
            e.printStackTrace(System.err);
            System.exit(1);
            return;
        }
        if (results.isEmpty()) {
            System.err.println("No benchmark finished: see the errors above.");
            System.exit(1);
            return;
        }

        List<String> about = about(results.iterator().next().getParams());
        RatioTable table = new RatioTable(measurements(results));
        print(System.out, about, table);
        Path markdown = writeMarkdown(about, table);
        System.out.println();
        System.out.println("Written to " + markdown);
    }

    /** The listing and help options that JMH's own launcher answers instead of running. */
    private static boolean answeredQuestion(CommandLineOptions commandLine) throws IOException {
        if (commandLine.shouldHelp()) {
            commandLine.showHelp();
        } else if (commandLine.shouldList()) {
            new Runner(commandLine).list();
        } else if (commandLine.shouldListWithParams()) {
            new Runner(commandLine).listWithParams(commandLine);
        } else if (commandLine.shouldListProfilers()) {
            commandLine.listProfilers();
        } else if (commandLine.shouldListResultFormats()) {
            commandLine.listResultFormats();
        } else {
            return false;
        }
        return true;
    }

    /**
     * The command line's options over this report's defaults. An {@link OptionsBuilder}'s own
     * settings win over its parent's, so each default is set only where the command line is
     * silent.
     */
    static Options withDefaults(CommandLineOptions commandLine) {
        ChainedOptionsBuilder options = new OptionsBuilder().parent(commandLine);
        if (!commandLine.getForkCount().hasValue()) {
            options.forks(1);
        }
        if (!commandLine.getWarmupIterations().hasValue()) {
            options.warmupIterations(3);
        }
        if (!commandLine.getWarmupTime().hasValue()) {
            options.warmupTime(TimeValue.seconds(1));
        }
        if (!commandLine.getMeasurementIterations().hasValue()) {
            options.measurementIterations(5);
        }
        if (!commandLine.getMeasurementTime().hasValue()) {
            options.measurementTime(TimeValue.seconds(1));
        }
        if (commandLine.getBenchModes().isEmpty()) {
            options.mode(Mode.AverageTime);
        }
        if (!commandLine.getTimeUnit().hasValue()) {
            options.timeUnit(TimeUnit.NANOSECONDS);
        }
        if (!commandLine.getJvmArgs().hasValue() && !commandLine.getJvmArgsAppend().hasValue()
                && !commandLine.getJvmArgsPrepend().hasValue()) {
            options.jvmArgsAppend(HEAP.split(" "));
        }
        if (!hasGcProfiler(commandLine.getProfilers())) {
            options.addProfiler(GCProfiler.class);
        }
        return options.build();
    }

    private static boolean hasGcProfiler(List<ProfilerConfig> profilers) {
        for (ProfilerConfig profiler : profilers) {
            if (profiler.getKlass().equals("gc")
                    || profiler.getKlass().equals(GCProfiler.class.getName())) {
                return true;
            }
        }
        return false;
    }

    private static List<RatioTable.Measurement> measurements(Collection<RunResult> results) {
        List<RatioTable.Measurement> measurements = new ArrayList<>();
        for (RunResult result : results) {
            BenchmarkParams params = result.getParams();
            String benchmark = params.getBenchmark(); // package.Class.method
            int method = benchmark.lastIndexOf('.');
            int className = benchmark.lastIndexOf('.', method - 1) + 1;
            String flavour = params.getParam("flavour");
            Map<String, String> otherParams = new TreeMap<>();
            for (String key : params.getParamsKeys()) {
                if (!key.equals("flavour")) {
                    otherParams.put(key, params.getParam(key));
                }
            }
            Result<?> primary = result.getPrimaryResult();
            Result<?> allocated = result.getSecondaryResults().get(ALLOCATED_BYTES_PER_OP);
            measurements.add(new RatioTable.Measurement(
                    scenario(benchmark.substring(className, method), otherParams),
                    flavour == null ? "-" : flavour,
                    benchmark.substring(method + 1),
                    primary.getScore(),
                    primary.getScoreError(),
                    primary.getScoreUnit(),
                    allocated == null ? Double.NaN : allocated.getScore()));
        }
        return measurements;
    }

    /**
     * A scenario's name: its benchmark class's name without {@code Benchmark}, then the values of
     * its parameters other than the flavour, such as {@code JacksonRead order}.
     *
     * @param benchmarkClass the benchmark class's simple name
     * @param params the parameters other than the flavour, by name
     * @return the name its tables are filed under
     */
    static String scenario(String benchmarkClass, Map<String, String> params) {
        StringBuilder scenario = new StringBuilder(benchmarkClass.replaceFirst("Benchmark$", ""));
        params.values().forEach(value -> scenario.append(' ').append(value));
        return scenario.toString();
    }

    /** The JVM and the machine that ran the benchmarks, and how JMH measured. */
    private static List<String> about(BenchmarkParams params) {
        return List.of(
                String.format(Locale.ROOT, "JVM:     %s %s, JDK %s (%s)", params.getVmName(),
                        params.getVmVersion(), params.getJdkVersion(), params.getJvm()),
                String.format(Locale.ROOT, "Machine: %d cores, %s/%s",
                        Runtime.getRuntime().availableProcessors(), System.getProperty("os.name"),
                        System.getProperty("os.arch")),
                String.format(Locale.ROOT,
                        "JMH:     %s, %s, forks %d, warm-up %d x %s, measurement %d x %s,"
                                + " threads %d, JVM options %s",
                        params.getJmhVersion(), params.getMode().shortLabel(), params.getForks(),
                        params.getWarmup().getCount(), params.getWarmup().getTime(),
                        params.getMeasurement().getCount(), params.getMeasurement().getTime(),
                        params.getThreads(), params.getJvmArgs()));
    }

    private static void print(PrintStream out, List<String> about, RatioTable table) {
        out.println();
        out.println("htmlescape benchmarks: time per operation, ratio to " + BASELINE_TEXT
                + " in the same scenario and flavour (lower is faster), bytes allocated per"
                + " operation");
        about.forEach(out::println);
        out.print(table.toText());
    }

    private static Path writeMarkdown(List<String> about, RatioTable table) throws IOException {
        StringBuilder markdown = new StringBuilder("# htmlescape benchmarks\n\n");
        for (String line : about) {
            markdown.append("- ").append(line.replaceFirst(":\\s+", ": ")).append('\n');
        }
        markdown.append("\nTime per operation and its ratio to `handWritten` (`plainMapper` for"
                + " reading JSON) in the same scenario and flavour (lower is faster); B/op is the"
                + " memory allocated per operation (`" + ALLOCATED_BYTES_PER_OP + "`).\n");
        markdown.append(table.toMarkdown());
        Path file = reportDirectory().resolve("ratios.md");
        Files.writeString(file, markdown, StandardCharsets.UTF_8);
        return file;
    }

    /**
     * Where the jar (or, run from an IDE, the classes directory) lies: {@code benchmarks/target}
     * either way, whatever the working directory.
     */
    private static Path reportDirectory() {
        try {
            Path location = Path.of(RatioReport.class.getProtectionDomain().getCodeSource()
                    .getLocation().toURI());
            return location.getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate the benchmarks jar", e);
        }
    }
}
