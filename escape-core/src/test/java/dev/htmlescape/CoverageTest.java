package dev.htmlescape;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The coverage report: every String path of a type, read from its declared types, with what the
 * walker does there. {@link CoverageAgreesWithTheWalkProperties} checks on generated classes that
 * the walk does what the report says.
 */
class CoverageTest {

    record Address(String street, @NoEscape String postcode) {
    }

    static class Customer {
        String name;
        Set<String> nicknames;
    }

    static class Line {
        String title;
        List<String> tags;
    }

    static class Node {
        String label;
        Node next;
    }

    @NoEscape
    static class Secret {
        String text;
    }

    static class Base {
        String createdBy;
    }

    @Escape(EscapeContext.HTML_CONTENT)
    static class Order extends Base {
        String note;
        @NoEscape
        String couponCode;
        @Escape(EscapeContext.URI_COMPONENT)
        String campaign;
        final String reference = "r";
        Customer customer;
        List<Line> lines;
        Map<String, Address> addresses;
        String[] codes;
        @Escape(EscapeContext.HTML_ATTRIBUTE)
        Optional<String> gift;
        Object extra;
        Comparable<String> sortKey;
        Thread worker;
        StringBuilder draft;
        Node head;
        Address shipping;
        final Address billing = new Address("s", "p");
        Secret sealed;
        int quantity;
        java.time.LocalDate placed;
    }

    static Stream<Arguments> orderPaths() {
        return Stream.of(
                Arguments.of("order.note", "HTML_CONTENT"),
                Arguments.of("order.couponCode", "left alone: @NoEscape on field Order.couponCode"),
                Arguments.of("order.campaign", "URI_COMPONENT"),
                Arguments.of("order.reference", "cannot be written: final field of " + Order.class.getName()
                        + ", which is not a record"),
                Arguments.of("order.customer.name", "HTML"),
                Arguments.of("order.customer.nicknames[]", "HTML"),
                Arguments.of("order.lines[].title", "HTML"),
                Arguments.of("order.lines[].tags[]", "HTML"),
                Arguments.of("order.addresses{key}", "HTML_CONTENT"),
                Arguments.of("order.addresses{value}.street", "HTML"),
                Arguments.of("order.addresses{value}.postcode", "left alone: @NoEscape on component Address.postcode"),
                Arguments.of("order.codes[]", "HTML_CONTENT"),
                Arguments.of("order.gift?", "HTML_ATTRIBUTE"),
                Arguments.of("order.extra", "decided at run time: declared java.lang.Object, so what it holds is"
                        + " decided by the object there"),
                Arguments.of("order.sortKey", "decided at run time: declared java.lang.Comparable, so what it holds"
                        + " is decided by the object there"),
                Arguments.of("order.worker", "not entered: java.lang.Thread is a class of the JDK, whose objects are"
                        + " not entered: only String is escaped"),
                Arguments.of("order.draft", "not entered: java.lang.StringBuilder is a class of the JDK, whose"
                        + " objects are not entered: only String is escaped"),
                Arguments.of("order.head.label", "HTML"),
                Arguments.of("order.shipping.street", "HTML"),
                Arguments.of("order.shipping.postcode", "left alone: @NoEscape on component Address.postcode"),
                Arguments.of("order.billing.street", "cannot be written: final field of " + Order.class.getName()
                        + ", which is not a record"),
                Arguments.of("order.billing.postcode", "left alone: @NoEscape on component Address.postcode"),
                Arguments.of("order.sealed", "left alone: type " + Secret.class.getName() + " is @NoEscape"),
                Arguments.of("order.createdBy", "HTML_CONTENT"));
    }

    private static Map<String, String> described(Coverage coverage) {
        return coverage.entries().stream().collect(Collectors.toMap(Coverage.Entry::path, Coverage.Entry::describe,
                (a, b) -> {
                    throw new AssertionError("a path listed twice: " + a + ", " + b);
                }, LinkedHashMap::new));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("orderPaths")
    void reportsEachPathWithWhatTheWalkerDoesThere(String path, String description) {
        assertEquals(description, described(Escaper.coverage(Order.class)).get(path), path);
    }

    @Test
    void listsNoOtherPaths() {
        Set<String> expected = orderPaths().map(arguments -> (String) arguments.get()[0]).collect(Collectors.toSet());

        assertEquals(expected, described(Escaper.coverage(Order.class)).keySet(),
                "no path for numbers and dates, and a recursive type listed once");
    }

    @Test
    void listsTheWalkersOrderTextFieldsFirstAndSuperclassFieldsAfter() {
        List<String> paths = Escaper.coverage(Order.class).entries().stream().map(Coverage.Entry::path).toList();

        assertEquals(List.of("order.note", "order.couponCode", "order.campaign", "order.reference"), paths.subList(0, 4));
        assertTrue(paths.indexOf("order.createdBy") < paths.indexOf("order.customer.name"),
                "String fields of superclasses before the nested objects");
    }

    @Test
    void unescapedListsEveryPathThatIsNotEscaped() {
        List<String> unescaped = Escaper.coverage(Order.class).unescaped().stream().map(Coverage.Entry::path).toList();

        assertEquals(List.of("order.couponCode", "order.reference", "order.addresses{value}.postcode", "order.extra",
                "order.sortKey", "order.worker", "order.draft", "order.shipping.postcode", "order.billing.street",
                "order.billing.postcode", "order.sealed"), unescaped);
    }

    @Test
    void rendersOneLinePerPathWithTheDescriptionsLinedUp() {
        String[] lines = Escaper.coverage(Address.class).toString().split("\n");

        assertEquals(2, lines.length);
        assertEquals("address.street    HTML", lines[0]);
        assertEquals("address.postcode  left alone: @NoEscape on component Address.postcode", lines[1]);
    }

    @Test
    void anInstanceReportsWithItsOwnPolicy() {
        Escaper escaper = Escaper.builder().defaultContext(EscapeContext.XML).escapeMapKeys(false).build();

        Map<String, String> paths = described(escaper.coverageOf(Order.class));

        assertEquals("XML", paths.get("order.customer.name"));
        assertEquals("left alone: map keys are not escaped (escapeMapKeys(false))", paths.get("order.addresses{key}"));
        assertEquals("HTML_CONTENT", paths.get("order.note"), "an annotation still wins");
    }

    @Test
    void aDefaultContextChosenByTheHolderAppliesWhereNoAnnotationChooses() {
        Coverage coverage = Escaper.builder().build().coverageOf(Order.class, EscapeContext.HTML_ATTRIBUTE);
        Map<String, String> paths = described(coverage);

        assertEquals("HTML_ATTRIBUTE", paths.get("order.customer.name"));
        assertEquals("HTML_CONTENT", paths.get("order.note"), "an annotation still wins");
        assertEquals(Order.class, coverage.type());
    }

    static class Page<T> {
        List<T> content;
        T first;
    }

    static class OrderPage extends Page<Line> {
    }

    @Test
    void bindsTypeVariablesFromAParameterizedTypeAndFromASuperclass() {
        Type pageOfLines = new ParameterizedType() {
            @Override
            public Type[] getActualTypeArguments() {
                return new Type[] {Line.class};
            }

            @Override
            public Type getRawType() {
                return Page.class;
            }

            @Override
            public Type getOwnerType() {
                return CoverageTest.class;
            }
        };

        Map<String, String> direct = described(Escaper.coverage(pageOfLines));
        Map<String, String> inherited = described(Escaper.coverage(OrderPage.class));

        assertEquals("HTML", direct.get("page.content[].title"));
        assertEquals("HTML", direct.get("page.first.title"));
        assertEquals("HTML", inherited.get("orderPage.content[].tags[]"));
        assertTrue(described(Escaper.coverage(Page.class)).get("page.first").startsWith("decided at run time"),
                "an unbound type variable is Object");
    }

    static class RawContainers {
        @SuppressWarnings("rawtypes")
        List raw = new ArrayList();
        Map<String, ?> wildcard;
    }

    @Test
    void elementsOfRawAndWildcardContainersAreDecidedAtRunTime() {
        Map<String, String> paths = described(Escaper.coverage(RawContainers.class));

        assertTrue(paths.get("rawContainers.raw[]").startsWith("decided at run time"));
        assertTrue(paths.get("rawContainers.wildcard{value}").startsWith("decided at run time"));
        assertEquals("HTML", paths.get("rawContainers.wildcard{key}"));
    }

    @Test
    void aStringRootIsItsOwnPath() {
        assertEquals(List.of(new Coverage.Entry("string", Coverage.Treatment.ESCAPED, EscapeContext.HTML, null)),
                Escaper.coverage(String.class).entries());
    }

    @Test
    void aTypeWithoutTextHasAnEmptyReport() {
        Coverage coverage = Escaper.coverage(java.time.LocalDate.class);

        assertTrue(coverage.entries().isEmpty());
        assertFalse(coverage.toString().contains("\n"));
    }

    @Test
    void entriesRefuseAMissingContextOrReason() {
        assertThrows(NullPointerException.class,
                () -> new Coverage.Entry("a", Coverage.Treatment.ESCAPED, null, null));
        assertThrows(NullPointerException.class,
                () -> new Coverage.Entry("a", Coverage.Treatment.NOT_ENTERED, null, null));
        assertThrows(NullPointerException.class, () -> Escaper.coverage(null));
    }
}
