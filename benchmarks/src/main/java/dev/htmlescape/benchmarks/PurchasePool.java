package dev.htmlescape.benchmarks;

import java.util.Random;

/**
 * Many {@link PurchaseFixture purchases}, handed out one per operation in a shuffled order, so
 * that each operation escapes a graph other than the last one, as each request brings its own: a
 * few graphs stay in the processor's caches, thousands (about 12 KB each with the pristine twin)
 * do not.
 *
 * <p>Not thread-safe: one pool per benchmark thread.
 */
final class PurchasePool {

    private final PurchaseFixture[] fixtures;
    private final int[] order;
    private int next;

    /**
     * Builds the purchases.
     *
     * @param flavour clean text, or every fourth String dirty
     * @param size how many graphs
     */
    PurchasePool(Flavour flavour, int size) {
        fixtures = new PurchaseFixture[size];
        for (int i = 0; i < size; i++) {
            fixtures[i] = new PurchaseFixture(flavour, i % 4);
        }
        order = new int[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        Random random = new Random(size);
        for (int i = size - 1; i > 0; i--) {
            int other = random.nextInt(i + 1);
            int kept = order[i];
            order[i] = order[other];
            order[other] = kept;
        }
    }

    /** The next graph's fixture, in the shuffled order. */
    PurchaseFixture next() {
        PurchaseFixture fixture = fixtures[order[next]];
        next = next + 1 == order.length ? 0 : next + 1;
        return fixture;
    }
}
