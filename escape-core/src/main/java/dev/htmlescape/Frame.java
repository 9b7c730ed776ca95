package dev.htmlescape;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * One object on the walker's explicit stack: it hands out its children one at a time, takes back
 * their results, and at the end yields its own result (itself, or a rebuilt copy).
 *
 * <p>Strings directly inside the node are escaped by the frame itself; only objects and containers
 * become frames of their own.
 */
abstract class Frame {

    final GraphWalker walker;
    /** The node this frame escapes; {@code null} while the frame waits in the walker's pool. */
    Object node;
    /** The frame that holds this one, or {@code null} for the root. */
    Frame parent;
    /** Where this node sits in its parent. */
    int slotInParent;
    /** The context for Strings directly inside this node, or {@code null} for the default. */
    EscapeContext context;
    /** This node's entry in the walker's index of entered nodes. */
    int entry;

    /** The slot whose child was last handed out. */
    int slot;
    /** The node's result once {@link #finish()} ran: the node itself or its rebuilt copy. */
    Object result;
    /** Something at or below this node was written or replaced. */
    boolean changed;
    boolean finished;
    /** A child of this node is an object that was still being escaped when it was reached. */
    boolean reachedUnfinished;
    /**
     * A holder reached this node through a cycle while it was being escaped and kept the node
     * itself, so the node must not end up as a copy: a container that refuses writes is then an
     * error rather than copied.
     */
    boolean heldAsItself;
    /** For a container: its plan's {@link ClassPlan#copyOf}, set by {@link #begin}. */
    Function<Object, Object> copyOf;
    /** Holders that reached this node through a cycle before it was rebuilt. */
    private List<Frame> waitingHolders;
    private List<Integer> waitingSlots;

    /**
     * Where the snapshot of the node's slots is kept: a region of the walker's scratch array from
     * {@link #base}, or, once the frame must outlive its turn on the stack, an array of its own.
     */
    Object[] snapshot;
    int base;
    private int snapshotLength;

    /** Which of the walker's pools this frame goes back to. */
    final int pool;
    /** The next frame in the same pool, while this one waits there. */
    Frame nextFree;

    Frame(GraphWalker walker, int pool) {
        this.walker = walker;
        this.pool = pool;
    }

    /** Sets up the state of this kind of frame for the node given to {@link #start}. */
    abstract void begin(ClassPlan plan);

    /** Starts escaping {@code node}; a frame from the pool starts from a clean state. */
    final void start(Object node, Frame parent, int slotInParent, EscapeContext context) {
        this.node = node;
        this.parent = parent;
        this.slotInParent = slotInParent;
        this.context = context;
        this.slot = -1;
        this.result = null;
        this.changed = false;
        this.finished = false;
        this.reachedUnfinished = false;
        this.heldAsItself = false;
        this.snapshot = null;
        this.snapshotLength = 0;
    }

    /** Takes a region of {@code length} slots of the walker's scratch array for the snapshot. */
    final void reserveSnapshot(int length) {
        base = walker.reserveScratch(length);
        snapshot = walker.scratch();
        snapshotLength = length;
    }

    /**
     * Called when the frame leaves the stack: gives its scratch region back, first copying it
     * when the frame is kept (a cycle or a later refill may still need it).
     */
    final void leaveScratch(boolean kept) {
        if (snapshotLength == 0) {
            return;
        }
        if (kept) {
            snapshot = Arrays.copyOfRange(snapshot, base, base + snapshotLength);
        }
        walker.releaseScratch(base);
        if (kept) {
            base = 0;
        }
    }

    /** Drops every reference to the graph, so the pooled frame keeps nothing alive. */
    void clear() {
        node = null;
        parent = null;
        context = null;
        result = null;
        snapshot = null;
        snapshotLength = 0;
        waitingHolders = null;
        waitingSlots = null;
    }

    /**
     * Escapes Strings up to the next child that must be entered and returns that child, its slot in
     * {@link #slot}; or returns {@code null} when every slot was looked at.
     */
    abstract Object next();

    /** Takes back the result of the child handed out for {@code slot}. */
    abstract void accept(int slot, Object original, Object replacement, boolean childChanged);

    /** Sets {@link #result} once every child was accepted. */
    abstract void finish();

    /** The path segment of {@code slot}, such as {@code .name} or {@code [2]}. */
    abstract String label(int slot);

    /** The context a container child found in {@link #slot} inherits. */
    EscapeContext childContext() {
        return context;
    }

    /** Whether this node may end up as a different object than itself. */
    boolean mayBeRebuilt() {
        return false;
    }

    /**
     * Writes into {@code slot} the rebuilt copy of a value that this holder reached through a cycle,
     * after this frame may have finished. Holders that cannot be written later refuse.
     */
    void writeLater(int slot, Object replacement) {
        throw error(slot, "a cycle leads back to a " + replacement.getClass().getName()
                + " that is rebuilt, and the " + node.getClass().getName() + " that closes the cycle"
                + " cannot take the copy here; let a field, an array, a list or a map value close"
                + " the cycle, or mark one link @NoEscape", null);
    }

    /**
     * {@code jdkCopy} as a container of the original node's own type, where the library that made
     * the node has a known factory ({@link LibraryCopies}) or the application registered one; the
     * factory's refusal (a {@code BiMap} given two equal values) is this node's error.
     *
     * @param what what the copy holds, for the message: elements or entries
     */
    final Object inTheOriginalsType(Object jdkCopy, String what) {
        if (copyOf == null) {
            return jdkCopy;
        }
        try {
            return copyOf.apply(jdkCopy);
        } catch (RuntimeException refused) {
            throw error(-1, node.getClass().getName() + " refused the escaped " + what + " (" + refused + ")",
                    refused);
        }
    }

    /** Notes that the child in {@code slot} was still being escaped when it was reached. */
    void noteUnfinished(int slot) {
        reachedUnfinished = true;
    }

    /**
     * Refills, once the whole graph is escaped, a container whose elements or keys were reached
     * while still being escaped; see {@link GraphWalker#refillAtEnd}.
     */
    void refillAgain() {
        throw new UnsupportedOperationException(getClass().getName() + " is never refilled");
    }

    /** Registers a holder that reached this unfinished node through a cycle. */
    final void await(Frame holder, int holderSlot) {
        if (waitingHolders == null) {
            waitingHolders = new ArrayList<>(2);
            waitingSlots = new ArrayList<>(2);
        }
        waitingHolders.add(holder);
        waitingSlots.add(holderSlot);
        // the holder must still be itself when this node completes, after the holder's own turn
        walker.keepFrames();
    }

    /** Completes the frame and hands a rebuilt result to holders that waited for it. */
    final void complete() {
        finish();
        finished = true;
        if (waitingHolders != null && result != node) {
            for (int i = 0; i < waitingHolders.size(); i++) {
                waitingHolders.get(i).writeLater(waitingSlots.get(i), result);
            }
        }
        waitingHolders = null;
        waitingSlots = null;
    }

    final String encode(String text, EscapeContext explicit) {
        return walker.encode(text, explicit);
    }

    final EscapeException error(int slot, String problem, Throwable cause) {
        return new EscapeException(walker.pathTo(this, slot), problem, cause);
    }
}
