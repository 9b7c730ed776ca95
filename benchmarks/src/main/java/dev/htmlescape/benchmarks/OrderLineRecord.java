package dev.htmlescape.benchmarks;

import java.util.List;

/**
 * {@link OrderLine} as a record: three Strings and an immutable list of tags.
 *
 * @param sku the stock-keeping unit
 * @param name the product name
 * @param note the customer's note on this line
 * @param tags the tags, copied into an immutable list
 */
public record OrderLineRecord(String sku, String name, String note, List<String> tags) {

    /** Copies the tags, as a record with a collection component should. */
    public OrderLineRecord {
        tags = List.copyOf(tags);
    }
}
