package dev.htmlescape.benchmarks;

import java.util.List;
import java.util.Map;

/**
 * {@link Order} as records: the same shape and, as the fixture fills it, the same 63 Strings, with
 * immutable lists and maps ({@code List.copyOf}, {@code Map.copyOf}). Escaping it cannot write in
 * place: it builds an escaped copy of each record and collection whose Strings changed.
 *
 * @param id the order number
 * @param note the customer's note on the order
 * @param channel where the order was placed
 * @param customer who placed it
 * @param lines the order lines, copied into an immutable list
 * @param attributes free-form attributes, copied into an immutable map
 */
public record OrderRecord(String id, String note, String channel, CustomerRecord customer,
        List<OrderLineRecord> lines, Map<String, String> attributes) {

    /** Copies the collections, as a record with collection components should. */
    public OrderRecord {
        lines = List.copyOf(lines);
        attributes = Map.copyOf(attributes);
    }
}
