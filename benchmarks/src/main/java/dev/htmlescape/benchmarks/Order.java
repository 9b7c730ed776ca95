package dev.htmlescape.benchmarks;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An online-shop order as a checkout form or a JSON body fills it: the graph scenario.
 *
 * <p>As the fixture fills it, it holds 63 Strings: three of its own, 14 in its {@link Customer}
 * (four plus five in each of two addresses), 40 in eight {@link OrderLine order lines} (three plus
 * two tags each) and six in three attributes (each key and each value counts).
 */
public class Order {

    private String id;
    private String note;
    private String channel;
    private Customer customer;
    private List<OrderLine> lines = new ArrayList<>();
    private Map<String, String> attributes = new HashMap<>();

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note;
    }

    public String getChannel() {
        return channel;
    }

    public void setChannel(String channel) {
        this.channel = channel;
    }

    public Customer getCustomer() {
        return customer;
    }

    public void setCustomer(Customer customer) {
        this.customer = customer;
    }

    public List<OrderLine> getLines() {
        return lines;
    }

    public void setLines(List<OrderLine> lines) {
        this.lines = lines;
    }

    public Map<String, String> getAttributes() {
        return attributes;
    }

    public void setAttributes(Map<String, String> attributes) {
        this.attributes = attributes;
    }
}
