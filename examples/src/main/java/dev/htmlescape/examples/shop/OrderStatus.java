package dev.htmlescape.examples.shop;

/** Where an order is. An enum: never entered by the escaper. */
public enum OrderStatus {
    NEW,
    PAID,
    SHIPPED
}
