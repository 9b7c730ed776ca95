package dev.htmlescape.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.lang.reflect.Method;
import org.junit.jupiter.api.Test;

/** The thread-per-request scenario runs each contender on a thread of the kind it says, and they agree. */
class ThreadPerRequestTest {

    @Test
    void requestThreadsAreVirtualExactlyWhereTheJdkHasVirtualThreads() throws Exception {
        Thread thread = ThreadPerRequestBenchmark.requestThreads().newThread(() -> { });
        Method isVirtual;
        try {
            isVirtual = Thread.class.getMethod("isVirtual");
        } catch (NoSuchMethodException beforeJava21) {
            assertEquals(Thread.class, thread.getClass(), "a plain platform thread");
            return;
        }
        assertEquals(true, isVirtual.invoke(thread));
    }

    @Test
    void eachContenderEscapesTheCleanOrderOnItsThreadAndGivesItBack() throws Exception {
        ThreadPerRequestBenchmark benchmark = new ThreadPerRequestBenchmark();
        ThreadPerRequestBenchmark.Input input = new ThreadPerRequestBenchmark.Input();
        input.flavour = "clean";
        input.build();
        Order order = input.fixture.input();

        assertSame(order, benchmark.escaper(input));
        assertSame(order, benchmark.handWritten(input));
        assertSame(input.fixture, benchmark.threadOnly(input));
    }
}
