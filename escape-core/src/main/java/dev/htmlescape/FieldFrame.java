package dev.htmlescape;

/** A bean or a record: a node whose slots its class's {@link SlotReader} reads in one pass. */
abstract class FieldFrame extends Frame {

    FieldFrame(GraphWalker walker, int pool) {
        super(walker, pool);
    }

    /** Takes the value of a slot declared {@code String}, which may be {@code null}. */
    abstract void readText(int slot, String text);

    /** Takes the value of any other slot, which may be {@code null}. */
    abstract void readChild(int slot, Object value);
}
