package dev.htmlescape.benchmarks;

import dev.htmlescape.Escaper;
import java.util.concurrent.ThreadFactory;
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
 * A request loop with a new thread per request, as Spring Boot runs one with {@code
 * spring.threads.virtual.enabled}: each operation starts a thread that escapes the clean order and
 * waits for it. On Java 21 and later the thread is virtual; before, where there are none, it is a
 * platform thread (the report names the JVM). {@code threadOnly} starts and joins a thread that does
 * nothing, for scale: what the escaping itself adds is the difference to it.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ThreadPerRequestBenchmark {

    /** The clean order, which stays clean, and the factory of the request threads. */
    @State(Scope.Thread)
    public static class Input {

        @Param("clean")
        public String flavour;

        OrderFixture fixture;
        ThreadFactory threads;

        @Setup
        public void build() {
            fixture = new OrderFixture(Flavour.of(flavour));
            threads = requestThreads();
        }
    }

    @Benchmark
    public Object handWritten(Input input) throws InterruptedException {
        return onNewThread(input, () -> HandWritten.escape(input.fixture.input()));
    }

    @Benchmark
    public Object escaper(Input input) throws InterruptedException {
        return onNewThread(input, () -> Escaper.escape(input.fixture.input()));
    }

    @Benchmark
    public Object threadOnly(Input input) throws InterruptedException {
        return onNewThread(input, () -> input.fixture);
    }

    private interface Request {
        Object handle();
    }

    private static Object onNewThread(Input input, Request request) throws InterruptedException {
        Object[] result = new Object[1];
        Thread thread = input.threads.newThread(() -> result[0] = request.handle());
        thread.start();
        thread.join();
        return result[0];
    }

    /** {@code Thread.ofVirtual().factory()} where the JDK has virtual threads; platform threads before. */
    static ThreadFactory requestThreads() {
        try {
            Object builder = Thread.class.getMethod("ofVirtual").invoke(null);
            return (ThreadFactory) Class.forName("java.lang.Thread$Builder").getMethod("factory").invoke(builder);
        } catch (NoSuchMethodException beforeJava21) {
            return Thread::new;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Thread.ofVirtual().factory() failed", e);
        }
    }
}
