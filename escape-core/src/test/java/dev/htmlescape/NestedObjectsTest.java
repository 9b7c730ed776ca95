package dev.htmlescape;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.Serializable;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Contract point 2: nested objects, fields declared as Object or an interface, generic fields. */
class NestedObjectsTest {

    static class Address {
        String street;
        String city;

        Address(String street, String city) {
            this.street = street;
            this.city = city;
        }
    }

    static class Customer {
        String name;
        Address address;

        Customer(String name, Address address) {
            this.name = name;
            this.address = address;
        }
    }

    static class Order {
        String note;
        Customer customer;

        Order(String note, Customer customer) {
            this.note = note;
            this.customer = customer;
        }
    }

    static class Node {
        String text;
        Node next;

        Node(String text, Node next) {
            this.text = text;
            this.next = next;
        }
    }

    interface Labelled {
        String label();
    }

    static class Tag implements Labelled {
        private String label;

        Tag(String label) {
            this.label = label;
        }

        @Override
        public String label() {
            return label;
        }
    }

    abstract static class Shape {
        String name;
    }

    static class Circle extends Shape {
        String colour;

        Circle(String name, String colour) {
            this.name = name;
            this.colour = colour;
        }
    }

    static class Slots {
        Object object;
        Labelled labelled;
        Serializable serializable;
        CharSequence charSequence;
        Comparable<?> comparable;
        Shape shape;
    }

    static class Box<T> {
        T value;

        Box(T value) {
            this.value = value;
        }
    }

    static class Pair<A, B> {
        A first;
        B second;

        Pair(A first, B second) {
            this.first = first;
            this.second = second;
        }
    }

    static class GenericBase<T> {
        T inherited;
    }

    static class StringSub extends GenericBase<String> {
        String own;
    }

    static class Bounded<T extends CharSequence> {
        T text;

        Bounded(T text) {
            this.text = text;
        }
    }

    enum Colour {
        RED("<red>");

        // deliberately mutable: an enum constant is shared by the whole JVM and must never be entered
        String label;

        Colour(String label) {
            this.label = label;
        }
    }

    @Test
    void escapesNestedObjectsThreeLevelsDeep() {
        Order order = new Order("<n>", new Customer("O'Brien", new Address("1 <Main> St", "A & B")));
        Customer customer = order.customer;
        Address address = customer.address;

        Escaper.escape(order);

        assertEquals("&lt;n&gt;", order.note);
        assertSame(customer, order.customer, "nested beans are escaped in place");
        assertEquals("O&#39;Brien", customer.name);
        assertSame(address, customer.address);
        assertEquals("1 &lt;Main&gt; St", address.street);
        assertEquals("A &amp; B", address.city);
    }

    @Test
    void leavesNullNestedObjectsNull() {
        Order order = new Order("<n>", new Customer("c", null));

        Escaper.escape(order);

        assertEquals("&lt;n&gt;", order.note);
        assertNull(order.customer.address);
    }

    @Test
    void escapesFiveThousandLevelChain() {
        int length = 5_000; // below the default maxDepth of 10,000; LimitsTest goes a million deep
        Node head = null;
        for (int i = length - 1; i >= 0; i--) {
            head = new Node("<" + i + ">", head);
        }

        Escaper.escape(head);

        int count = 0;
        for (Node n = head; n != null; n = n.next) {
            assertEquals("&lt;" + count + "&gt;", n.text);
            count++;
        }
        assertEquals(length, count);
    }

    static Stream<Arguments> runtimeValues() {
        return Stream.of(
                Arguments.of("String in Object", (Function<Slots, Object>) s -> s.object,
                        (Consumer<Slots>) s -> s.object = "<o>", "&lt;o&gt;"),
                Arguments.of("bean in Object", (Function<Slots, Object>) s -> ((Tag) s.object).label(),
                        (Consumer<Slots>) s -> s.object = new Tag("<o>"), "&lt;o&gt;"),
                Arguments.of("bean in interface", (Function<Slots, Object>) s -> s.labelled.label(),
                        (Consumer<Slots>) s -> s.labelled = new Tag("a&b"), "a&amp;b"),
                Arguments.of("String in Serializable", (Function<Slots, Object>) s -> s.serializable,
                        (Consumer<Slots>) s -> s.serializable = "<s>", "&lt;s&gt;"),
                Arguments.of("String in CharSequence", (Function<Slots, Object>) s -> s.charSequence,
                        (Consumer<Slots>) s -> s.charSequence = "<c>", "&lt;c&gt;"),
                Arguments.of("String in Comparable", (Function<Slots, Object>) s -> s.comparable,
                        (Consumer<Slots>) s -> s.comparable = "'q'", "&#39;q&#39;"),
                Arguments.of("subclass in abstract type", (Function<Slots, Object>) s ->
                                s.shape.name + "|" + ((Circle) s.shape).colour,
                        (Consumer<Slots>) s -> s.shape = new Circle("<c>", "\"red\""),
                        "&lt;c&gt;|&#34;red&#34;"),
                Arguments.of("String[] in Object", (Function<Slots, Object>) s -> ((String[]) s.object)[0],
                        (Consumer<Slots>) s -> s.object = new String[] {"<a>"}, "&lt;a&gt;"),
                Arguments.of("List in Object", (Function<Slots, Object>) s -> ((List<?>) s.object).get(0),
                        (Consumer<Slots>) s -> s.object = new ArrayList<>(List.of("<l>")),
                        "&lt;l&gt;"),
                Arguments.of("Map in Object", (Function<Slots, Object>) s -> ((Map<?, ?>) s.object).get("k"),
                        (Consumer<Slots>) s -> s.object = Map.of("k", "<v>"), "&lt;v&gt;"),
                Arguments.of("Optional in Object", (Function<Slots, Object>) s -> ((Optional<?>) s.object).get(),
                        (Consumer<Slots>) s -> s.object = Optional.of("<p>"), "&lt;p&gt;"),
                Arguments.of("Box of Box in Object",
                        (Function<Slots, Object>) s -> ((Box<?>) ((Box<?>) s.object).value).value,
                        (Consumer<Slots>) s -> s.object = new Box<>(new Box<>("<bb>")), "&lt;bb&gt;"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("runtimeValues")
    void dispatchesOnRuntimeClass(String name, Function<Slots, Object> read,
            Consumer<Slots> fill, String expected) {
        Slots slots = new Slots();
        fill.accept(slots);

        Escaper.escape(slots);

        assertEquals(expected, read.apply(slots));
    }

    @Test
    void leavesJdkValuesAndEnumsInObjectFieldsAlone() {
        Slots slots = new Slots();
        Integer number = 1234;
        slots.object = number;
        slots.serializable = Colour.RED;
        slots.comparable = DayOfWeek.MONDAY;

        Escaper.escape(slots);

        assertSame(number, slots.object);
        assertSame(Colour.RED, slots.serializable);
        assertEquals("<red>", Colour.RED.label, "an enum constant is never entered");
        assertSame(DayOfWeek.MONDAY, slots.comparable);
    }

    @Test
    void escapesGenericFieldsByRuntimeClass() {
        Box<String> text = new Box<>("<t>");
        Box<Tag> tag = new Box<>(new Tag("<g>"));
        Box<List<String>> list = new Box<>(new ArrayList<>(List.of("<l>")));
        Box<Box<String>> nested = new Box<>(new Box<>("<n>"));
        Box<String[]> array = new Box<>(new String[] {"<a>"});
        Pair<String, Tag> pair = new Pair<>("<f>", new Tag("<s>"));
        Box<Integer> number = new Box<>(5);

        Escaper.escape(text);
        Escaper.escape(tag);
        Escaper.escape(list);
        Escaper.escape(nested);
        Escaper.escape(array);
        Escaper.escape(pair);
        Escaper.escape(number);

        assertEquals("&lt;t&gt;", text.value);
        assertEquals("&lt;g&gt;", tag.value.label());
        assertEquals(List.of("&lt;l&gt;"), list.value);
        assertEquals("&lt;n&gt;", nested.value.value);
        assertArrayEquals(new String[] {"&lt;a&gt;"}, array.value);
        assertEquals("&lt;f&gt;", pair.first);
        assertEquals("&lt;s&gt;", pair.second.label());
        assertEquals(5, number.value);
    }

    @Test
    void escapesGenericFieldInheritedWithConcreteTypeArgument() {
        StringSub sub = new StringSub();
        sub.inherited = "<i>";
        sub.own = "<o>";

        Escaper.escape(sub);

        assertEquals("&lt;i&gt;", sub.inherited);
        assertEquals("&lt;o&gt;", sub.own);
    }

    @Test
    void escapesBoundedGenericField() {
        Bounded<String> bounded = new Bounded<>("<b>");

        Escaper.escape(bounded);

        assertEquals("&lt;b&gt;", bounded.text);
    }

    /** Fields declared with wildcards: the walk goes by what they hold, never by the declaration. */
    static class Wildcards {
        List<? extends CharSequence> texts;
        Map<?, ?> anything;
        java.util.Collection<? super String> sink;
        Optional<? extends CharSequence> maybe;
        Comparable<?> comparable;
        List<? extends List<? extends CharSequence>> nested;
    }

    @Test
    void escapesTheStringsInWildcardFieldsAndKeepsEverythingElseTheyHold() {
        Wildcards wildcards = new Wildcards();
        StringBuilder builder = new StringBuilder("<sb>");
        List<CharSequence> texts = new ArrayList<>(List.of("<a>", builder, "ok"));
        wildcards.texts = texts;
        Tag tag = new Tag("<t>");
        Integer number = 1234;
        Map<Object, Object> anything = new java.util.LinkedHashMap<>();
        anything.put("<k>", "<v>");
        anything.put(number, tag);
        anything.put(tag, number);
        wildcards.anything = anything;
        List<Object> sink = new ArrayList<>(List.of("<s>", number));
        wildcards.sink = sink;
        wildcards.maybe = Optional.of("<o>");
        wildcards.comparable = "<c>";
        List<List<String>> nested = List.of(List.of("<n>"));
        wildcards.nested = nested;

        Escaper.escape(wildcards);

        assertSame(texts, wildcards.texts, "a mutable list is escaped in place");
        assertEquals(3, texts.size());
        assertEquals("&lt;a&gt;", texts.get(0));
        assertSame(builder, texts.get(1), "a StringBuilder is not text the walker writes");
        assertEquals("<sb>", builder.toString());
        assertEquals("ok", texts.get(2));
        assertSame(anything, wildcards.anything);
        assertEquals(3, anything.size());
        assertEquals("&lt;v&gt;", anything.get("&lt;k&gt;"));
        assertSame(tag, anything.get(number));
        assertSame(number, anything.get(tag), "an object key escaped in place still finds its value");
        assertEquals("&lt;t&gt;", tag.label(), "escaped once, though reached as key and as value");
        assertEquals(List.of("&lt;s&gt;", number), sink);
        assertSame(number, sink.get(1));
        assertEquals(Optional.of("&lt;o&gt;"), wildcards.maybe);
        assertEquals("&lt;c&gt;", wildcards.comparable);
        assertEquals(List.of(List.of("&lt;n&gt;")), wildcards.nested, "the immutable lists were rebuilt");
        assertNotSame(nested, wildcards.nested);
        assertEquals(List.of(List.of("<n>")), nested);
    }

    @Test
    void replacesImmutableValueHeldInGenericField() {
        Box<List<String>> box = new Box<>(List.of("<x>", "y"));
        List<String> before = box.value;

        Escaper.escape(box);

        assertEquals(List.of("&lt;x&gt;", "y"), box.value);
        assertNotSame(before, box.value);
    }

    @Test
    void escapesSharedNestedObjectOnce() {
        Address shared = new Address("&", "<c>");
        Customer first = new Customer("a", shared);
        Pair<Customer, Customer> pair = new Pair<>(first, new Customer("b", shared));

        Escaper.escape(pair);

        assertEquals("&amp;", shared.street, "entered once, so not &amp;amp;");
        assertEquals("&lt;c&gt;", shared.city);
    }
}
