package dev.htmlescape;

/**
 * Reads every slot of a bean or record into its frame, in slot order: a slot that holds text
 * through {@link FieldFrame#readText}, any other through {@link FieldFrame#readChild}.
 *
 * <p>Each class gets one, made by {@link SlotReaders}; thread-safe.
 */
interface SlotReader {

    void read(Object node, FieldFrame frame);
}
