package dev.htmlescape;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One object on the full walk's explicit stack: it hands out its children one at a time, takes back
 * their results, and at the end yields its own result (itself, or a rebuilt copy). Strings directly
 * inside the node are escaped by the frame itself; only objects and containers get frames.
 *
 * <p>Its life, in order: {@link #enter} (which calls the kind's {@link #read}), then {@link #next}
 * and {@link #accept} until {@code next} returns {@code null}, then {@link #leave} (which calls the
 * kind's {@link #writeBack}), then {@link #release}; a pooled frame is {@link #clear}ed for its
 * next node. A frame that a cycle or a late refill still needs is kept instead of pooled, and may
 * get {@link #writeLater} or {@link #refillAgain} after it left.
 */
abstract class Frame {

    final FullWalk walk;
    /** Which of the pools of {@link FramePool} this frame goes back to. */
    final int pool;
    /** The next frame in the same pool, while this one waits there. */
    Frame nextFree;

    /** The node this frame escapes; {@code null} while the frame waits in the pool. */
    Object node;
    /** The frame that holds this one, or {@code null} for the root. */
    Frame parent;
    /** Where this node sits in its parent. */
    int slotInParent;
    /** The context for Strings directly inside this node, or {@code null} for the default. */
    EscapeContext context;
    /** This node's entry in the walk's {@link SeenObjects}. */
    int entry;
    /** The slot whose child was last handed out; -1 before the first and after the last. */
    int slot;
    /** The node's result once it {@link #leave}s: the node itself or its rebuilt copy. */
    Object result;
    /** Something at or below this node was written or replaced. */
    boolean changed;
    /** A child of this node is an object that was still being escaped when it was reached. */
    boolean reachedUnfinished;
    /**
     * A holder reached this node through a cycle while it was being escaped and kept the node
     * itself, so the node must not end up as a copy: a container that refuses writes is then an
     * error rather than copied.
     */
    boolean heldAsItself;

    /**
     * Where the snapshot of the node's slots is kept: a region of the pool's scratch array from
     * {@link #base}, or, once the frame must outlive its turn on the stack, an array of its own.
     */
    Object[] snapshot;
    int base;
    private int snapshotLength;
    /** Holders that reached this node through a cycle before it was rebuilt, and their slots. */
    private List<Frame> waitingHolders;
    private List<Integer> waitingSlots;

    Frame(FullWalk walk, int pool) {
        this.walk = walk;
        this.pool = pool;
    }

    /** Starts escaping {@code node} of {@code plan}: the first step of a frame's life. */
    final void enter(Object node, Frame parent, int slotInParent, EscapeContext context, ClassPlan plan) {
        this.node = node;
        this.parent = parent;
        this.slotInParent = slotInParent;
        this.context = context;
        this.slot = -1;
        this.result = null;
        this.changed = false;
        this.reachedUnfinished = false;
        this.heldAsItself = false;
        this.snapshot = null;
        this.snapshotLength = 0;
        read(plan);
    }

    /** Reads the node as this kind of frame needs, into its state and snapshot; part of {@link #enter}. */
    abstract void read(ClassPlan plan);

    /**
     * Escapes Strings up to the next child that must be entered and returns that child, its slot in
     * {@link #slot}; or returns {@code null} when every slot was looked at.
     */
    abstract Object next();

    /** Takes back the result of the child handed out for {@code slot}. */
    abstract void accept(int slot, Object original, Object replacement, boolean childChanged);

    /** Once every child was accepted: writes what changed back into the node and hands the result to holders that waited. */
    final void leave() {
        slot = -1;
        result = writeBack();
        if (waitingHolders != null && result != node) {
            for (int i = 0; i < waitingHolders.size(); i++) {
                waitingHolders.get(i).writeLater(waitingSlots.get(i), result);
            }
        }
        waitingHolders = null;
        waitingSlots = null;
    }

    /** Writes the escaped slots back into the node, or rebuilds it; returns the node or its copy. Part of {@link #leave}. */
    abstract Object writeBack();

    /**
     * Gives the frame's scratch region back as it leaves the stack, first copying it when the frame
     * is {@code kept} (a cycle or a later refill may still need it).
     */
    final void release(boolean kept) {
        if (snapshotLength == 0) {
            return;
        }
        if (kept) {
            snapshot = Arrays.copyOfRange(snapshot, base, base + snapshotLength);
        }
        walk.frames.releaseScratch(base);
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

    /** Takes a region of {@code length} slots of the pool's scratch array for the snapshot. */
    final void reserveSnapshot(int length) {
        base = walk.frames.reserveScratch(length);
        snapshot = walk.frames.scratch();
        snapshotLength = length;
    }

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

    /** Notes that the child in {@code slot} was still being escaped when it was reached. */
    void noteUnfinished(int slot) {
        reachedUnfinished = true;
    }

    /** Registers a holder that reached this unfinished node through a cycle. */
    final void await(Frame holder, int holderSlot) {
        if (waitingHolders == null) {
            waitingHolders = new ArrayList<>(2);
            waitingSlots = new ArrayList<>(2);
        }
        waitingHolders.add(holder);
        waitingSlots.add(holderSlot);
        // the holder must still be itself when this node leaves, after the holder's own turn
        walk.frames.keepFrames();
    }

    /**
     * Writes into {@code slot} the rebuilt copy of a value that this holder reached through a cycle,
     * after this frame may have left. Holders that cannot be written later refuse.
     */
    void writeLater(int slot, Object replacement) {
        throw error(slot, "a cycle leads back to a " + replacement.getClass().getName()
                + " that is rebuilt, and the " + node.getClass().getName() + " that closes the cycle"
                + " cannot take the copy here; let a field, an array, a list or a map value close"
                + " the cycle, or mark one link @NoEscape", null);
    }

    /**
     * Refills, once the whole graph is escaped, a container whose elements or keys were reached
     * while still being escaped; see {@link FullWalk#refillAtEnd}.
     */
    void refillAgain() {
        throw new UnsupportedOperationException(getClass().getName() + " is never refilled");
    }

    /**
     * {@code jdkCopy} as a container of the original node's own type, where the library that made
     * the node has a known factory ({@link LibraryCopies}) or the application registered one; the
     * factory's refusal (a {@code BiMap} given two equal values) is this node's error.
     *
     * @param what what the copy holds, for the message: elements or entries
     */
    final Object inTheOriginalsType(ClassPlan.Container plan, Object jdkCopy, String what) {
        if (plan.copyOf == null) {
            return jdkCopy;
        }
        try {
            return GraphCode.copy(plan.copyOf, jdkCopy);
        } catch (GraphCodeFailure refused) {
            throw error(-1, node.getClass().getName() + " refused the escaped " + what + " ("
                    + refused.thrown() + ")", refused.thrown());
        }
    }

    /**
     * Whether a write the node refused with {@code failed} means that it refuses every write, an
     * immutable container of another library, which is then copied. A JDK wrapper is not copied,
     * since it may be a view that the copy would cut off from what it views; nor a node a cycle
     * holds as itself.
     */
    final boolean refusesEveryWrite(GraphCodeFailure failed) {
        return failed.thrown() instanceof UnsupportedOperationException && !TypeClassifier.isJdk(node.getClass())
                && !heldAsItself;
    }

    final String encode(String text, EscapeContext explicit) {
        return walk.encode(text, explicit);
    }

    final EscapeException error(int slot, String problem, Throwable cause) {
        return new EscapeException(Messages.path(this, slot), problem, cause);
    }

    /** The error of a refill that did not take. */
    final EscapeException refillFailed(Refill.Failure failure) {
        return error(-1, failure.problem(), failure.cause());
    }
}
