package dev.htmlescape.benchmarks;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.apache.commons.text.StringEscapeUtils;
import org.springframework.web.util.HtmlUtils;

/**
 * {@link HandWritten}, line for line, with another library's HTML escaping function in place of
 * OWASP's {@code Encode.forHtml}: to compare the speed of the functions themselves. Their output
 * differs from OWASP's (other entities for the same characters; Commons Text leaves {@code '} as
 * it is and both rewrite non-ASCII letters as named entities), so they are no drop-in replacement.
 */
final class HandWrittenWithEncoder {

    /** Apache Commons Text's {@code StringEscapeUtils.escapeHtml4}. */
    static final HandWrittenWithEncoder COMMONS_TEXT =
            new HandWrittenWithEncoder(StringEscapeUtils::escapeHtml4);

    /** Spring's {@code HtmlUtils.htmlEscape}. */
    static final HandWrittenWithEncoder SPRING_HTML_UTILS =
            new HandWrittenWithEncoder(HtmlUtils::htmlEscape);

    private final UnaryOperator<String> encoder;

    /**
     * The hand-written code with another encoding function.
     *
     * @param encoder escapes one String
     */
    HandWrittenWithEncoder(UnaryOperator<String> encoder) {
        this.encoder = encoder;
    }

    ContactForm escape(ContactForm form) {
        form.setFirstName(encoder.apply(form.getFirstName()));
        form.setLastName(encoder.apply(form.getLastName()));
        form.setEmail(encoder.apply(form.getEmail()));
        form.setPhone(encoder.apply(form.getPhone()));
        form.setCompany(encoder.apply(form.getCompany()));
        form.setStreet(encoder.apply(form.getStreet()));
        form.setCity(encoder.apply(form.getCity()));
        form.setPostalCode(encoder.apply(form.getPostalCode()));
        form.setCountry(encoder.apply(form.getCountry()));
        form.setMessage(encoder.apply(form.getMessage()));
        return form;
    }

    Order escape(Order order) {
        order.setId(encoder.apply(order.getId()));
        order.setNote(encoder.apply(order.getNote()));
        order.setChannel(encoder.apply(order.getChannel()));

        Customer customer = order.getCustomer();
        customer.setFirstName(encoder.apply(customer.getFirstName()));
        customer.setLastName(encoder.apply(customer.getLastName()));
        customer.setEmail(encoder.apply(customer.getEmail()));
        customer.setPhone(encoder.apply(customer.getPhone()));
        escape(customer.getBilling());
        escape(customer.getShipping());

        for (OrderLine line : order.getLines()) {
            line.setSku(encoder.apply(line.getSku()));
            line.setName(encoder.apply(line.getName()));
            line.setNote(encoder.apply(line.getNote()));
            escape(line.getTags());
        }

        escape(order.getAttributes());
        return order;
    }

    private void escape(Address address) {
        address.setStreet(encoder.apply(address.getStreet()));
        address.setCity(encoder.apply(address.getCity()));
        address.setRegion(encoder.apply(address.getRegion()));
        address.setPostalCode(encoder.apply(address.getPostalCode()));
        address.setCountry(encoder.apply(address.getCountry()));
    }

    List<String> escape(List<String> list) {
        for (int i = 0; i < list.size(); i++) {
            list.set(i, encoder.apply(list.get(i)));
        }
        return list;
    }

    /** Escaped keys hash elsewhere: take every entry out, then put the escaped ones back. */
    private void escape(Map<String, String> map) {
        String[] keysAndValues = new String[2 * map.size()];
        int i = 0;
        for (Map.Entry<String, String> entry : map.entrySet()) {
            keysAndValues[i++] = encoder.apply(entry.getKey());
            keysAndValues[i++] = encoder.apply(entry.getValue());
        }
        map.clear();
        for (int k = 0; k < keysAndValues.length; k += 2) {
            map.put(keysAndValues[k], keysAndValues[k + 1]);
        }
    }

    Purchase escape(Purchase purchase) {
        purchase.setId(encoder.apply(purchase.getId()));
        purchase.setNote(encoder.apply(purchase.getNote()));
        purchase.setChannel(encoder.apply(purchase.getChannel()));

        Buyer buyer = purchase.getBuyer();
        buyer.setFirstName(encoder.apply(buyer.getFirstName()));
        buyer.setLastName(encoder.apply(buyer.getLastName()));
        buyer.setEmail(encoder.apply(buyer.getEmail()));
        buyer.setPhone(encoder.apply(buyer.getPhone()));
        buyer.setBilling(escape(buyer.getBilling()));
        buyer.setShipping(escape(buyer.getShipping()));

        for (OrderLine line : purchase.getLines()) {
            line.setSku(encoder.apply(line.getSku()));
            line.setName(encoder.apply(line.getName()));
            line.setNote(encoder.apply(line.getNote()));
            escape(line.getTags());
        }

        escape(purchase.getAttributes());
        return purchase;
    }

    OrderRecord escape(OrderRecord order) {
        List<OrderLineRecord> lines = new ArrayList<>(order.lines().size());
        for (OrderLineRecord line : order.lines()) {
            List<String> tags = new ArrayList<>(line.tags().size());
            for (String tag : line.tags()) {
                tags.add(encoder.apply(tag));
            }
            lines.add(new OrderLineRecord(encoder.apply(line.sku()), encoder.apply(line.name()),
                    encoder.apply(line.note()), tags));
        }
        Map<String, String> attributes = new HashMap<>(2 * order.attributes().size());
        for (Map.Entry<String, String> entry : order.attributes().entrySet()) {
            attributes.put(encoder.apply(entry.getKey()), encoder.apply(entry.getValue()));
        }
        CustomerRecord customer = order.customer();
        return new OrderRecord(encoder.apply(order.id()), encoder.apply(order.note()),
                encoder.apply(order.channel()),
                new CustomerRecord(encoder.apply(customer.firstName()),
                        encoder.apply(customer.lastName()), encoder.apply(customer.email()),
                        encoder.apply(customer.phone()), escape(customer.billing()),
                        escape(customer.shipping())),
                lines, attributes);
    }

    private AddressRecord escape(AddressRecord address) {
        return new AddressRecord(encoder.apply(address.street()), encoder.apply(address.city()),
                encoder.apply(address.region()), encoder.apply(address.postalCode()),
                encoder.apply(address.country()));
    }
}
