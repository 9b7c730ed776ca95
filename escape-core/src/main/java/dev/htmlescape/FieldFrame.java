package dev.htmlescape;

/** A bean or a record: a node whose slots its class's {@link SlotReader} reads in one pass. */
abstract class FieldFrame extends Frame implements SlotSink {

    FieldFrame(GraphWalker walker, int pool) {
        super(walker, pool);
    }
}
