package dev.htmlescape;

/**
 * What a {@link SlotReader} hands each slot of a bean or record to: the frame of the full walk, or
 * the {@link FastWalk}.
 */
interface SlotSink {

    /** Takes the value of a slot declared {@code String}, which may be {@code null}. */
    void readText(int slot, String text);

    /** Takes the value of any other slot, which may be {@code null}. */
    void readChild(int slot, Object value);
}
