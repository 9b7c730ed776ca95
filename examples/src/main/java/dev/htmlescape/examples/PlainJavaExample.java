package dev.htmlescape.examples;

import dev.htmlescape.Escaper;
import dev.htmlescape.examples.shop.Address;
import dev.htmlescape.examples.shop.Customer;
import dev.htmlescape.examples.shop.GiftMessage;
import dev.htmlescape.examples.shop.Order;
import dev.htmlescape.examples.shop.OrderLine;
import dev.htmlescape.examples.shop.OrderStatus;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Escapes an online-shop order with one call, {@code Escaper.escape(order)}, and prints it before
 * and after. Run its {@code main} method from an IDE; {@code PlainJavaExampleTest} runs it with
 * every build.
 */
public final class PlainJavaExample {

    private PlainJavaExample() {
    }

    public static void main(String[] args) {
        run(System.out);
    }

    /**
     * Builds the sample order, prints it, escapes it and prints it again.
     *
     * @param out where to print
     * @return the escaped order
     */
    static Order run(PrintStream out) {
        Order order = sampleOrder();
        List<OrderPrinter.Row> submitted = OrderPrinter.rows(order);

        order = Escaper.escape(order); // the same Order, escaped in place

        Map<String, List<OrderPrinter.Row>> tables = new LinkedHashMap<>();
        tables.put("As submitted:", submitted);
        tables.put("After Escaper.escape(order):", OrderPrinter.rows(order));
        OrderPrinter.print(out, tables);
        return order;
    }

    /**
     * An order as a checkout form would bind it, with the text its customer typed, hostile or not.
     *
     * @return a new, unescaped order
     */
    static Order sampleOrder() {
        Customer customer = new Customer();
        customer.setName("Siobhan O'Brien");
        customer.setEmail("siobhan.obrien@example.com");
        customer.setBillingAddress(new Address("12 Fish & Chips Lane", "D02 X285", "Dublin", "IE"));
        customer.setShippingAddress(
                new Address("\"><img src=x onerror=alert(1)>", "D04 K7W2", "Dublin", "IE"));

        OrderLine mug = new OrderLine("MUG-042", "Enamel mug", 2, new BigDecimal("12.50"));
        mug.setEngraving("<script>alert(1)</script>");
        mug.getTags().add("gift");
        mug.getTags().add("<b>rush</b>");

        OrderLine tea = new OrderLine("TEA-007", "Breakfast tea, 250 g", 1, new BigDecimal("6.95"));
        tea.getTags().add("organic");

        Order order = new Order();
        order.setNumber("A-10482");
        order.setStatus(OrderStatus.PAID);
        order.setPlacedAt(Instant.parse("2025-11-03T18:42:07Z"));
        order.setCustomer(customer);
        order.getLines().add(mug);
        order.getLines().add(tea);
        order.getAttributes().put("Packing note <urgent>", "Fragile & heavy");
        order.getAttributes().put("delivery-window", "after 5pm");
        order.setNote(Optional.of("If I'm out, leave it with No. 14"));
        order.setGiftMessage(
                new GiftMessage("Mum & Dad", "Happy birthday! <3 Don't drink it all at once"));
        order.setCouponCode("FISH&CHIPS-10");
        order.setCampaign("autumn sale & \"free\" shipping");
        return order;
    }
}
