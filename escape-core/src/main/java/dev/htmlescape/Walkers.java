package dev.htmlescape;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The {@link GraphWalker}s of one {@link Escaper}, kept from call to call so that a call allocates
 * no bookkeeping. A platform thread keeps its own. A virtual thread borrows one from a small shared
 * pool and gives it back: there may be millions of them, each living for one request, so a walker
 * of their own would be made anew for each and kept by each while it lives. The pool holds twice
 * as many walkers as there are processors, about as many as virtual threads can walk at once;
 * beyond that a borrower makes a walker, and the pool keeps no more than it holds.
 *
 * <p>Thread-safe.
 */
final class Walkers {

    /** {@code Thread::isVirtual} on Java 21 and later; {@code null} before, where every thread is a platform thread. */
    private static final MethodHandle IS_VIRTUAL = isVirtual();

    private final Supplier<GraphWalker> newWalker;
    private final BooleanSupplier onVirtualThread;
    private final ThreadLocal<GraphWalker> perPlatformThread;
    private final AtomicReferenceArray<GraphWalker> pool;

    Walkers(Supplier<GraphWalker> newWalker) {
        this(newWalker, Walkers::onVirtualThread, 2 * Runtime.getRuntime().availableProcessors());
    }

    /** With {@code onVirtualThread} telling the kind of the calling thread: for tests of this package. */
    Walkers(Supplier<GraphWalker> newWalker, BooleanSupplier onVirtualThread, int pooled) {
        this.newWalker = newWalker;
        this.onVirtualThread = onVirtualThread;
        this.perPlatformThread = ThreadLocal.withInitial(newWalker);
        this.pool = new AtomicReferenceArray<>(pooled);
    }

    /** A walker for this call, not in use by any other; give it back with {@link #release}. */
    GraphWalker acquire() {
        if (!onVirtualThread.getAsBoolean()) {
            GraphWalker own = perPlatformThread.get();
            // escaping again from inside a walk, say from a hashCode or a comparator, needs another
            return own.isWalking() ? newWalker.get() : own;
        }
        int slots = pool.length();
        int start = ThreadLocalRandom.current().nextInt(slots);
        for (int i = 0; i < slots; i++) {
            int slot = (start + i) % slots;
            GraphWalker pooled = pool.get(slot);
            if (pooled != null && pool.compareAndSet(slot, pooled, null)) {
                return pooled;
            }
        }
        return newWalker.get();
    }

    /** Takes back a walker {@link #acquire} gave, after its call. */
    void release(GraphWalker walker) {
        if (!onVirtualThread.getAsBoolean()) {
            return; // the thread's own stays with it; another one made for a nested call is dropped
        }
        int slots = pool.length();
        int start = ThreadLocalRandom.current().nextInt(slots);
        for (int i = 0; i < slots; i++) {
            int slot = (start + i) % slots;
            if (pool.get(slot) == null && pool.compareAndSet(slot, null, walker)) {
                return;
            }
        }
    }

    /** How many walkers wait in the pool for virtual threads: for tests of this package. */
    int pooled() {
        int count = 0;
        for (int i = 0; i < pool.length(); i++) {
            count += pool.get(i) == null ? 0 : 1;
        }
        return count;
    }

    static boolean onVirtualThread() {
        if (IS_VIRTUAL == null) {
            return false;
        }
        try {
            return (boolean) IS_VIRTUAL.invokeExact(Thread.currentThread());
        } catch (Throwable e) {
            throw new IllegalStateException("Thread.isVirtual failed", e);
        }
    }

    private static MethodHandle isVirtual() {
        try {
            return MethodHandles.publicLookup().findVirtual(Thread.class, "isVirtual", MethodType.methodType(boolean.class));
        } catch (NoSuchMethodException | IllegalAccessException e) {
            return null;
        }
    }
}
