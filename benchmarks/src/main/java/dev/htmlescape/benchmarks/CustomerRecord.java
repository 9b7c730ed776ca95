package dev.htmlescape.benchmarks;

/**
 * {@link Customer} as a record: four Strings and two addresses, 14 Strings in all.
 *
 * @param firstName the first name
 * @param lastName the last name
 * @param email the e-mail address
 * @param phone the phone number
 * @param billing the billing address
 * @param shipping the shipping address
 */
public record CustomerRecord(String firstName, String lastName, String email, String phone,
        AddressRecord billing, AddressRecord shipping) {
}
