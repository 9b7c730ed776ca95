package dev.htmlescape.benchmarks;

import java.util.List;
import java.util.Map;

/**
 * The graph scenario: an {@link Order} of mutable beans holding 63 Strings, eight order lines in
 * an {@code ArrayList} and three attributes in a {@code HashMap}.
 */
public final class OrderFixture extends Fixture<Order> {

    static final int LINES = 8;
    static final int TAGS_PER_LINE = 2;
    static final int ATTRIBUTES = 3;

    /** Never escaped: the values {@link #reset()} puts back. */
    private final Order pristine;

    /**
     * Builds the order and its pristine twin.
     *
     * @param flavour clean text, or every fourth String dirty
     */
    public OrderFixture(Flavour flavour) {
        this(flavour, 0);
    }

    /**
     * Builds the order and its pristine twin, with the dirty Strings elsewhere: for tests.
     *
     * @param flavour clean text, or every fourth String dirty
     * @param firstDirty 0 to 3: which of each four Strings is dirty
     */
    OrderFixture(Flavour flavour, int firstDirty) {
        super(newOrder(new SampleText(flavour, firstDirty)), flavour == Flavour.DIRTY);
        this.pristine = newOrder(new SampleText(flavour, firstDirty));
    }

    /**
     * An order filled from the sample text: the same for the same text. Its Strings are handed
     * out in this order: the order's id, note and channel, the three attribute keys, the three
     * attribute values, the customer's four, the billing and the shipping address, each line
     * (sku, name, note, tags). With every fourth String dirty from the first on, the map gets one
     * dirty key and one dirty value, and the hash map must be refilled.
     *
     * @param text the Strings to fill it with
     * @return a new order
     */
    static Order newOrder(SampleText text) {
        Order order = new Order();
        order.setId(text.next(SampleText.ORDER_IDS));
        order.setNote(text.next(SampleText.NOTES));
        order.setChannel(text.next(SampleText.CHANNELS));

        String[] keys = new String[ATTRIBUTES];
        for (int i = 0; i < ATTRIBUTES; i++) {
            keys[i] = text.next(SampleText.ATTRIBUTE_KEYS);
        }
        for (String key : keys) {
            if (order.getAttributes().put(key, text.next(SampleText.ATTRIBUTE_VALUES)) != null) {
                // Escaping keeps distinct keys distinct, so no contender ever meets a collision.
                throw new IllegalStateException("sample text gave the attribute key " + key
                        + " twice");
            }
        }

        Customer customer = new Customer();
        customer.setFirstName(text.next(SampleText.FIRST_NAMES));
        customer.setLastName(text.next(SampleText.LAST_NAMES));
        customer.setEmail(text.next(SampleText.EMAILS));
        customer.setPhone(text.next(SampleText.PHONES));
        customer.setBilling(newAddress(text));
        customer.setShipping(newAddress(text));
        order.setCustomer(customer);

        for (int i = 0; i < LINES; i++) {
            OrderLine line = new OrderLine();
            line.setSku(text.next(SampleText.SKUS));
            line.setName(text.next(SampleText.PRODUCT_NAMES));
            line.setNote(text.next(SampleText.NOTES));
            for (int t = 0; t < TAGS_PER_LINE; t++) {
                line.getTags().add(text.next(SampleText.TAGS));
            }
            order.getLines().add(line);
        }
        return order;
    }

    private static Address newAddress(SampleText text) {
        Address address = new Address();
        address.setStreet(text.next(SampleText.STREETS));
        address.setCity(text.next(SampleText.CITIES));
        address.setRegion(text.next(SampleText.REGIONS));
        address.setPostalCode(text.next(SampleText.POSTAL_CODES));
        address.setCountry(text.next(SampleText.COUNTRIES));
        return address;
    }

    @Override
    public void reset() {
        Order order = root();
        order.setId(pristine.getId());
        order.setNote(pristine.getNote());
        order.setChannel(pristine.getChannel());

        Customer customer = order.getCustomer();
        Customer pristineCustomer = pristine.getCustomer();
        customer.setFirstName(pristineCustomer.getFirstName());
        customer.setLastName(pristineCustomer.getLastName());
        customer.setEmail(pristineCustomer.getEmail());
        customer.setPhone(pristineCustomer.getPhone());
        resetAddress(customer.getBilling(), pristineCustomer.getBilling());
        resetAddress(customer.getShipping(), pristineCustomer.getShipping());

        List<OrderLine> lines = order.getLines();
        List<OrderLine> pristineLines = pristine.getLines();
        for (int i = 0; i < lines.size(); i++) {
            OrderLine line = lines.get(i);
            OrderLine pristineLine = pristineLines.get(i);
            line.setSku(pristineLine.getSku());
            line.setName(pristineLine.getName());
            line.setNote(pristineLine.getNote());
            List<String> tags = line.getTags();
            List<String> pristineTags = pristineLine.getTags();
            for (int t = 0; t < tags.size(); t++) {
                tags.set(t, pristineTags.get(t));
            }
        }

        Map<String, String> attributes = order.getAttributes();
        attributes.clear();
        attributes.putAll(pristine.getAttributes());
    }

    private static void resetAddress(Address address, Address pristineAddress) {
        address.setStreet(pristineAddress.getStreet());
        address.setCity(pristineAddress.getCity());
        address.setRegion(pristineAddress.getRegion());
        address.setPostalCode(pristineAddress.getPostalCode());
        address.setCountry(pristineAddress.getCountry());
    }
}
