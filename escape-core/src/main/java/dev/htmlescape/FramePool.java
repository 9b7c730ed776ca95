package dev.htmlescape;

import java.util.Arrays;

/**
 * The full walk's frames and the scratch space their snapshots live in, kept from call to call so
 * that a walk allocates close to nothing. Frames come back after their turn on the stack, unless
 * one of them may still be needed later in the call ({@link #keepFrames}); scratch space is taken
 * and given back like a stack, each frame's region above its parent's.
 *
 * <p>Not thread-safe: one walk owns it.
 */
final class FramePool {

    /** Frames kept for reuse; more are left to the collector after a deep graph. */
    private static final int MAX_POOLED_FRAMES = 256;
    private static final int INITIAL_SCRATCH_LENGTH = 256;
    /** Scratch space grown past this by one large graph is dropped after the call. */
    private static final int KEPT_SCRATCH_LENGTH = 1 << 16;

    private final FullWalk walk;
    /** Per kind of frame, the frames waiting for reuse, linked through {@link Frame#nextFree}. */
    private final Frame[] pools = new Frame[6];
    private int pooledFrames;
    /** Whether frames must outlive their turn on the stack, so none is reused in this call. */
    private boolean keepFrames;
    private Object[] scratch = new Object[INITIAL_SCRATCH_LENGTH];
    private int scratchTop;
    private int scratchUsed;

    FramePool(FullWalk walk) {
        this.walk = walk;
    }

    /** A frame for a node of {@code kind}: a pooled one if there is one. */
    Frame take(NodeKind kind) {
        int pool = poolOf(kind);
        Frame pooled = pools[pool];
        if (pooled != null) {
            pools[pool] = pooled.nextFree;
            pooled.nextFree = null;
            pooledFrames--;
            return pooled;
        }
        switch (kind) {
            case BEAN:
                return new BeanFrame(walk);
            case RECORD:
                return new RecordFrame(walk);
            case ARRAY:
                return new ArrayFrame(walk);
            case MAP:
                return new MapFrame(walk);
            case OPTIONAL:
                return new OptionalFrame(walk);
            default:
                return new CollectionFrame(walk);
        }
    }

    private static int poolOf(NodeKind kind) {
        switch (kind) {
            case BEAN:
                return BeanFrame.POOL;
            case RECORD:
                return RecordFrame.POOL;
            case ARRAY:
                return ArrayFrame.POOL;
            case MAP:
                return MapFrame.POOL;
            case OPTIONAL:
                return OptionalFrame.POOL;
            case LIST:
            case SET:
            case COLLECTION:
                return CollectionFrame.POOL;
            default:
                throw new AssertionError(kind + " values are never entered");
        }
    }

    /** Takes back a frame that left the stack: releases its scratch and pools it, unless frames are kept. */
    void giveBack(Frame frame) {
        frame.release(keepFrames);
        if (!keepFrames && pooledFrames < MAX_POOLED_FRAMES) {
            frame.clear();
            frame.nextFree = pools[frame.pool];
            pools[frame.pool] = frame;
            pooledFrames++;
        }
    }

    /** Keeps every frame from now on in this call: one will be used again after its turn on the stack. */
    void keepFrames() {
        keepFrames = true;
    }

    /** The start of a new region of {@code length} slots in {@link #scratch()}. */
    int reserveScratch(int length) {
        int start = scratchTop;
        int end = start + length;
        if (end > scratch.length) {
            scratch = Arrays.copyOf(scratch, Math.max(end, 2 * scratch.length));
        }
        scratchTop = end;
        scratchUsed = Math.max(scratchUsed, end);
        return start;
    }

    /** The scratch array; a frame keeps the one it reserved in, which holds its region. */
    Object[] scratch() {
        return scratch;
    }

    /** Gives back the region starting at {@code start}, the last one reserved that is still held. */
    void releaseScratch(int start) {
        scratchTop = start;
    }

    /** Forgets this call's graph, and drops scratch space one large graph grew. */
    void reset() {
        if (scratch.length > KEPT_SCRATCH_LENGTH) {
            scratch = new Object[INITIAL_SCRATCH_LENGTH];
        } else {
            Arrays.fill(scratch, 0, scratchUsed, null);
        }
        scratchTop = 0;
        scratchUsed = 0;
        keepFrames = false;
    }
}
