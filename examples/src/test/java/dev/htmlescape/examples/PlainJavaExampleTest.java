package dev.htmlescape.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.htmlescape.Escaper;
import dev.htmlescape.examples.shop.Customer;
import dev.htmlescape.examples.shop.GiftMessage;
import dev.htmlescape.examples.shop.Order;
import dev.htmlescape.examples.shop.OrderLine;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class PlainJavaExampleTest {

    @Test
    void escapesEveryStringOfTheSampleOrderInPlace() {
        Order order = PlainJavaExample.sampleOrder();
        String email = order.getCustomer().getEmail();

        Order escaped = Escaper.escape(order);

        assertSame(order, escaped);
        Customer customer = escaped.getCustomer();
        assertEquals("Siobhan O&#39;Brien", customer.getName());
        assertSame(email, customer.getEmail(), "nothing to encode: same instance");
        assertEquals("12 Fish &amp; Chips Lane", customer.getBillingAddress().getStreet());
        assertEquals("&#34;&gt;&lt;img src=x onerror=alert(1)&gt;",
                customer.getShippingAddress().getStreet());

        OrderLine mug = escaped.getLines().get(0);
        assertEquals("&lt;script&gt;alert(1)&lt;/script&gt;", mug.getEngraving());
        assertEquals(Set.of("gift", "&lt;b&gt;rush&lt;/b&gt;"), mug.getTags());
        assertTrue(mug.getTags().contains("&lt;b&gt;rush&lt;/b&gt;"), "the set finds its elements");

        assertEquals(Map.of("Packing note &lt;urgent&gt;", "Fragile &amp; heavy",
                "delivery-window", "after 5pm"), escaped.getAttributes());
        assertEquals(Optional.of("If I&#39;m out, leave it with No. 14"), escaped.getNote());
    }

    @Test
    void rebuildsTheRecordAndPutsItBack() {
        Order order = PlainJavaExample.sampleOrder();
        GiftMessage typed = order.getGiftMessage();

        Escaper.escape(order);

        assertNotSame(typed, order.getGiftMessage());
        assertEquals(new GiftMessage("Mum &amp; Dad",
                "Happy birthday! &lt;3 Don&#39;t drink it all at once"), order.getGiftMessage());
        assertEquals("Mum & Dad", typed.from(), "the typed record is not changed");
    }

    @Test
    void followsTheAnnotations() {
        Order order = PlainJavaExample.sampleOrder();
        String coupon = order.getCouponCode();

        Escaper.escape(order);

        assertSame(coupon, order.getCouponCode(), "@NoEscape: left as typed");
        assertEquals("autumn%20sale%20%26%20%22free%22%20shipping", order.getCampaign(),
                "@Escape(URI_COMPONENT)");
    }

    @Test
    void printsTheOrderBeforeAndAfter() {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();

        PlainJavaExample.run(new PrintStream(buffer, true, StandardCharsets.UTF_8));

        String output = buffer.toString(StandardCharsets.UTF_8);
        assertTrue(hasRow(output, "order.customer.name", "Siobhan O'Brien"), output);
        assertTrue(hasRow(output, "order.customer.name", "Siobhan O&#39;Brien"), output);
    }

    private static boolean hasRow(String output, String path, String value) {
        return Pattern.compile("(?m)^ +" + Pattern.quote(path) + " +" + Pattern.quote(value) + "$")
                .matcher(output).find();
    }
}
