package dev.htmlescape;

import java.util.Arrays;

/**
 * What the full walk knows by identity during one call: each node it entered, with its frame while
 * it is unfinished and its result after; and each String it produced, so that text reached again
 * through shared storage is not escaped twice.
 *
 * <p>Not thread-safe: one walk owns it.
 */
final class SeenObjects {

    private static final byte UNFINISHED = 0;
    private static final byte FINISHED = 1;
    private static final byte FINISHED_CHANGED = 2;

    private final IdentityIndex entered = new IdentityIndex();
    /** Per entered node: its frame while unfinished, then its result. */
    private Object[] values = new Object[0];
    private byte[] states = new byte[0];
    private final IdentityIndex produced = new IdentityIndex();

    /** The entry of {@code node}, or -1 if it was not entered in this call. */
    int entryOf(Object node) {
        return entered.indexOf(node);
    }

    /** Enters {@code node}, which {@code frame} is escaping; returns its entry. */
    int enterUnfinished(Object node, Frame frame) {
        int entry = add(node);
        values[entry] = frame;
        states[entry] = UNFINISHED;
        return entry;
    }

    /** Enters {@code node} as finished already, itself its result. */
    void enterFinished(Object node, boolean changed) {
        int entry = add(node);
        values[entry] = node;
        states[entry] = changed ? FINISHED_CHANGED : FINISHED;
    }

    /** Records the result of the node of {@code entry}. */
    void finish(int entry, Object result, boolean changed) {
        values[entry] = result;
        states[entry] = changed ? FINISHED_CHANGED : FINISHED;
    }

    boolean isUnfinished(int entry) {
        return states[entry] == UNFINISHED;
    }

    /** The frame of an unfinished node. */
    Frame frame(int entry) {
        return (Frame) values[entry];
    }

    /** The result of a finished node. */
    Object result(int entry) {
        return values[entry];
    }

    /** Whether escaping the finished node of {@code entry} changed something at or below it. */
    boolean changed(int entry) {
        return states[entry] == FINISHED_CHANGED;
    }

    /** Whether {@code node} was entered and something at or below it may have been written. */
    boolean mayHaveChanged(Object node) {
        int entry = entered.indexOf(node);
        return entry >= 0 && states[entry] != FINISHED;
    }

    /** Whether this call produced {@code text}. */
    boolean produced(String text) {
        return produced.indexOf(text) >= 0;
    }

    void noteProduced(String escaped) {
        produced.add(escaped);
    }

    /** Forgets this call's graph, so nothing of it stays alive while the walk waits. */
    void clear() {
        Arrays.fill(values, 0, entered.size(), null);
        entered.clear();
        produced.clear();
    }

    private int add(Object node) {
        int entry = entered.add(node);
        if (entry >= values.length) {
            values = Arrays.copyOf(values, entered.capacity());
            states = Arrays.copyOf(states, entered.capacity());
        }
        return entry;
    }
}
