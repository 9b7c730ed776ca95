package dev.htmlescape;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Contract point 5: records are rebuilt through the canonical constructor. */
class RecordsTest {

    record Person(String name, int age, String email) {
    }

    record Address(String street, String city) {
    }

    record Customer(String name, Address address) {
    }

    record Order(String note, Customer customer, List<String> tags) {
    }

    record Pair<A, B>(A first, B second) {
    }

    /** Rejects anything longer than five characters: "<b>" passes, "&lt;b&gt;" does not. */
    record Code(String value) {
        Code {
            if (value != null && value.length() > 5) {
                throw new IllegalArgumentException("code too long: " + value);
            }
        }
    }

    /** Normalises its component: the constructor must see the escaped value. */
    record Upper(String text) {
        Upper {
            text = text == null ? null : text.toUpperCase(Locale.ROOT);
        }
    }

    record WithMutableList(String title, List<String> lines) {
    }

    record WithArray(String[] parts) {
    }

    record WithOptional(Optional<String> maybe) {
    }

    record WithObject(Object value) {
    }

    interface Named {
        String name();
    }

    record NamedRecord(String name) implements Named {
    }

    static class Holder {
        Person person;
        Named named;
        Object anything;
        Customer customer;
        List<Person> people;
        Map<String, Person> byId;
        Map<Person, String> byPerson;
        Set<Person> personSet;
        Person[] personArray;
        Code code;
        List<Code> codes;
        Map<String, Code> codeById;
    }

    static Stream<Arguments> people() {
        return Stream.of(
                Arguments.of(new Person("<b>", 30, "a@b.c"), new Person("&lt;b&gt;", 30, "a@b.c")),
                Arguments.of(new Person("O'Brien", 41, "o'b@x.ie"), new Person("O&#39;Brien", 41, "o&#39;b@x.ie")),
                Arguments.of(new Person("Tom & Jerry", 0, null), new Person("Tom &amp; Jerry", 0, null)),
                Arguments.of(new Person(null, 5, "<e>"), new Person(null, 5, "&lt;e&gt;")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("people")
    void returnsEscapedCopyOfRecordRoot(Person original, Person expected) {
        Person before = new Person(original.name(), original.age(), original.email());

        Person result = Escaper.escape(original);

        assertEquals(expected, result);
        assertNotSame(original, result);
        assertEquals(before, original, "the original record is immutable and unchanged");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("people")
    void putsEscapedRecordIntoHolder(Person original, Person expected) {
        Holder holder = new Holder();
        holder.person = original;

        Holder result = Escaper.escape(holder);

        assertSame(holder, result);
        assertEquals(expected, holder.person);
        assertNotSame(original, holder.person);
    }

    @Test
    void returnsSameRecordWhenNothingNeedsEscaping() {
        String name = new String("plain");
        Person person = new Person(name, 3, null);
        Holder holder = new Holder();
        holder.person = person;
        Customer customer = new Customer("c", new Address("s", "t"));
        holder.customer = customer;

        assertSame(person, Escaper.escape(person));
        Escaper.escape(holder);

        assertSame(person, holder.person);
        assertSame(name, person.name());
        assertSame(customer, holder.customer);
    }

    @Test
    void rebuildsNestedRecords() {
        Address address = new Address("<street>", "clean city");
        Customer customer = new Customer("clean name", address);
        List<String> tags = new ArrayList<>(List.of("<t>"));
        Order order = new Order("note", customer, tags);

        Order result = Escaper.escape(order);

        assertNotSame(order, result, "a changed inner record makes the outer one change too");
        assertNotSame(customer, result.customer());
        assertEquals(new Address("&lt;street&gt;", "clean city"), result.customer().address());
        assertSame("clean name", result.customer().name());
        assertSame(tags, result.tags(), "the mutable list is escaped in place and passed on");
        assertEquals(List.of("&lt;t&gt;"), tags);
        assertEquals("<street>", address.street(), "the original inner record is unchanged");
    }

    @Test
    void keepsRecordWhoseMutableComponentWasEscapedInPlace() {
        List<String> lines = new ArrayList<>(List.of("<l>"));
        String[] parts = {"<p>"};
        WithMutableList withList = new WithMutableList("t", lines);
        WithArray withArray = new WithArray(parts);

        assertSame(withList, Escaper.escape(withList));
        assertSame(withArray, Escaper.escape(withArray));

        assertEquals(List.of("&lt;l&gt;"), withList.lines());
        assertEquals("&lt;p&gt;", withArray.parts()[0]);
    }

    @Test
    void rebuildsRecordWhoseImmutableComponentWasRebuilt() {
        WithMutableList record = new WithMutableList("t", List.of("<l>"));
        WithOptional optional = new WithOptional(Optional.of("<o>"));

        WithMutableList escaped = Escaper.escape(record);
        WithOptional escapedOptional = Escaper.escape(optional);

        assertEquals(List.of("&lt;l&gt;"), escaped.lines());
        assertThrows(UnsupportedOperationException.class, () -> escaped.lines().add("x"));
        assertEquals(Optional.of("&lt;o&gt;"), escapedOptional.maybe());
    }

    @Test
    void passesEscapedValuesToCanonicalConstructor() {
        Upper result = Escaper.escape(new Upper("<b>"));

        // the constructor upper-cases what it is given: it was given the escaped text
        assertEquals("&LT;B&GT;", result.text());
    }

    @Test
    void rebuildsGenericRecord() {
        Pair<String, Address> pair = new Pair<>("<f>", new Address("<s>", "c"));
        Pair<Integer, String> numbers = new Pair<>(1, "<2>");

        Pair<String, Address> result = Escaper.escape(pair);
        Pair<Integer, String> numbersResult = Escaper.escape(numbers);

        assertEquals(new Pair<>("&lt;f&gt;", new Address("&lt;s&gt;", "c")), result);
        assertEquals(new Pair<>(1, "&lt;2&gt;"), numbersResult);
        assertSame(numbers.first(), numbersResult.first());
    }

    @Test
    void putsRebuiltRecordIntoInterfaceAndObjectFields() {
        Holder holder = new Holder();
        holder.named = new NamedRecord("<n>");
        holder.anything = new WithObject(new Address("<a>", "b"));

        Escaper.escape(holder);

        assertEquals("&lt;n&gt;", holder.named.name());
        assertEquals(new WithObject(new Address("&lt;a&gt;", "b")), holder.anything);
    }

    @Test
    void replacesRecordsInsideMutableContainers() {
        Person dirty = new Person("<d>", 1, null);
        Person clean = new Person("clean", 2, null);
        List<Person> people = new ArrayList<>(List.of(dirty, clean));
        Map<String, Person> byId = new LinkedHashMap<>();
        byId.put("1", dirty);
        byId.put("2", clean);
        Person[] personArray = {dirty, clean};
        Holder holder = new Holder();
        holder.people = people;
        holder.byId = byId;
        holder.personArray = personArray;

        Escaper.escape(holder);

        Person escaped = new Person("&lt;d&gt;", 1, null);
        assertSame(people, holder.people);
        assertEquals(List.of(escaped, clean), people);
        assertSame(clean, people.get(1));
        assertSame(byId, holder.byId);
        assertEquals(escaped, byId.get("1"));
        assertSame(clean, byId.get("2"));
        assertSame(personArray, holder.personArray);
        assertEquals(escaped, personArray[0]);
        assertSame(clean, personArray[1]);
        assertSame(people.get(0), byId.get("1"), "the shared record is rebuilt once and reused");
        assertSame(people.get(0), personArray[0]);
    }

    @Test
    void replacesRecordsInsideImmutableContainers() {
        Holder holder = new Holder();
        holder.people = List.of(new Person("<a>", 1, null));
        holder.byId = Map.of("k", new Person("<b>", 2, null));

        Escaper.escape(holder);

        assertEquals(List.of(new Person("&lt;a&gt;", 1, null)), holder.people);
        assertEquals(Map.of("k", new Person("&lt;b&gt;", 2, null)), holder.byId);
        assertThrows(UnsupportedOperationException.class, () -> holder.people.add(null));
        assertThrows(UnsupportedOperationException.class, () -> holder.byId.clear());
    }

    @Test
    void findsRebuiltRecordsInHashedContainers() {
        Person dirty = new Person("<k>", 1, null);
        Map<Person, String> byPerson = new HashMap<>(Map.of(dirty, "v"));
        Set<Person> personSet = new HashSet<>(Set.of(dirty, new Person("x", 2, null)));
        Holder holder = new Holder();
        holder.byPerson = byPerson;
        holder.personSet = personSet;

        Escaper.escape(holder);

        Person escaped = new Person("&lt;k&gt;", 1, null);
        assertSame(byPerson, holder.byPerson);
        assertEquals("v", byPerson.get(escaped));
        assertSame(personSet, holder.personSet);
        assertTrue(personSet.contains(escaped));
        assertTrue(personSet.contains(new Person("x", 2, null)));
        assertEquals(2, personSet.size());
    }

    @Test
    void reportsRejectingConstructorOfRootRecord() {
        Code code = new Code("<b>");

        EscapeException e = assertThrows(EscapeException.class, () -> Escaper.escape(code));

        assertEquals("code", e.getPath());
        assertTrue(e.getMessage().startsWith("code: "), e.getMessage());
        assertTrue(e.getMessage().contains(Code.class.getName()), e.getMessage());
        assertInstanceOf(IllegalArgumentException.class, e.getCause());
        assertEquals("<b>", code.value());
    }

    static Stream<Arguments> rejectingPlaces() {
        return Stream.of(
                Arguments.of("field", (Function<Code, Holder>) code -> {
                    Holder holder = new Holder();
                    holder.code = code;
                    return holder;
                }, "holder.code"),
                Arguments.of("list element", (Function<Code, Holder>) code -> {
                    Holder holder = new Holder();
                    holder.codes = new ArrayList<>(List.of(new Code("ok"), code));
                    return holder;
                }, "holder.codes[1]"),
                Arguments.of("map value", (Function<Code, Holder>) code -> {
                    Holder holder = new Holder();
                    holder.codeById = new HashMap<>(Map.of("k", code));
                    return holder;
                }, "holder.codeById[\"k\"]"),
                Arguments.of("nested record", (Function<Code, Holder>) code -> {
                    Holder holder = new Holder();
                    holder.anything = new WithObject(code);
                    return holder;
                }, "holder.anything.value"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rejectingPlaces")
    void reportsRejectingConstructorWithRecordPath(String place, Function<Code, Holder> build, String path) {
        Holder holder = build.apply(new Code("<b>"));

        EscapeException e = assertThrows(EscapeException.class, () -> Escaper.escape(holder));

        assertEquals(path, e.getPath());
        assertTrue(e.getMessage().startsWith(path + ": "), e.getMessage());
        assertInstanceOf(IllegalArgumentException.class, e.getCause());
    }

    @Test
    void acceptsRecordWhoseConstructorAcceptsEscapedValue() {
        Holder holder = new Holder();
        holder.code = new Code("a&b"); // "a&amp;b" is 7 characters: rejected
        Holder fits = new Holder();
        fits.code = new Code("'"); // "&#39;" is 5 characters: accepted

        assertThrows(EscapeException.class, () -> Escaper.escape(holder));
        Escaper.escape(fits);

        assertEquals(new Code("&#39;"), fits.code);
    }

    @Test
    void keepsNullComponentsNull() {
        Customer customer = new Customer("<c>", null);

        Customer result = Escaper.escape(customer);

        assertEquals("&lt;c&gt;", result.name());
        assertNull(result.address());
    }
}
