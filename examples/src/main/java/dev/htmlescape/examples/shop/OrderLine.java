package dev.htmlescape.examples.shop;

import java.math.BigDecimal;
import java.util.LinkedHashSet;
import java.util.Set;

/** One product in an order, with the text the customer wants engraved and their own tags. */
public class OrderLine {

    private String sku;
    private String productName;
    private int quantity;
    private BigDecimal unitPrice;
    private String engraving;
    private Set<String> tags = new LinkedHashSet<>();

    public OrderLine() {
    }

    public OrderLine(String sku, String productName, int quantity, BigDecimal unitPrice) {
        this.sku = sku;
        this.productName = productName;
        this.quantity = quantity;
        this.unitPrice = unitPrice;
    }

    public String getSku() {
        return sku;
    }

    public void setSku(String sku) {
        this.sku = sku;
    }

    public String getProductName() {
        return productName;
    }

    public void setProductName(String productName) {
        this.productName = productName;
    }

    public int getQuantity() {
        return quantity;
    }

    public void setQuantity(int quantity) {
        this.quantity = quantity;
    }

    public BigDecimal getUnitPrice() {
        return unitPrice;
    }

    public void setUnitPrice(BigDecimal unitPrice) {
        this.unitPrice = unitPrice;
    }

    public String getEngraving() {
        return engraving;
    }

    public void setEngraving(String engraving) {
        this.engraving = engraving;
    }

    public Set<String> getTags() {
        return tags;
    }

    public void setTags(Set<String> tags) {
        this.tags = tags;
    }
}
