package dev.htmlescape.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.htmlescape.Escaper;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.owasp.encoder.Encode;

/**
 * The benchmarks compare like with like: for every scenario and flavour, the contenders that
 * claim OWASP's output produce it String for String, the fixtures hold the text they promise, and
 * each benchmark operation starts from the same pristine input.
 *
 * <p>Each dirty case runs four times, with the dirty Strings at each of the four positions in
 * turn, so that every field is dirty in some case and a contender that skips one is caught.
 */
class ContendersAgreeTest {

    /** Characters that HTML escaping changes. */
    private static final String MARKUP = "&<>\"'";

    /**
     * A scenario as the test sees it: its fixture, its Strings in a fixed order (read by the
     * test's own code, not the code under test), and its contenders.
     *
     * @param name what the test reports
     * @param stringCount how many Strings its fixture holds
     * @param fixture builds the fixture for a flavour and a dirty position
     * @param strings the graph's Strings in a fixed order
     * @param handWritten the baseline
     * @param handWrittenWith the baseline's code with another encoding function
     * @param naiveFits whether naive reflection can escape it
     */
    record Scenario<T>(String name, int stringCount,
            BiFunction<Flavour, Integer, Fixture<T>> fixture, Function<T, List<String>> strings,
            UnaryOperator<T> handWritten, BiFunction<HandWrittenWithEncoder, T, T> handWrittenWith,
            boolean naiveFits) {

        /** The contenders that produce OWASP's output, by benchmark name. */
        Map<String, UnaryOperator<T>> owaspContenders() {
            Map<String, UnaryOperator<T>> contenders = new LinkedHashMap<>();
            contenders.put("handWritten", handWritten);
            contenders.put("escaper", Escaper::escape);
            if (naiveFits) {
                contenders.put("naiveReflection", NaiveReflection::escape);
            }
            return contenders;
        }

        /** The hand-written code with other libraries' functions, by benchmark name. */
        Map<String, UnaryOperator<T>> peers() {
            return Map.of(
                    "commonsText", with(HandWrittenWithEncoder.COMMONS_TEXT),
                    "springHtmlUtils", with(HandWrittenWithEncoder.SPRING_HTML_UTILS));
        }

        Map<String, UnaryOperator<T>> allContenders() {
            Map<String, UnaryOperator<T>> contenders = owaspContenders();
            contenders.putAll(peers());
            return contenders;
        }

        UnaryOperator<T> with(HandWrittenWithEncoder encoder) {
            return root -> handWrittenWith.apply(encoder, root);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /**
     * One scenario filled with one flavour of text.
     *
     * @param scenario what is escaped
     * @param flavour clean, or every fourth String dirty
     * @param firstDirty which of each four Strings is dirty
     */
    record Case<T>(Scenario<T> scenario, Flavour flavour, int firstDirty) {

        Fixture<T> newFixture() {
            return scenario.fixture().apply(flavour, firstDirty);
        }

        List<String> strings(T root) {
            return scenario.strings().apply(root);
        }

        /** The Strings of a new fixture, as typed. */
        List<String> typed() {
            return strings(newFixture().root());
        }

        /** The Strings of a new fixture after one benchmark operation of {@code contender}. */
        List<String> after(UnaryOperator<T> contender) {
            return strings(contender.apply(newFixture().input()));
        }

        @Override
        public String toString() {
            return scenario + ", " + flavour.name().toLowerCase(Locale.ROOT)
                    + (flavour == Flavour.DIRTY ? " from String " + firstDirty : "");
        }
    }

    static final Scenario<ContactForm> FLAT_FORM = new Scenario<>("flat form", 10,
            ContactFormFixture::new, ContendersAgreeTest::strings, HandWritten::escape,
            HandWrittenWithEncoder::escape, true);

    static final Scenario<Order> ORDER_GRAPH = new Scenario<>("order graph", 63,
            OrderFixture::new, ContendersAgreeTest::strings, HandWritten::escape,
            HandWrittenWithEncoder::escape, true);

    static final Scenario<OrderRecord> RECORD_ORDER_GRAPH = new Scenario<>("record order graph",
            63, OrderRecordFixture::new, ContendersAgreeTest::strings, HandWritten::escape,
            HandWrittenWithEncoder::escape, false);

    static final Scenario<List<String>> STRING_LIST = new Scenario<>("string list", 100_000,
            StringListFixture::new, List::copyOf, HandWritten::escape,
            HandWrittenWithEncoder::escape, true);

    static final Scenario<Purchase> FRESH_GRAPH = new Scenario<>("fresh graph", PurchaseFixture.STRINGS,
            PurchaseFixture::new, ContendersAgreeTest::strings, HandWritten::escape,
            HandWrittenWithEncoder::escape, false);

    static Stream<Case<?>> cases() {
        return Stream.of(FLAT_FORM, ORDER_GRAPH, RECORD_ORDER_GRAPH, STRING_LIST, FRESH_GRAPH)
                .flatMap(ContendersAgreeTest::cases);
    }

    private static <T> Stream<Case<?>> cases(Scenario<T> scenario) {
        Stream<Case<?>> clean = Stream.of(new Case<>(scenario, Flavour.CLEAN, 0));
        Stream<Case<?>> dirty = IntStream.range(0, 4)
                .mapToObj(first -> new Case<>(scenario, Flavour.DIRTY, first));
        return Stream.concat(clean, dirty);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    <T> void escaperAndNaiveReflectionGiveWhatHandWrittenGives(Case<T> test) {
        T expected = test.scenario().handWritten().apply(test.newFixture().input());
        for (Map.Entry<String, UnaryOperator<T>> contender
                : test.scenario().owaspContenders().entrySet()) {
            T actual = contender.getValue().apply(test.newFixture().input());

            assertEquals(test.strings(expected), test.strings(actual), contender.getKey());
            if (expected instanceof Record) {
                assertEquals(expected, actual, contender.getKey() + ": the records are equal");
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    <T> void theBaselineWithOwaspAsAFunctionGivesWhatTheBaselineGives(Case<T> test) {
        HandWrittenWithEncoder owasp = new HandWrittenWithEncoder(Encode::forHtml);

        assertEquals(test.after(test.scenario().handWritten()),
                test.after(test.scenario().with(owasp)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    <T> void dirtyTextChangesAQuarterOfTheStringsAndCleanTextNone(Case<T> test) {
        List<String> typed = test.typed();

        List<String> changed = changed(typed, test.after(test.scenario().handWritten()));

        List<String> withMarkup = typed.stream().filter(ContendersAgreeTest::hasMarkup).toList();
        assertEquals(sorted(withMarkup), sorted(changed), "exactly the Strings with markup change");
        if (test.flavour() == Flavour.CLEAN) {
            assertEquals(List.of(), changed);
        } else {
            double share = (double) changed.size() / typed.size();
            assertTrue(share >= 0.2 && share <= 0.3,
                    changed.size() + " of " + typed.size() + " Strings change: not a quarter");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    <T> void eachOperationStartsFromThePristineText(Case<T> test) {
        List<String> pristine = test.typed();
        for (Map.Entry<String, UnaryOperator<T>> contender
                : test.scenario().allContenders().entrySet()) {
            String name = contender.getKey();
            Fixture<T> fixture = test.newFixture();

            List<String> first = test.strings(contender.getValue().apply(fixture.input()));
            List<String> second = test.strings(contender.getValue().apply(fixture.input()));

            assertEquals(first, second, name
                    + ": the second operation escapes the pristine text, not the first's output");
            if (test.flavour() == Flavour.DIRTY) {
                assertNotEquals(pristine, first, name + " changes dirty text");
            }
            fixture.reset();
            assertEquals(pristine, test.strings(fixture.root()),
                    name + ": reset() puts the pristine text back");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    <T> void peersChangeTheStringsOwaspChanges(Case<T> test) {
        List<String> typed = test.typed();
        List<String> owaspChanged =
                sorted(changed(typed, test.after(test.scenario().handWritten())));

        for (Map.Entry<String, UnaryOperator<T>> peer : test.scenario().peers().entrySet()) {
            List<String> peerChanged = changed(typed, test.after(peer.getValue()));
            assertEquals(owaspChanged, sorted(peerChanged), peer.getKey());
        }
        assertEquals(test.flavour() == Flavour.DIRTY, !owaspChanged.isEmpty());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    <T> void stringsAreCountedAndRealisticallyLong(Case<T> test) {
        List<String> typed = test.typed();

        assertEquals(test.scenario().stringCount(), typed.size());
        for (String text : typed) {
            assertTrue(text.length() >= 5 && text.length() <= 40,
                    '"' + text + "\" is " + text.length() + " characters long");
        }
        double mean = typed.stream().mapToInt(String::length).average().orElseThrow();
        assertTrue(mean >= 15 && mean <= 25, "mean length " + mean);
    }

    /** The Strings of {@code typed} that are gone from {@code escaped}, as a multiset. */
    private static List<String> changed(List<String> typed, List<String> escaped) {
        Map<String, Integer> remaining = new HashMap<>();
        escaped.forEach(text -> remaining.merge(text, 1, Integer::sum));
        List<String> changed = new ArrayList<>();
        for (String text : typed) {
            if (remaining.merge(text, -1, Integer::sum) < 0) {
                changed.add(text);
            }
        }
        return changed;
    }

    private static boolean hasMarkup(String text) {
        return text.chars().anyMatch(c -> MARKUP.indexOf(c) >= 0);
    }

    private static List<String> sorted(List<String> strings) {
        return strings.stream().sorted().toList();
    }

    // The Strings of each fixture type, in declaration order; map entries sorted by key, since
    // a hash map refilled with escaped keys iterates in another order.

    static List<String> strings(ContactForm form) {
        return List.of(form.getFirstName(), form.getLastName(), form.getEmail(), form.getPhone(),
                form.getCompany(), form.getStreet(), form.getCity(), form.getPostalCode(),
                form.getCountry(), form.getMessage());
    }

    static List<String> strings(Order order) {
        List<String> strings = new ArrayList<>(List.of(order.getId(), order.getNote(),
                order.getChannel()));
        Customer customer = order.getCustomer();
        strings.addAll(List.of(customer.getFirstName(), customer.getLastName(),
                customer.getEmail(), customer.getPhone()));
        for (Address address : List.of(customer.getBilling(), customer.getShipping())) {
            strings.addAll(List.of(address.getStreet(), address.getCity(), address.getRegion(),
                    address.getPostalCode(), address.getCountry()));
        }
        for (OrderLine line : order.getLines()) {
            strings.addAll(List.of(line.getSku(), line.getName(), line.getNote()));
            strings.addAll(line.getTags());
        }
        addSortedByKey(order.getAttributes(), strings);
        return strings;
    }

    static List<String> strings(Purchase purchase) {
        List<String> strings = new ArrayList<>(List.of(purchase.getId(), purchase.getNote(),
                purchase.getChannel()));
        Buyer buyer = purchase.getBuyer();
        strings.addAll(List.of(buyer.getFirstName(), buyer.getLastName(), buyer.getEmail(),
                buyer.getPhone()));
        for (AddressRecord address : List.of(buyer.getBilling(), buyer.getShipping())) {
            strings.addAll(List.of(address.street(), address.city(), address.region(),
                    address.postalCode(), address.country()));
        }
        for (OrderLine line : purchase.getLines()) {
            strings.addAll(List.of(line.getSku(), line.getName(), line.getNote()));
            strings.addAll(line.getTags());
        }
        addSortedByKey(purchase.getAttributes(), strings);
        return strings;
    }

    static List<String> strings(OrderRecord order) {
        List<String> strings = new ArrayList<>(List.of(order.id(), order.note(), order.channel()));
        CustomerRecord customer = order.customer();
        strings.addAll(List.of(customer.firstName(), customer.lastName(), customer.email(),
                customer.phone()));
        for (AddressRecord address : List.of(customer.billing(), customer.shipping())) {
            strings.addAll(List.of(address.street(), address.city(), address.region(),
                    address.postalCode(), address.country()));
        }
        for (OrderLineRecord line : order.lines()) {
            strings.addAll(List.of(line.sku(), line.name(), line.note()));
            strings.addAll(line.tags());
        }
        addSortedByKey(order.attributes(), strings);
        return strings;
    }

    private static void addSortedByKey(Map<String, String> map, List<String> strings) {
        new TreeMap<>(map).forEach((key, value) -> {
            strings.add(key);
            strings.add(value);
        });
    }
}
