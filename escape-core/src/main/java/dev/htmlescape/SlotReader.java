package dev.htmlescape;

/**
 * Reads every slot of a bean or record into a {@link SlotSink}, in slot order: a slot that holds
 * text through {@link SlotSink#readText}, any other through {@link SlotSink#readChild}.
 *
 * <p>Each class gets one, made by {@link SlotReaders}; thread-safe.
 */
interface SlotReader {

    void read(Object node, SlotSink sink);
}
