package dev.htmlescape.benchmarks;

import java.util.ArrayList;
import java.util.List;

/**
 * The record scenario: the {@link OrderFixture} order, String for String, as an {@link
 * OrderRecord}. Records and their immutable collections cannot be escaped in place, only copied,
 * so the fixture never changes and needs no reset.
 */
public final class OrderRecordFixture extends Fixture<OrderRecord> {

    /**
     * Builds the order as records.
     *
     * @param flavour clean text, or every fourth String dirty
     */
    public OrderRecordFixture(Flavour flavour) {
        this(flavour, 0);
    }

    /**
     * Builds the order as records, with the dirty Strings elsewhere: for tests.
     *
     * @param flavour clean text, or every fourth String dirty
     * @param firstDirty 0 to 3: which of each four Strings is dirty
     */
    OrderRecordFixture(Flavour flavour, int firstDirty) {
        super(toRecord(OrderFixture.newOrder(new SampleText(flavour, firstDirty))), false);
    }

    /** Nothing to do: escaping returns a new graph and leaves this one as it was built. */
    @Override
    public void reset() {
    }

    private static OrderRecord toRecord(Order order) {
        Customer customer = order.getCustomer();
        CustomerRecord customerRecord = new CustomerRecord(customer.getFirstName(),
                customer.getLastName(), customer.getEmail(), customer.getPhone(),
                toRecord(customer.getBilling()), toRecord(customer.getShipping()));
        List<OrderLineRecord> lines = new ArrayList<>();
        for (OrderLine line : order.getLines()) {
            lines.add(new OrderLineRecord(line.getSku(), line.getName(), line.getNote(),
                    line.getTags()));
        }
        return new OrderRecord(order.getId(), order.getNote(), order.getChannel(), customerRecord,
                lines, order.getAttributes());
    }

    private static AddressRecord toRecord(Address address) {
        return new AddressRecord(address.getStreet(), address.getCity(), address.getRegion(),
                address.getPostalCode(), address.getCountry());
    }
}
