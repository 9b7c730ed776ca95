package dev.htmlescape.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PurchasePoolTest {

    @Test
    void handsOutEveryGraphOnceARound() {
        PurchasePool pool = new PurchasePool(Flavour.CLEAN, 64);
        Set<Purchase> seen = Collections.newSetFromMap(new IdentityHashMap<>());

        for (int i = 0; i < 64; i++) {
            seen.add(pool.next().root());
        }

        assertEquals(64, seen.size());
        assertEquals(true, seen.contains(pool.next().root()), "the second round hands out the same graphs");
    }

    @Test
    void graphsShareNoStringInstance() {
        PurchasePool pool = new PurchasePool(Flavour.CLEAN, 2);
        List<String> first = ContendersAgreeTest.strings(pool.next().root());
        List<String> second = ContendersAgreeTest.strings(pool.next().root());

        assertEquals(first, second, "the same text");
        for (int i = 0; i < first.size(); i++) {
            assertNotSame(first.get(i), second.get(i), "String " + i);
        }
    }
}
