package dev.htmlescape;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A platform thread keeps its own walker; threads the JVM calls virtual share a bounded pool, so
 * the walkers neither grow with the number of such threads nor are made anew for each of them.
 * Virtual threads are told by a switch here, so the pool is tested on every JDK the build runs on.
 */
class WalkersTest {

    private static final Policy POLICY = new Policy(EscapeContext.HTML, true, false, 10_000, 10_000_000, List.of(),
            true, true, List.of(), SecretNames.DEFAULT);
    private static final ClassPlans PLANS = new ClassPlans(POLICY);

    private final AtomicInteger made = new AtomicInteger();

    private GraphWalker newWalker() {
        made.incrementAndGet();
        return new GraphWalker(POLICY, PLANS);
    }

    @Test
    void aPlatformThreadKeepsItsOwnWalkerCallAfterCall() {
        Walkers walkers = new Walkers(this::newWalker, () -> false, 4);

        GraphWalker first = walkers.acquire();
        walkers.release(first);
        GraphWalker second = walkers.acquire();
        walkers.release(second);

        assertSame(first, second);
        assertEquals(1, made.get());
        assertEquals(0, walkers.pooled(), "the pool is for virtual threads only");
    }

    @Test
    void tenThousandShortLivedVirtualThreadsShareTheFewWalkersThePoolHolds() throws Exception {
        Walkers walkers = new Walkers(this::newWalker, () -> true, 4);
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> calls = new ArrayList<>();
            for (int i = 0; i < 10_000; i++) {
                calls.add(threads.submit(() -> {
                    List<String> request = new ArrayList<>(List.of("<b>"));
                    GraphWalker walker = walkers.acquire();
                    try {
                        walker.walk(request, EscapeContext.HTML);
                    } finally {
                        walkers.release(walker);
                    }
                    assertEquals("&lt;b&gt;", request.get(0));
                }));
            }
            for (Future<?> call : calls) {
                call.get(1, TimeUnit.MINUTES);
            }
        } finally {
            threads.shutdownNow();
        }

        // four calls run at once; a borrower that just missed a walker coming back makes one more
        assertTrue(made.get() < 100, "walkers are not made anew per thread: " + made.get() + " for 10,000 threads");
        assertTrue(walkers.pooled() >= 1 && walkers.pooled() <= 4, "the pool keeps what it holds: " + walkers.pooled());
    }

    @Test
    void moreVirtualThreadsAtOnceThanThePoolHoldsEachGetAWalkerOfTheirOwnAndThePoolKeepsNoMore() throws Exception {
        Walkers walkers = new Walkers(this::newWalker, () -> true, 2);
        int atOnce = 6;
        CountDownLatch allHold = new CountDownLatch(atOnce);
        ExecutorService threads = Executors.newFixedThreadPool(atOnce);
        try {
            List<Future<GraphWalker>> held = new ArrayList<>();
            for (int i = 0; i < atOnce; i++) {
                held.add(threads.submit(() -> {
                    GraphWalker walker = walkers.acquire();
                    allHold.countDown();
                    allHold.await(1, TimeUnit.MINUTES);
                    walkers.release(walker);
                    return walker;
                }));
            }
            List<GraphWalker> distinct = new ArrayList<>();
            for (Future<GraphWalker> walker : held) {
                GraphWalker w = walker.get(1, TimeUnit.MINUTES);
                distinct.forEach(other -> assertNotSame(other, w, "no walker serves two calls at once"));
                distinct.add(w);
            }
        } finally {
            threads.shutdownNow();
        }

        assertEquals(atOnce, made.get());
        assertEquals(2, walkers.pooled(), "the pool keeps two, the others are left to the collector");
    }

    @Test
    void aVirtualThreadEscapingFromInsideAWalkGetsAnotherWalker() {
        Walkers walkers = new Walkers(this::newWalker, () -> true, 2);

        GraphWalker outer = walkers.acquire();
        GraphWalker inner = walkers.acquire();

        assertNotSame(outer, inner);
        walkers.release(inner);
        walkers.release(outer);
        assertEquals(2, walkers.pooled());
    }

    /**
     * On a JDK with virtual threads (21 and later) a thousand of them, each escaping once, are told
     * apart from platform threads and share the pool; before Java 21 there are none, and every
     * thread is taken for a platform thread.
     */
    @Test
    void realVirtualThreadsAreToldApartWhereTheJdkHasThem() throws Exception {
        assertFalse(Walkers.onVirtualThread(), "this test's own thread is a platform thread");
        Method ofVirtual;
        try {
            ofVirtual = Thread.class.getMethod("ofVirtual");
        } catch (NoSuchMethodException beforeJava21) {
            assertThrows(NoSuchMethodException.class, () -> Thread.class.getMethod("isVirtual"));
            return;
        }
        Walkers walkers = new Walkers(this::newWalker);
        Method start = Class.forName("java.lang.Thread$Builder").getMethod("start", Runnable.class);
        Object builder = ofVirtual.invoke(null);
        AtomicInteger toldVirtual = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            threads.add((Thread) start.invoke(builder, (Runnable) () -> {
                if (Walkers.onVirtualThread()) {
                    toldVirtual.incrementAndGet();
                }
                GraphWalker walker = walkers.acquire();
                walker.walk(new ArrayList<>(List.of("<v>")), EscapeContext.HTML);
                walkers.release(walker);
            }));
        }
        for (Thread thread : threads) {
            thread.join(TimeUnit.MINUTES.toMillis(1));
        }

        assertEquals(1_000, toldVirtual.get());
        assertTrue(made.get() < 100, made.get() + " walkers for 1,000 virtual threads");
        assertTrue(walkers.pooled() >= 1, "the walkers went back to the pool");
    }
}
