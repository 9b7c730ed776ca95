package dev.htmlescape.benchmarks;

import java.util.List;
import java.util.Map;

/**
 * One {@link Purchase} of the fresh-graph scenario: 22 objects (the purchase, its buyer, two
 * address records, the list of eight lines, the lines, their eight tag lists and the attributes
 * map) and 73 Strings, each a String instance of its own, as a JSON reader makes them.
 */
public final class PurchaseFixture extends Fixture<Purchase> {

    static final int LINES = 8;
    static final int TAGS_PER_LINE = 3;
    static final int ATTRIBUTES = 4;
    static final int OBJECTS = 6 + 2 * LINES;
    static final int STRINGS = 3 + 4 + 2 * 5 + LINES * (3 + TAGS_PER_LINE) + 2 * ATTRIBUTES;

    /** Never escaped: the values {@link #reset()} puts back. */
    private final Purchase pristine;

    /**
     * Builds the purchase and its pristine twin.
     *
     * @param flavour clean text, or every fourth String dirty
     * @param firstDirty 0 to 3: which of each four Strings is dirty
     */
    PurchaseFixture(Flavour flavour, int firstDirty) {
        super(newPurchase(new SampleText(flavour, firstDirty)), flavour == Flavour.DIRTY);
        this.pristine = newPurchase(new SampleText(flavour, firstDirty));
    }

    private static Purchase newPurchase(SampleText text) {
        Purchase purchase = new Purchase();
        purchase.setId(fresh(text, SampleText.ORDER_IDS));
        purchase.setNote(fresh(text, SampleText.NOTES));
        purchase.setChannel(fresh(text, SampleText.CHANNELS));

        String[] keys = new String[ATTRIBUTES];
        for (int i = 0; i < ATTRIBUTES; i++) {
            keys[i] = fresh(text, SampleText.ATTRIBUTE_KEYS);
        }
        for (String key : keys) {
            if (purchase.getAttributes().put(key, fresh(text, SampleText.ATTRIBUTE_VALUES)) != null) {
                throw new IllegalStateException("sample text gave the attribute key " + key + " twice");
            }
        }

        Buyer buyer = new Buyer();
        buyer.setFirstName(fresh(text, SampleText.FIRST_NAMES));
        buyer.setLastName(fresh(text, SampleText.LAST_NAMES));
        buyer.setEmail(fresh(text, SampleText.EMAILS));
        buyer.setPhone(fresh(text, SampleText.PHONES));
        buyer.setBilling(newAddress(text));
        buyer.setShipping(newAddress(text));
        purchase.setBuyer(buyer);

        for (int i = 0; i < LINES; i++) {
            OrderLine line = new OrderLine();
            line.setSku(fresh(text, SampleText.SKUS));
            line.setName(fresh(text, SampleText.PRODUCT_NAMES));
            line.setNote(fresh(text, SampleText.NOTES));
            for (int t = 0; t < TAGS_PER_LINE; t++) {
                line.getTags().add(fresh(text, SampleText.TAGS));
            }
            purchase.getLines().add(line);
        }
        return purchase;
    }

    private static AddressRecord newAddress(SampleText text) {
        return new AddressRecord(fresh(text, SampleText.STREETS), fresh(text, SampleText.CITIES),
                fresh(text, SampleText.REGIONS), fresh(text, SampleText.POSTAL_CODES),
                fresh(text, SampleText.COUNTRIES));
    }

    /** A String of its own, not the sample table's instance, whose chars another graph shares. */
    private static String fresh(SampleText text, String[] table) {
        return new String(text.next(table).toCharArray());
    }

    @Override
    public void reset() {
        Purchase purchase = root();
        purchase.setId(pristine.getId());
        purchase.setNote(pristine.getNote());
        purchase.setChannel(pristine.getChannel());

        Buyer buyer = purchase.getBuyer();
        Buyer pristineBuyer = pristine.getBuyer();
        buyer.setFirstName(pristineBuyer.getFirstName());
        buyer.setLastName(pristineBuyer.getLastName());
        buyer.setEmail(pristineBuyer.getEmail());
        buyer.setPhone(pristineBuyer.getPhone());
        buyer.setBilling(pristineBuyer.getBilling());
        buyer.setShipping(pristineBuyer.getShipping());

        List<OrderLine> lines = purchase.getLines();
        List<OrderLine> pristineLines = pristine.getLines();
        for (int i = 0; i < lines.size(); i++) {
            OrderLine line = lines.get(i);
            OrderLine pristineLine = pristineLines.get(i);
            line.setSku(pristineLine.getSku());
            line.setName(pristineLine.getName());
            line.setNote(pristineLine.getNote());
            List<String> tags = line.getTags();
            List<String> pristineTags = pristineLine.getTags();
            for (int t = 0; t < tags.size(); t++) {
                tags.set(t, pristineTags.get(t));
            }
        }

        Map<String, String> attributes = purchase.getAttributes();
        attributes.clear();
        attributes.putAll(pristine.getAttributes());
    }
}
