package dev.htmlescape.examples.shop;

/**
 * The card that goes with a gift. A record: immutable, so the escaper builds an escaped copy and
 * puts it back into the holder's field.
 *
 * @param from who the gift is from, as typed
 * @param text the message, as typed
 */
public record GiftMessage(String from, String text) {
}
