package dev.htmlescape.examples.shop;

import dev.htmlescape.Escape;
import dev.htmlescape.EscapeContext;
import dev.htmlescape.NoEscape;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** An order as the checkout form submits it. */
public class Order {

    private String number;
    private OrderStatus status;
    private Instant placedAt;
    private Customer customer;
    private List<OrderLine> lines = new ArrayList<>();
    private Map<String, String> attributes = new LinkedHashMap<>();
    private Optional<String> note = Optional.empty();
    private GiftMessage giftMessage;

    /** Compared with the stored codes exactly as typed, never rendered: left alone. */
    @NoEscape
    private String couponCode;

    /** Copied into a tracking link ({@code ?campaign=...}): escaped as one URL component. */
    @Escape(EscapeContext.URI_COMPONENT)
    private String campaign;

    public String getNumber() {
        return number;
    }

    public void setNumber(String number) {
        this.number = number;
    }

    public OrderStatus getStatus() {
        return status;
    }

    public void setStatus(OrderStatus status) {
        this.status = status;
    }

    public Instant getPlacedAt() {
        return placedAt;
    }

    public void setPlacedAt(Instant placedAt) {
        this.placedAt = placedAt;
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

    public Optional<String> getNote() {
        return note;
    }

    public void setNote(Optional<String> note) {
        this.note = note;
    }

    public GiftMessage getGiftMessage() {
        return giftMessage;
    }

    public void setGiftMessage(GiftMessage giftMessage) {
        this.giftMessage = giftMessage;
    }

    public String getCouponCode() {
        return couponCode;
    }

    public void setCouponCode(String couponCode) {
        this.couponCode = couponCode;
    }

    public String getCampaign() {
        return campaign;
    }

    public void setCampaign(String campaign) {
        this.campaign = campaign;
    }
}
