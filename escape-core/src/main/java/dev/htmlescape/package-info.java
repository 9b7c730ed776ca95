/**
 * Escapes every String of an object graph: {@link dev.htmlescape.Escaper}, configured with {@link
 * dev.htmlescape.EscaperBuilder}, steered by {@link dev.htmlescape.Escape} and {@link
 * dev.htmlescape.NoEscape}, reported on by {@link dev.htmlescape.Coverage}.
 *
 * <p>Inside, package-private, one call flows so:
 * <ol>
 * <li>{@code Escaper.escapeGraph} takes a {@code GraphWalker} from {@code Walkers} (one per
 *     platform thread, a shared pool for virtual threads).
 * <li>{@code GraphWalker.walk} looks up the root's {@code ClassPlan} in {@code ClassPlans} (a
 *     {@code ClassValue}: computed once per class, with a {@code SlotReader} compiled by {@code
 *     SlotReaders} and {@code ReaderClassFile}).
 * <li>{@code FastWalk} reads the whole graph, notes the escaped text in {@code PendingWrites} and
 *     writes it at the end; it gives up, having written nothing, on what needs rebuilding,
 *     refilling or an identity index.
 * <li>Then {@code FullWalk} walks an explicit stack of {@code Frame}s ({@code BeanFrame}, {@code
 *     RecordFrame}, {@code ArrayFrame}, {@code CollectionFrame}, {@code MapFrame}, {@code
 *     OptionalFrame}) from a {@code FramePool}, entering each node once by {@code SeenObjects};
 *     sets and maps whose contents changed go through {@code Refill}.
 * <li>Every String reaches {@code EscapeContext.encode}: {@code HtmlEncoder} for HTML, OWASP's
 *     {@code Encode} for the other contexts; {@code TypedText} remembers the typed text if asked.
 * <li>Every call into the graph's own code goes through {@code GraphCode}; only what that code
 *     throws becomes an {@link dev.htmlescape.EscapeException}, worded by {@code Messages}.
 * </ol>
 */
package dev.htmlescape;
