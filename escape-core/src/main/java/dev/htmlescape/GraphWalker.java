package dev.htmlescape;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Locale;

/**
 * The walk over a graph: the {@link FastWalk} first, and for the graphs it gives up on, an explicit
 * stack of {@link Frame}s, so depth costs heap rather than thread stack, and an index of the nodes
 * entered, so each is entered once.
 *
 * <p>A walker serves one call at a time and is reused by the next: its index, its scratch space
 * and its frames are cleared and kept, so a walk over a clean graph allocates close to nothing.
 * Not thread-safe: each thread has its own.
 */
final class GraphWalker {

    private static final int MAX_DESCRIBED_LENGTH = 40;
    /** The fix named when a container changed between its reading and its writing. */
    static final String CHANGED_WHILE_ESCAPED = "do not change a graph while escaping it, from another"
            + " thread or from its own hashCode, equals or compareTo";
    /** Frames kept for reuse; more are left to the collector after a deep graph. */
    private static final int MAX_POOLED_FRAMES = 256;
    private static final int INITIAL_SCRATCH_LENGTH = 256;
    /** Scratch space grown past this by one large graph is dropped after the call. */
    private static final int KEPT_SCRATCH_LENGTH = 1 << 16;
    private static final byte UNFINISHED = 0;
    private static final byte FINISHED = 1;
    private static final byte FINISHED_CHANGED = 2;

    private final Policy policy;
    private final ClassPlans plans;
    private EscapeContext defaultContext;
    /** Tried first; the frames and the index below serve the graphs it gives up on. */
    private final FastWalk fastWalk;
    private final IdentityIndex entered = new IdentityIndex();
    /** Per entered node: its frame while unfinished, then its result. */
    private Object[] enteredValues = new Object[0];
    private byte[] enteredStates = new byte[0];
    /** The escaped Strings this call made, by identity. */
    private final IdentityIndex produced = new IdentityIndex();
    /** Snapshots of the frames on the stack, each in a region above its parent's. */
    private Object[] scratch = new Object[INITIAL_SCRATCH_LENGTH];
    private int scratchTop;
    private int scratchUsed;
    /** Per frame class, the frames waiting for reuse, linked through {@link Frame#nextFree}. */
    private final Frame[] pools = new Frame[6];
    private int pooledFrames;
    /** Whether frames must outlive their turn on the stack, so none is reused in this call. */
    private boolean keepFrames;
    private boolean walking;
    /** Containers to refill once the graph is escaped; see {@link #refillAtEnd}. */
    private List<Frame> refillAtEnd;
    private Frame top;
    private Object rootResult;
    /** Reads the beans escaped on the spot; never on the stack, so never kept by anyone. */
    private BeanFrame textBeanFrame;
    private int depth;
    private int nodes;

    GraphWalker(Policy policy, ClassPlans plans) {
        this.policy = policy;
        this.plans = plans;
        this.fastWalk = new FastWalk(plans, policy);
    }

    boolean isWalking() {
        return walking;
    }

    /**
     * Escapes the graph of {@code root}.
     *
     * @param defaultContext the context of Strings without an {@code @Escape} of their own
     */
    Object walk(Object root, EscapeContext defaultContext) {
        this.defaultContext = defaultContext;
        if (root instanceof String) {
            return encode((String) root, null);
        }
        ClassPlan plan = plans.get(root.getClass());
        if (plan.kind == NodeKind.OPAQUE) {
            notEntered(null, root, plan);
            return root;
        }
        walking = true;
        try {
            if (fastWalk.tryEscape(root, plan, defaultContext)) {
                return root;
            }
            if (escapedOnTheSpot(root, plan, null, null)) {
                return root;
            }
            push(root, plan, null);
            while (top != null) {
                Frame frame = top;
                Object child = frame.next();
                if (child == null) {
                    pop(frame);
                } else {
                    visit(frame, child);
                }
            }
            if (refillAtEnd != null) {
                for (Frame frame : refillAtEnd) {
                    top = frame;
                    frame.slot = -1;
                    frame.refillAgain();
                }
            }
            return rootResult;
        } catch (EscapeException e) {
            throw e;
        } catch (RuntimeException e) {
            // the graph's own code (hashCode, equals, a comparator, a collection) failed on the way
            throw new EscapeException(pathOfFailure(root), e + " was thrown while escaping; the value"
                    + " may be partly escaped", e);
        } catch (StackOverflowError e) {
            // the walk itself is iterative: only the graph's own code recurses, a hashCode of a record
            // that reaches itself, say; the stack has unwound to here, so reporting it is safe
            throw new EscapeException(pathOfFailure(root), e + " was thrown while escaping (a hashCode,"
                    + " equals or compareTo of the graph that recurses without end, or too deep); the value"
                    + " may be partly escaped", e);
        } finally {
            reset();
        }
    }

    private String pathOfFailure(Object root) {
        return top == null ? rootName(root) : pathTo(top, top.slot);
    }

    /** Forgets this call's graph, so the walker keeps nothing of it alive while it waits. */
    private void reset() {
        fastWalk.reset();
        Arrays.fill(enteredValues, 0, entered.size(), null);
        entered.clear();
        produced.clear();
        if (scratch.length > KEPT_SCRATCH_LENGTH) {
            scratch = new Object[INITIAL_SCRATCH_LENGTH];
        } else {
            Arrays.fill(scratch, 0, scratchUsed, null);
        }
        scratchTop = 0;
        scratchUsed = 0;
        refillAtEnd = null;
        top = null;
        rootResult = null;
        if (textBeanFrame != null) {
            textBeanFrame.clear(); // a call that failed while reading a bean left it holding one
        }
        depth = 0;
        nodes = 0;
        keepFrames = false;
        walking = false;
    }

    /**
     * Refills {@code frame}'s container again once the whole graph is escaped: some of its
     * elements or keys were objects still being escaped when the container finished, so their
     * hash codes may have changed since.
     */
    void refillAtEnd(Frame frame) {
        if (refillAtEnd == null) {
            refillAtEnd = new ArrayList<>();
        }
        refillAtEnd.add(frame);
        keepFrames();
    }

    /** Keeps every frame from now on: one will be used again after its turn on the stack. */
    void keepFrames() {
        keepFrames = true;
    }

    boolean isSecretName(String name) {
        return policy.secretNames().matches(name);
    }

    boolean strict() {
        return policy.strict();
    }

    boolean escapeMapKeys() {
        return policy.escapeMapKeys();
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

    /**
     * Escapes {@code text}, unless this call produced it: two containers can share storage (a list
     * and an unmodifiable view of it, an array and {@code Arrays.asList} of it), and an element
     * escaped through one must not be escaped again through the other. Only text that escaping
     * would change can be such an element, so clean text costs no lookup.
     */
    String encode(String text, EscapeContext explicit) {
        String escaped = (explicit == null ? defaultContext : explicit).encode(text);
        if (escaped == text) {
            return text;
        }
        if (produced.indexOf(text) >= 0) {
            return text;
        }
        produced.add(escaped);
        return escaped;
    }

    /** Whether {@code node} was entered and something at or below it may have been written. */
    boolean mayHaveChanged(Object node) {
        int entry = entered.indexOf(node);
        return entry >= 0 && enteredStates[entry] != FINISHED;
    }

    private void visit(Frame holder, Object child) {
        ClassPlan plan = plans.get(child.getClass());
        if (plan.kind == NodeKind.OPAQUE) {
            notEntered(holder, child, plan);
            return;
        }
        int entry = entered.indexOf(child);
        if (entry < 0) {
            if (!escapedOnTheSpot(child, plan, holder, holder.childContext())) {
                push(child, plan, holder);
            }
            return;
        }
        byte state = enteredStates[entry];
        if (state != UNFINISHED) {
            holder.accept(holder.slot, child, enteredValues[entry], state == FINISHED_CHANGED);
            return;
        }
        Frame seen = (Frame) enteredValues[entry];
        if (!seen.mayBeRebuilt()) {
            // a cycle back to an object escaped in place further up; its own Strings are escaped
            // already, its subgraph maybe not, so the holder must treat it as changed
            holder.noteUnfinished(holder.slot);
            holder.accept(holder.slot, child, child, true);
            seen.heldAsItself = true;
        } else {
            // a cycle back to a value that may be rebuilt: the holder gets the copy when it exists
            seen.await(holder, holder.slot);
            holder.changed = true;
        }
    }

    /**
     * Escapes a node that has no children to enter, a bean whose fields are all text or a settable
     * JDK list that holds only text, without a frame of its own, and tells its holder. It cannot
     * close a cycle. A changed one is entered, so that a map or set that holds it later sees the
     * change; a clean one is not, since scanning it again finds it clean again.
     *
     * @return whether the node was escaped here; if not, it needs a frame
     */
    private boolean escapedOnTheSpot(Object node, ClassPlan plan, Frame holder, EscapeContext context) {
        boolean changed;
        if (plan.textOnlyBean) {
            checkEntering(node, plan, holder);
            if (textBeanFrame == null) {
                textBeanFrame = new BeanFrame(this);
            }
            BeanFrame frame = textBeanFrame;
            frame.start(node, holder, holder == null ? -1 : holder.slot, null);
            frame.begin(plan);
            changed = frame.changed;
            frame.clear();
        } else if (plan.settableIndexedList && holdsOnlyText((List<?>) node)) {
            checkEntering(node, plan, holder);
            changed = escapeTextList(node, holder, context);
        } else {
            return false;
        }
        if (changed) {
            int entry = enter(node);
            enteredValues[entry] = node;
            enteredStates[entry] = FINISHED_CHANGED;
        } else {
            // reached again, it is scanned again and found clean again: nothing to remember
            nodes++;
        }
        if (holder == null) {
            rootResult = node;
        } else {
            holder.accept(holder.slot, node, node, changed);
        }
        return true;
    }

    private static boolean holdsOnlyText(List<?> list) {
        for (int i = 0, size = list.size(); i < size; i++) {
            Object element = list.get(i);
            if (element != null && !(element instanceof String)) {
                return false;
            }
        }
        return true;
    }

    /** Escapes, in place, the elements of a list that holds only text. */
    private boolean escapeTextList(Object node, Frame holder, EscapeContext context) {
        @SuppressWarnings("unchecked")
        List<Object> list = (List<Object>) node;
        boolean changed = false;
        for (int i = 0, size = list.size(); i < size; i++) {
            String text = (String) list.get(i);
            if (text == null) {
                continue;
            }
            String escaped = encode(text, context);
            if (escaped != text) {
                try {
                    list.set(i, escaped);
                } catch (RuntimeException e) {
                    throw new EscapeException(pathTo(holder, node) + "[" + i + "]",
                            CollectionFrame.refusedElement(node, e), e);
                }
                changed = true;
            }
        }
        return changed;
    }

    /** Fails before {@code node} is entered if a limit or its class forbids entering it. */
    private void checkEntering(Object node, ClassPlan plan, Frame holder) {
        if (depth >= policy.maxDepth()) {
            throw new EscapeException(pathTo(holder, node), "the graph is nested deeper than maxDepth ("
                    + policy.maxDepth() + "); raise Escaper.builder().maxDepth(...) if such input is"
                    + " expected", null);
        }
        if (nodes >= policy.maxNodes()) {
            throw new EscapeException(pathTo(holder, node), "the graph has more than maxNodes ("
                    + policy.maxNodes() + ") objects; raise Escaper.builder().maxNodes(...) if such"
                    + " input is expected", null);
        }
        if (plan.unreadable != null) {
            throw new EscapeException(pathTo(holder, node), plan.unreadable, null);
        }
        if (plan.unwalkedFields != null) {
            if (policy.strict()) {
                throw new EscapeException(pathTo(holder, node), plan.type.getName() + " is walked as a"
                        + " container, through its elements, so its own fields (" + plan.unwalkedFields
                        + ") would not be escaped; hold them outside the collection class, or mark them"
                        + " @NoEscape", null);
            }
            plan.reportUnwalkedFieldsOnce();
        }
    }

    /**
     * Fails when strict, or warns once per class, if {@code node} is left unentered although it
     * holds state: it is framework infrastructure or a run-time proxy ({@link ClassPlan#declined}).
     */
    private void notEntered(Frame holder, Object node, ClassPlan plan) {
        if (plan.declined == null) {
            return;
        }
        if (policy.strict()) {
            throw new EscapeException(pathTo(holder, node), plan.declinedProblem(), null);
        }
        plan.reportDeclinedOnce();
    }

    /** The path to {@code node}: the root's name, or the holder's path to its current slot. */
    private String pathTo(Frame holder, Object node) {
        return holder == null ? rootName(node) : pathTo(holder, holder.slot);
    }

    /** Adds {@code node} to the index of entered nodes and returns its entry. */
    private int enter(Object node) {
        int entry = entered.add(node);
        if (entry >= enteredValues.length) {
            enteredValues = Arrays.copyOf(enteredValues, entered.capacity());
            enteredStates = Arrays.copyOf(enteredStates, entered.capacity());
        }
        nodes++;
        return entry;
    }

    private void push(Object node, ClassPlan plan, Frame holder) {
        int slot = holder == null ? -1 : holder.slot;
        checkEntering(node, plan, holder);
        Frame frame = frameFor(plan.kind);
        frame.start(node, holder, slot, holder == null ? null : holder.childContext());
        frame.begin(plan);
        int entry = enter(node);
        enteredValues[entry] = frame;
        enteredStates[entry] = UNFINISHED;
        frame.entry = entry;
        depth++;
        top = frame;
    }

    /** A frame for a node of {@code kind}: a pooled one if there is one. */
    private Frame frameFor(NodeKind kind) {
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
                return new BeanFrame(this);
            case RECORD:
                return new RecordFrame(this);
            case ARRAY:
                return new ArrayFrame(this);
            case MAP:
                return new MapFrame(this);
            case OPTIONAL:
                return new OptionalFrame(this);
            default:
                return new CollectionFrame(this);
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

    private void pop(Frame frame) {
        frame.slot = -1;
        frame.complete();
        depth--;
        top = frame.parent;
        enteredValues[frame.entry] = frame.result;
        enteredStates[frame.entry] = frame.changed ? FINISHED_CHANGED : FINISHED;
        if (frame.result != frame.node) {
            rememberCopy(frame.result);
        }
        if (top == null) {
            rootResult = frame.result;
        } else {
            top.accept(frame.slotInParent, frame.node, frame.result, frame.changed);
        }
        frame.leaveScratch(keepFrames);
        if (!keepFrames && pooledFrames < MAX_POOLED_FRAMES) {
            frame.clear();
            frame.nextFree = pools[frame.pool];
            pools[frame.pool] = frame;
            pooledFrames++;
        }
    }

    /**
     * Marks a copy this call made (a rebuilt record, an unmodifiable copy of a view) as finished,
     * as {@link #encode} does with the text it produced: containers that share storage (an array and
     * {@code Arrays.asList} of it) can show the copy again once it is written through one of them,
     * and it must then be taken as it is, not entered as new input and copied a second time, which
     * would leave the holders of one original with different copies. It is not counted against
     * {@code maxNodes}: it is no input.
     */
    private void rememberCopy(Object copy) {
        if (copy == null || entered.indexOf(copy) >= 0) {
            return;
        }
        int entry = enter(copy);
        nodes--;
        enteredValues[entry] = copy;
        enteredStates[entry] = FINISHED;
    }

    /** The path from the root to {@code slot} of {@code frame}, such as {@code order.items[2].name}. */
    String pathTo(Frame frame, int slot) {
        Deque<String> segments = new ArrayDeque<>();
        if (slot >= 0) {
            segments.push(frame.label(slot));
        }
        Frame root = frame;
        for (Frame f = frame; f.parent != null; f = f.parent) {
            segments.push(f.parent.label(f.slotInParent));
            root = f.parent;
        }
        StringBuilder path = new StringBuilder(rootName(root.node));
        segments.forEach(path::append);
        return path.toString();
    }

    private static String rootName(Object root) {
        return rootName(root.getClass());
    }

    /** The name a path starts with for a root of {@code type}: its simple name, decapitalized. */
    static String rootName(Class<?> type) {
        String simpleName = type.getSimpleName().replace("[]", "");
        if (simpleName.isEmpty()) {
            return "root";
        }
        return simpleName.substring(0, 1).toLowerCase(Locale.ROOT) + simpleName.substring(1);
    }

    /**
     * A short rendering of a value for messages: Strings quoted, cut after 40 characters, with
     * invisible characters shown as {@code \\uXXXX} so collisions are readable, and HTML markup
     * characters too, so a message that reaches an error page cannot inject the input it quotes.
     */
    static String describe(Object value) {
        if (!(value instanceof String)) {
            return String.valueOf(value);
        }
        String text = (String) value;
        StringBuilder shown = new StringBuilder(Math.min(text.length(), MAX_DESCRIBED_LENGTH) + 8).append('"');
        int end = Math.min(text.length(), MAX_DESCRIBED_LENGTH);
        for (int i = 0; i < end; i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) || Character.isSurrogate(c) || !Character.isDefined(c)
                    || "<>&\"'`\\".indexOf(c) >= 0) {
                shown.append(String.format(Locale.ROOT, "\\u%04X", (int) c));
            } else {
                shown.append(c);
            }
        }
        if (text.length() > MAX_DESCRIBED_LENGTH) {
            shown.append("...");
        }
        return shown.append('"').toString();
    }
}
