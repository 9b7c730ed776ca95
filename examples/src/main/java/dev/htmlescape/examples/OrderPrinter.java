package dev.htmlescape.examples;

import dev.htmlescape.examples.shop.Address;
import dev.htmlescape.examples.shop.Customer;
import dev.htmlescape.examples.shop.GiftMessage;
import dev.htmlescape.examples.shop.Order;
import dev.htmlescape.examples.shop.OrderLine;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Prints an {@link Order} as one {@code path  value} row per value, the values in one column. */
final class OrderPrinter {

    /** One value of the order and its path, such as {@code order.lines[0].engraving}. */
    record Row(String path, String value) {
    }

    private final List<Row> rows = new ArrayList<>();

    private OrderPrinter() {
    }

    /**
     * Takes a snapshot of every value of {@code order} as text.
     *
     * @param order the order to read
     * @return one row per value, in a fixed order
     */
    static List<Row> rows(Order order) {
        OrderPrinter printer = new OrderPrinter();
        printer.order("order", order);
        return List.copyOf(printer.rows);
    }

    /**
     * Prints the tables under their titles, with the values of all of them in one column.
     *
     * @param out where to print
     * @param tables title and rows of each table
     */
    static void print(PrintStream out, Map<String, List<Row>> tables) {
        int width = tables.values().stream().flatMap(List::stream)
                .mapToInt(row -> row.path().length()).max().orElse(0);
        String separator = "";
        for (Map.Entry<String, List<Row>> table : tables.entrySet()) {
            out.print(separator);
            out.println(table.getKey());
            for (Row row : table.getValue()) {
                String padding = " ".repeat(width - row.path().length() + 2);
                out.println("  " + row.path() + padding + row.value());
            }
            separator = System.lineSeparator();
        }
    }

    private void order(String path, Order order) {
        row(path + ".number", order.getNumber());
        row(path + ".status", order.getStatus());
        row(path + ".placedAt", order.getPlacedAt());
        customer(path + ".customer", order.getCustomer());
        for (int i = 0; i < order.getLines().size(); i++) {
            line(path + ".lines[" + i + "]", order.getLines().get(i));
        }
        for (Map.Entry<String, String> attribute : order.getAttributes().entrySet()) {
            row(path + ".attributes[" + attribute.getKey() + "]", attribute.getValue());
        }
        row(path + ".note", order.getNote());
        GiftMessage gift = order.getGiftMessage();
        row(path + ".giftMessage.from", gift == null ? null : gift.from());
        row(path + ".giftMessage.text", gift == null ? null : gift.text());
        row(path + ".couponCode", order.getCouponCode());
        row(path + ".campaign", order.getCampaign());
    }

    private void customer(String path, Customer customer) {
        row(path + ".name", customer.getName());
        row(path + ".email", customer.getEmail());
        address(path + ".billingAddress", customer.getBillingAddress());
        address(path + ".shippingAddress", customer.getShippingAddress());
    }

    private void address(String path, Address address) {
        row(path + ".street", address.getStreet());
        row(path + ".postalCode", address.getPostalCode());
        row(path + ".city", address.getCity());
        row(path + ".country", address.getCountry());
    }

    private void line(String path, OrderLine line) {
        row(path + ".sku", line.getSku());
        row(path + ".productName", line.getProductName());
        row(path + ".quantity", line.getQuantity());
        row(path + ".unitPrice", line.getUnitPrice());
        row(path + ".engraving", line.getEngraving());
        row(path + ".tags", line.getTags());
    }

    private void row(String path, Object value) {
        rows.add(new Row(path, String.valueOf(value)));
    }
}
