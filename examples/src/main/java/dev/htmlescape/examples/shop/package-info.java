/**
 * The DTOs of a small online shop, as a web form or a JSON body would fill them: mutable beans, a
 * record, an enum, collections, a map and an {@code Optional}. The examples escape them.
 */
package dev.htmlescape.examples.shop;
