package dev.htmlescape.benchmarks;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.owasp.encoder.Encode;

/**
 * The baseline: the code a user writes by hand to escape each fixture with OWASP's
 * {@code Encode.forHtml}, one call per field, written for speed. Bean fields are set in place,
 * list elements with {@code set(i, ...)}, maps are refilled; records are rebuilt with their
 * constructors, unconditionally, since hand-written code does not check whether anything changed.
 *
 * <p>The calls are direct rather than through a function shared with the {@link
 * HandWrittenWithEncoder peers}, so that the baseline is the fastest honest code there is.
 */
final class HandWritten {

    private HandWritten() {
    }

    static ContactForm escape(ContactForm form) {
        form.setFirstName(Encode.forHtml(form.getFirstName()));
        form.setLastName(Encode.forHtml(form.getLastName()));
        form.setEmail(Encode.forHtml(form.getEmail()));
        form.setPhone(Encode.forHtml(form.getPhone()));
        form.setCompany(Encode.forHtml(form.getCompany()));
        form.setStreet(Encode.forHtml(form.getStreet()));
        form.setCity(Encode.forHtml(form.getCity()));
        form.setPostalCode(Encode.forHtml(form.getPostalCode()));
        form.setCountry(Encode.forHtml(form.getCountry()));
        form.setMessage(Encode.forHtml(form.getMessage()));
        return form;
    }

    static Order escape(Order order) {
        order.setId(Encode.forHtml(order.getId()));
        order.setNote(Encode.forHtml(order.getNote()));
        order.setChannel(Encode.forHtml(order.getChannel()));

        Customer customer = order.getCustomer();
        customer.setFirstName(Encode.forHtml(customer.getFirstName()));
        customer.setLastName(Encode.forHtml(customer.getLastName()));
        customer.setEmail(Encode.forHtml(customer.getEmail()));
        customer.setPhone(Encode.forHtml(customer.getPhone()));
        escape(customer.getBilling());
        escape(customer.getShipping());

        for (OrderLine line : order.getLines()) {
            line.setSku(Encode.forHtml(line.getSku()));
            line.setName(Encode.forHtml(line.getName()));
            line.setNote(Encode.forHtml(line.getNote()));
            escape(line.getTags());
        }

        escape(order.getAttributes());
        return order;
    }

    private static void escape(Address address) {
        address.setStreet(Encode.forHtml(address.getStreet()));
        address.setCity(Encode.forHtml(address.getCity()));
        address.setRegion(Encode.forHtml(address.getRegion()));
        address.setPostalCode(Encode.forHtml(address.getPostalCode()));
        address.setCountry(Encode.forHtml(address.getCountry()));
    }

    static List<String> escape(List<String> list) {
        for (int i = 0; i < list.size(); i++) {
            list.set(i, Encode.forHtml(list.get(i)));
        }
        return list;
    }

    /**
     * Values are set through their entries; escaped keys hash elsewhere, so the map is refilled,
     * but only when a key changed, as careful code would do.
     */
    private static void escape(Map<String, String> map) {
        String[] escapedKeys = null;
        int i = 0;
        for (Map.Entry<String, String> entry : map.entrySet()) {
            entry.setValue(Encode.forHtml(entry.getValue()));
            String key = entry.getKey();
            String escaped = Encode.forHtml(key);
            if (escaped != key && escapedKeys == null) {
                escapedKeys = map.keySet().toArray(new String[0]);
            }
            if (escapedKeys != null) {
                escapedKeys[i] = escaped;
            }
            i++;
        }
        if (escapedKeys == null) {
            return;
        }
        String[] values = map.values().toArray(new String[0]);
        map.clear();
        for (int k = 0; k < values.length; k++) {
            map.put(escapedKeys[k], values[k]);
        }
    }

    static Purchase escape(Purchase purchase) {
        purchase.setId(Encode.forHtml(purchase.getId()));
        purchase.setNote(Encode.forHtml(purchase.getNote()));
        purchase.setChannel(Encode.forHtml(purchase.getChannel()));

        Buyer buyer = purchase.getBuyer();
        buyer.setFirstName(Encode.forHtml(buyer.getFirstName()));
        buyer.setLastName(Encode.forHtml(buyer.getLastName()));
        buyer.setEmail(Encode.forHtml(buyer.getEmail()));
        buyer.setPhone(Encode.forHtml(buyer.getPhone()));
        buyer.setBilling(escape(buyer.getBilling()));
        buyer.setShipping(escape(buyer.getShipping()));

        for (OrderLine line : purchase.getLines()) {
            line.setSku(Encode.forHtml(line.getSku()));
            line.setName(Encode.forHtml(line.getName()));
            line.setNote(Encode.forHtml(line.getNote()));
            escape(line.getTags());
        }

        escape(purchase.getAttributes());
        return purchase;
    }

    static OrderRecord escape(OrderRecord order) {
        List<OrderLineRecord> lines = new ArrayList<>(order.lines().size());
        for (OrderLineRecord line : order.lines()) {
            List<String> tags = new ArrayList<>(line.tags().size());
            for (String tag : line.tags()) {
                tags.add(Encode.forHtml(tag));
            }
            lines.add(new OrderLineRecord(Encode.forHtml(line.sku()), Encode.forHtml(line.name()),
                    Encode.forHtml(line.note()), tags));
        }
        Map<String, String> attributes = new HashMap<>(2 * order.attributes().size());
        for (Map.Entry<String, String> entry : order.attributes().entrySet()) {
            attributes.put(Encode.forHtml(entry.getKey()), Encode.forHtml(entry.getValue()));
        }
        CustomerRecord customer = order.customer();
        return new OrderRecord(Encode.forHtml(order.id()), Encode.forHtml(order.note()),
                Encode.forHtml(order.channel()),
                new CustomerRecord(Encode.forHtml(customer.firstName()),
                        Encode.forHtml(customer.lastName()), Encode.forHtml(customer.email()),
                        Encode.forHtml(customer.phone()), escape(customer.billing()),
                        escape(customer.shipping())),
                lines, attributes);
    }

    private static AddressRecord escape(AddressRecord address) {
        return new AddressRecord(Encode.forHtml(address.street()), Encode.forHtml(address.city()),
                Encode.forHtml(address.region()), Encode.forHtml(address.postalCode()),
                Encode.forHtml(address.country()));
    }
}
