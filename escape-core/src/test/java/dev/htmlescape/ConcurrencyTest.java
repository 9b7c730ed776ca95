package dev.htmlescape;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.owasp.encoder.Encode;

/**
 * Contract point 10: one Escaper shared by many threads, each escaping its own graphs, which may
 * share immutable parts. (One mutable graph must not be escaped by two threads at once: it is
 * written in place; the Escaper's Javadoc says so.)
 */
class ConcurrencyTest {

    private static final int THREADS = 8;
    private static final int GRAPHS_PER_THREAD = 500;

    static class Order {
        String customer;
        List<Item> items = new ArrayList<>();
        Map<String, String> notes = new LinkedHashMap<>();
        Set<String> tags = new HashSet<>();
        String[] lines;
        Optional<String> coupon;
        Address address;
        Order parent;
        @Escape(EscapeContext.JAVASCRIPT)
        String script;
    }

    static class Item {
        String name;
        Item(String name) {
            this.name = name;
        }
    }

    record Address(String street, List<String> extra) {
    }

    private static Order order(int thread, int index) {
        String id = thread + "-" + index;
        Order order = new Order();
        order.customer = "<c" + id + ">";
        order.items.add(new Item("<i" + id + ">"));
        order.items.add(new Item("plain" + id));
        order.notes.put("<k" + id + ">", "<v" + id + ">");
        order.tags.add("<t" + id + ">");
        order.tags.add("t" + id);
        order.lines = new String[] {"<l" + id + ">", null};
        order.coupon = Optional.of("<o" + id + ">");
        order.address = new Address("<s" + id + ">", List.of("<e" + id + ">"));
        order.parent = order;
        order.script = "'" + id + "'";
        return order;
    }

    private static void assertEscaped(Order order, Address original, int thread, int index) {
        String id = thread + "-" + index;
        assertEquals("&lt;c" + id + "&gt;", order.customer);
        assertEquals("&lt;i" + id + "&gt;", order.items.get(0).name);
        assertEquals("plain" + id, order.items.get(1).name);
        assertEquals(Map.of("&lt;k" + id + "&gt;", "&lt;v" + id + "&gt;"), order.notes);
        assertEquals(Set.of("&lt;t" + id + "&gt;", "t" + id), order.tags);
        assertArrayEquals(new String[] {"&lt;l" + id + "&gt;", null}, order.lines);
        assertEquals(Optional.of("&lt;o" + id + "&gt;"), order.coupon);
        assertNotSame(original, order.address);
        assertEquals(new Address("&lt;s" + id + "&gt;", List.of("&lt;e" + id + "&gt;")), order.address);
        assertSame(order, order.parent);
        assertEquals(Encode.forJavaScript("'" + id + "'"), order.script);
    }

    @Test
    void oneEscaperServesManyThreadsEscapingTheirOwnGraphs() throws Exception {
        // a fresh instance, so the per-class metadata is first computed while the threads race
        Escaper escaper = Escaper.builder().build();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                Callable<Integer> task = () -> {
                    List<Order> orders = new ArrayList<>();
                    List<Address> addresses = new ArrayList<>();
                    for (int i = 0; i < GRAPHS_PER_THREAD; i++) {
                        Order order = order(thread, i);
                        orders.add(order);
                        addresses.add(order.address);
                    }
                    start.await();
                    for (Order order : orders) {
                        assertSame(order, escaper.escapeGraph(order));
                    }
                    for (int i = 0; i < GRAPHS_PER_THREAD; i++) {
                        assertEscaped(orders.get(i), addresses.get(i), thread, i);
                    }
                    return orders.size();
                };
                results.add(pool.submit(task));
            }
            start.countDown();
            int escaped = 0;
            for (Future<Integer> result : results) {
                escaped += result.get();
            }
            assertEquals(THREADS * GRAPHS_PER_THREAD, escaped);
        } finally {
            pool.shutdownNow();
        }
    }

    // ---- graphs of their own that share immutable parts ----

    record Label(String text, List<String> tags, Optional<String> hint) {
    }

    record Product(String name, Label label, Map<String, String> attributes) {
    }

    /** One thread's graph: mutable, its own, holding parts every thread's graph shares. */
    static class Basket {
        String owner;
        Product product;
        List<Product> products = new ArrayList<>();
        Object untyped;
        String sharedText;
        Label cleanLabel;
    }

    @Test
    void threadsEscapingGraphsThatShareImmutablePartsEachGetTheirOwnCopyAndTheSharedPartsStayAsTheyWere()
            throws Exception {
        // shared by every graph of every thread: records, immutable collections, Optional, Strings
        List<String> sharedTags = List.of("<tag>", "plain");
        Label sharedLabel = new Label("<label>", sharedTags, Optional.of("<hint>"));
        Map<String, String> sharedAttributes = Map.of("<k>", "<v>");
        Product sharedProduct = new Product("<product>", sharedLabel, sharedAttributes);
        Label cleanLabel = new Label("clean", List.of("plain"), Optional.empty());
        String sharedText = new String("<shared>");
        Product expected = new Product("&lt;product&gt;",
                new Label("&lt;label&gt;", List.of("&lt;tag&gt;", "plain"), Optional.of("&lt;hint&gt;")),
                Map.of("&lt;k&gt;", "&lt;v&gt;"));

        Escaper escaper = Escaper.builder().build();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                results.add(pool.submit(() -> {
                    List<Basket> baskets = new ArrayList<>();
                    for (int i = 0; i < GRAPHS_PER_THREAD; i++) {
                        Basket basket = new Basket();
                        basket.owner = "<owner " + thread + "-" + i + ">";
                        basket.product = sharedProduct;
                        basket.products.add(sharedProduct);
                        basket.products.add(new Product("<own " + thread + ">", sharedLabel, sharedAttributes));
                        basket.untyped = sharedTags;
                        basket.sharedText = sharedText;
                        basket.cleanLabel = cleanLabel;
                        baskets.add(basket);
                    }
                    start.await();
                    for (Basket basket : baskets) {
                        escaper.escapeGraph(basket);
                    }
                    for (int i = 0; i < GRAPHS_PER_THREAD; i++) {
                        Basket basket = baskets.get(i);
                        assertEquals("&lt;owner " + thread + "-" + i + "&gt;", basket.owner);
                        assertEquals(expected, basket.product);
                        assertNotSame(sharedProduct, basket.product, "a copy, never the shared record");
                        assertSame(basket.product, basket.products.get(0), "one copy per call, for every holder");
                        Product own = basket.products.get(1);
                        assertEquals("&lt;own " + thread + "&gt;", own.name());
                        assertSame(basket.product.label(), own.label(), "the shared label was rebuilt once in this call");
                        assertEquals(List.of("&lt;tag&gt;", "plain"), basket.untyped);
                        assertEquals("&lt;shared&gt;", basket.sharedText);
                        assertSame(cleanLabel, basket.cleanLabel, "a clean shared record is kept, not rebuilt");
                    }
                    return baskets.size();
                }));
            }
            start.countDown();
            int escaped = 0;
            for (Future<Integer> result : results) {
                escaped += result.get(2, TimeUnit.MINUTES);
            }
            assertEquals(THREADS * GRAPHS_PER_THREAD, escaped);
        } finally {
            pool.shutdownNow();
        }

        // the shared parts are exactly as they were, instance for instance
        assertEquals("<product>", sharedProduct.name());
        assertSame(sharedLabel, sharedProduct.label());
        assertSame(sharedAttributes, sharedProduct.attributes());
        assertEquals(Map.of("<k>", "<v>"), sharedAttributes);
        assertEquals("<label>", sharedLabel.text());
        assertSame(sharedTags, sharedLabel.tags());
        assertEquals(List.of("<tag>", "plain"), sharedTags);
        assertEquals(Optional.of("<hint>"), sharedLabel.hint());
        assertEquals("<shared>", sharedText);
        assertEquals(new Label("clean", List.of("plain"), Optional.empty()), cleanLabel);
    }

    @Test
    void escapingTheSameClassAThousandTimesGivesIdenticalResults() {
        Escaper escaper = Escaper.builder().build();

        for (int i = 0; i < 1000; i++) {
            Order order = order(0, 7);
            Address original = order.address;

            escaper.escapeGraph(order);

            assertEscaped(order, original, 0, 7);
        }
    }

    @Test
    void staticEscapeFromManyThreadsGivesTheSameResultAsOneThread() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<Order>> results = new ArrayList<>();
            for (int t = 0; t < THREADS * 4; t++) {
                results.add(pool.submit(() -> Escaper.escape(order(1, 1))));
            }
            for (Future<Order> result : results) {
                Order order = result.get();
                assertEquals("&lt;c1-1&gt;", order.customer);
                assertEquals(new Address("&lt;s1-1&gt;", List.of("&lt;e1-1&gt;")), order.address);
                assertEquals(Map.of("&lt;k1-1&gt;", "&lt;v1-1&gt;"), order.notes);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
