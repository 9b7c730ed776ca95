package dev.htmlescape.benchmarks;

/**
 * {@link Address} as a record: five Strings.
 *
 * @param street the street and number
 * @param city the city
 * @param region the state, county or region
 * @param postalCode the postal code
 * @param country the country
 */
public record AddressRecord(String street, String city, String region, String postalCode,
        String country) {
}
