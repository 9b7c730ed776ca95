package dev.htmlescape.benchmarks;

/**
 * Hands out the Strings a fixture is filled with, one field after another, from fixed tables: the
 * same sequence on every run and every machine.
 *
 * <p>Each call counts as one String. With {@link Flavour#DIRTY}, every fourth String (the first,
 * the fifth, ...) is taken from {@link #DIRTY} instead of the field's own table, so a quarter of
 * any fixture needs escaping wherever its fields sit. A clean String is the same in both flavours,
 * so a dirty fixture is its clean twin with every fourth String swapped. Tests move the dirty
 * Strings to the second, third or fourth of each four, so that each field is dirty in some test.
 *
 * <p>Clean values are ASCII without {@code & < > " '}: OWASP's {@code forHtml}, Commons Text's
 * {@code escapeHtml4} and Spring's {@code htmlEscape} all leave them as they are (the latter two
 * would rewrite accented letters as entities). Every dirty value contains {@code &}, {@code <},
 * {@code >} or {@code "}, since {@code escapeHtml4} leaves {@code '} alone. All values are 5 to 40
 * characters long, about 20 on average.
 *
 * <p>Not thread-safe: one instance fills one fixture.
 */
final class SampleText {

    static final String[] FIRST_NAMES = {
        "Amelia", "Oliver", "Charlotte", "Benjamin", "Isabella", "Mohammed", "Sophie",
        "Lucas", "Hannah", "Mateo", "Priya", "Kenji", "Margaret", "Aleksander",
    };

    static final String[] LAST_NAMES = {
        "Fernandez", "Okafor", "Johansson", "Nakamura", "Schneider", "Kowalski", "Murphy",
        "Anderson", "Delacroix", "van der Berg", "Ramachandran", "Lindqvist", "Oyelaran",
    };

    static final String[] EMAILS = {
        "amelia.fernandez@example.com", "oliver.okafor@mail.example.org",
        "c.johansson@example.net", "benjamin.nakamura+shop@example.com",
        "isabella.schneider@example.de", "m.kowalski@example.pl", "sophie.murphy@example.ie",
    };

    static final String[] PHONES = {
        "+44 20 7946 0958", "+1 415 555 0132", "+49 30 901820", "+33 1 70 36 42 18",
        "+81 3 5555 0198", "+46 8 123 456 78", "+353 1 555 0142",
    };

    static final String[] COMPANIES = {
        "Northwind Traders", "Contoso Pharmaceuticals", "Fabrikam Residences",
        "Tailspin Toys GmbH", "Wide World Importers", "Blue Yonder Airlines",
    };

    static final String[] STREETS = {
        "221B Baker Street", "1600 Amphitheatre Parkway", "42 Wallaby Way", "Unter den Linden 77",
        "10 Downing Street", "350 Fifth Avenue, Floor 21", "Kungsgatan 12, 3 tr",
        "Rue de Rivoli 99, Batiment B", "Flat 4, 17 Kensington Gardens Square",
    };

    static final String[] CITIES = {
        "London", "Mountain View", "Sydney", "Berlin", "New York", "Stockholm", "Paris",
        "Osaka", "Dublin", "Rio de Janeiro", "Saint Petersburg",
    };

    static final String[] REGIONS = {
        "Greater London", "California", "New South Wales", "Brandenburg", "Stockholm County",
        "Ile-de-France", "Kansai", "County Dublin", "New York State",
    };

    static final String[] POSTAL_CODES = {
        "NW1 6XE", "94043", "10117", "SW1A 2AA", "10118", "111 57", "75001", "D02 X285",
    };

    static final String[] COUNTRIES = {
        "United Kingdom", "United States", "Australia", "Germany", "Sweden", "France", "Japan",
        "Ireland", "Brazil",
    };

    static final String[] ORDER_IDS = {
        "ORD-2025-000481", "ORD-2025-000482", "ORD-2025-013377", "ORD-2025-104729",
        "WEB-7F3A-29C1-0B44",
    };

    static final String[] CHANNELS = {
        "web-checkout", "mobile-app-ios", "mobile-app-android", "phone-order",
        "marketplace-eu", "in-store-pickup",
    };

    static final String[] SKUS = {
        "MUG-042-BLU", "TEA-007-250G", "BK-9781492078005", "SOCK-WOOL-M-GRY", "LAMP-DESK-LED-01",
        "PEN-FNT-0.5-BLK", "BAG-TOTE-CANVAS-NAT", "CHAIR-ERGO-MESH-XL",
    };

    static final String[] PRODUCT_NAMES = {
        "Enamel camping mug, blue", "Breakfast tea, 250 g loose leaf", "Learning Java, 6th edition",
        "Merino wool socks, size M", "LED desk lamp with USB charger", "Fountain pen, fine nib",
        "Canvas tote bag", "Ergonomic mesh office chair, XL",
    };

    static final String[] NOTES = {
        "Please gift wrap this item", "Leave with the neighbour at number 12",
        "Deliver after 5 pm on weekdays", "No substitutions please", "Ring the bell twice",
        "Birthday present for my sister", "Call on arrival", "Fragile, handle with care",
    };

    static final String[] TAGS = {
        "gift-wrap", "organic", "fragile", "bestseller", "clearance", "eco-friendly",
        "limited-edition", "back-in-stock", "free-shipping",
    };

    static final String[] ATTRIBUTE_KEYS = {
        "giftMessage", "deliveryWindow", "couponCode", "referrer", "loyaltyTier", "packaging",
        "invoiceReference",
    };

    static final String[] ATTRIBUTE_VALUES = {
        "Happy birthday, Sam", "Weekdays 9 to 12", "SPRING-SALE-15", "newsletter-2025-11",
        "gold member since 2019", "plastic-free", "PO 4500012345 / cost centre 17",
    };

    static final String[] MESSAGES = {
        "Please change my delivery address", "Do you ship to the Canary Islands",
        "Is the blue mug back in stock soon", "Please send an invoice with our VAT ID",
        "Parcel arrived damaged, photos attached",
    };

    /** What users type that HTML escaping must change: ordinary names and hostile input alike. */
    static final String[] DIRTY = {
        "12 Fish & Chips Lane", "Siobhan O'Brien & Sons Ltd", "<b>urgent</b> please call first",
        "\"><img src=x onerror=alert(1)>", "Picture frame, 10\" x 8\", walnut",
        "R&D department, 3rd floor", "<script>alert('x')</script>", "Tom & Jerry's Diner",
        "Ben & Jerry's, 2 pints", "Price < 20 EUR incl. VAT", "D'Angelo & Co. \"Trattoria\"",
        "gift <note> for Mum", "AT&T Wireless", "Mark's \"best ever\" mug",
        "a.b@example.com\"><svg onload=x>", "Size > 42, width 'E'",
    };

    /** Every clean table, for {@link #nextAny()}. */
    private static final String[][] ALL = {
        FIRST_NAMES, LAST_NAMES, EMAILS, PHONES, COMPANIES, STREETS, CITIES, REGIONS, POSTAL_CODES,
        COUNTRIES, ORDER_IDS, CHANNELS, SKUS, PRODUCT_NAMES, NOTES, TAGS, ATTRIBUTE_KEYS,
        ATTRIBUTE_VALUES, MESSAGES,
    };

    private final boolean dirty;
    private final int firstDirty;
    private int handedOut;

    /**
     * Text of the flavour, dirty from the first String on.
     *
     * @param flavour clean text, or every fourth String dirty
     */
    SampleText(Flavour flavour) {
        this(flavour, 0);
    }

    /**
     * Text of the flavour, dirty from another String on.
     *
     * @param flavour clean text, or every fourth String dirty
     * @param firstDirty 0 to 3: which of each four Strings is dirty
     */
    SampleText(Flavour flavour, int firstDirty) {
        if (firstDirty < 0 || firstDirty > 3) {
            throw new IllegalArgumentException("firstDirty must be 0 to 3, but was " + firstDirty);
        }
        this.dirty = flavour == Flavour.DIRTY;
        this.firstDirty = firstDirty;
    }

    /**
     * The next String, from {@code table} unless it is a dirty one.
     *
     * @param table the field's clean values
     * @return a value from {@code table} or, for every fourth String of a dirty fixture, from
     *     {@link #DIRTY}
     */
    String next(String[] table) {
        int index = handedOut++;
        if (dirty && index % 4 == firstDirty) {
            return DIRTY[(index / 4) % DIRTY.length];
        }
        return table[index % table.length];
    }

    /**
     * The next String from any table, in turn: for a large collection of mixed text.
     *
     * @return a value as {@link #next(String[])} gives it
     */
    String nextAny() {
        return next(ALL[handedOut % ALL.length]);
    }
}
