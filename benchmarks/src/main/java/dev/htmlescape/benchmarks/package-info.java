/**
 * JMH benchmarks of htmlescape against the code a user would write by hand. Run them all, in one
 * JMH run, with {@code benchmarks/run}: {@link dev.htmlescape.benchmarks.RatioReport} prints each
 * contender's time as a ratio to the hand-written code of the same scenario and flavour.
 *
 * <p>Scenarios, one benchmark class each: a flat form of ten Strings, an order graph of beans
 * with 63 Strings, the same order as records, and a list of 100,000 Strings. Each runs on clean
 * text (nothing to escape) and on dirty text (a quarter of the Strings need escaping).
 *
 * <p>{@code JacksonRead} reads JSON documents of the same form, order (beans and records) and of
 * a list of 10,000 Strings, one scenario per document, with a plain {@code JsonMapper}
 * ({@code plainMapper}, its baseline) and with {@code HtmlEscapeModule} ({@code
 * escapingMapper}). {@code Jackson2Read} reads the same documents with Jackson 2: a plain
 * Jackson 2 mapper and one with the Jackson 2 module.
 *
 * <p>Contenders, one benchmark method each:
 * <ul>
 *   <li>{@code handWritten}: {@code Encode.forHtml} called field by field, the baseline;
 *   <li>{@code escaper}: {@code Escaper.escape(root)};
 *   <li>{@code naiveReflection}: a reflective walk that looks classes up on every call, for scale
 *       (mutable graphs only);
 *   <li>{@code commonsText}, {@code springHtmlUtils}: the hand-written code with Apache Commons
 *       Text's or Spring's escaping function, for the speed of the function alone (their output
 *       differs from OWASP's);
 *   <li>{@code resetOnly}: what the dirty rows spend on restoring their input before each
 *       operation, included in every contender's time alike.
 * </ul>
 */
package dev.htmlescape.benchmarks;
