package dev.htmlescape;

import java.util.ArrayList;
import java.util.List;

/**
 * The walk for every graph, and the one that runs when the {@link FastWalk} gives up: an explicit
 * stack of {@link Frame}s, so depth costs heap rather than thread stack, and {@link SeenObjects},
 * so each node is entered once, cycles end and shared nodes keep one result.
 *
 * <p>A walk serves one call at a time and is reused by the next: its bookkeeping is cleared and
 * kept, so a walk over a clean graph allocates close to nothing. Not thread-safe.
 */
final class FullWalk {

    final Policy policy;
    final SeenObjects seen = new SeenObjects();
    final FramePool frames = new FramePool(this);
    private final ClassPlans plans;
    private EscapeContext defaultContext;
    /** Containers to refill once the graph is escaped; see {@link #refillAtEnd}. */
    private List<Frame> refillAtEnd;
    private Frame top;
    private Object rootResult;
    /** Reads the beans escaped on the spot; never on the stack, so never kept by anyone. */
    private BeanFrame textBeanFrame;
    private int depth;
    private int nodes;

    FullWalk(Policy policy, ClassPlans plans) {
        this.policy = policy;
        this.plans = plans;
    }

    /** Escapes the graph of {@code root}, of {@code plan}, which is entered. */
    Object escape(Object root, ClassPlan plan, EscapeContext defaultContext) {
        this.defaultContext = defaultContext;
        if (escapedOnTheSpot(root, plan, null, null)) {
            return rootResult;
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
                frame.refillAgain();
            }
        }
        return rootResult;
    }

    /** Where the walk was when something failed: the slot of the frame on top, or the root. */
    String pathOfFailure(Object root) {
        return top == null ? Messages.rootName(root.getClass()) : Messages.path(top, top.slot);
    }

    /** Forgets this call's graph, so the walk keeps nothing of it alive while it waits. */
    void reset() {
        seen.clear();
        frames.reset();
        refillAtEnd = null;
        top = null;
        rootResult = null;
        if (textBeanFrame != null) {
            textBeanFrame.clear(); // a call that failed while reading a bean left it holding one
        }
        defaultContext = null;
        depth = 0;
        nodes = 0;
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
        frames.keepFrames();
    }

    /**
     * Escapes {@code text}, unless this call produced it: two containers can share storage (a list
     * and an unmodifiable view of it, an array and {@code Arrays.asList} of it), and an element
     * escaped through one must not be escaped again through the other. Only text that escaping
     * would change can be such an element, so clean text costs no lookup.
     */
    String encode(String text, EscapeContext explicit) {
        String escaped = (explicit == null ? defaultContext : explicit).encode(text);
        if (escaped == text || seen.produced(text)) {
            return text;
        }
        seen.noteProduced(escaped);
        return escaped;
    }

    private void visit(Frame holder, Object child) {
        ClassPlan plan = plans.get(child.getClass());
        if (plan.kind == NodeKind.OPAQUE) {
            leaveUnentered(holder, child, plan);
            return;
        }
        int entry = seen.entryOf(child);
        if (entry < 0) {
            if (!escapedOnTheSpot(child, plan, holder, holder.childContext())) {
                push(child, plan, holder);
            }
            return;
        }
        if (!seen.isUnfinished(entry)) {
            holder.accept(holder.slot, child, seen.result(entry), seen.changed(entry));
            return;
        }
        Frame unfinished = seen.frame(entry);
        if (!unfinished.mayBeRebuilt()) {
            // a cycle back to an object escaped in place further up; its own Strings are escaped
            // already, its subgraph maybe not, so the holder must treat it as changed
            holder.noteUnfinished(holder.slot);
            holder.accept(holder.slot, child, child, true);
            unfinished.heldAsItself = true;
        } else {
            // a cycle back to a value that may be rebuilt: the holder gets the copy when it exists
            unfinished.await(holder, holder.slot);
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
        if (plan instanceof ClassPlan.Bean bean && bean.textOnly) {
            checkEntering(node, plan, holder);
            if (textBeanFrame == null) {
                textBeanFrame = new BeanFrame(this);
            }
            textBeanFrame.enter(node, holder, holder == null ? -1 : holder.slot, null, plan);
            changed = textBeanFrame.changed;
            textBeanFrame.clear();
        } else if (plan instanceof ClassPlan.Container list && list.settableIndexedList
                && holdsOnlyText((List<?>) node)) {
            checkEntering(node, plan, holder);
            changed = escapeTextList(node, holder, context);
        } else {
            return false;
        }
        if (changed) {
            seen.enterFinished(node, true);
        }
        // reached again, a clean one is scanned again and found clean again: nothing to remember
        nodes++;
        if (holder == null) {
            rootResult = node;
        } else {
            holder.accept(holder.slot, node, node, changed);
        }
        return true;
    }

    private static boolean holdsOnlyText(List<?> list) {
        for (int i = 0, size = GraphCode.size(list); i < size; i++) {
            Object element = GraphCode.get(list, i);
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
        for (int i = 0, size = GraphCode.size(list); i < size; i++) {
            String text = (String) GraphCode.get(list, i);
            if (text == null) {
                continue;
            }
            String escaped = encode(text, context);
            if (escaped != text) {
                try {
                    GraphCode.set(list, i, escaped);
                } catch (GraphCodeFailure refused) {
                    throw new EscapeException(Messages.pathTo(holder, node) + "[" + i + "]",
                            Messages.refusedElement(node, refused.thrown()), refused.thrown());
                }
                changed = true;
            }
        }
        return changed;
    }

    /** Fails before {@code node} is entered if a limit or its class forbids entering it. */
    private void checkEntering(Object node, ClassPlan plan, Frame holder) {
        if (depth >= policy.maxDepth()) {
            throw new EscapeException(Messages.pathTo(holder, node), Messages.tooDeep(policy.maxDepth()), null);
        }
        if (nodes >= policy.maxNodes()) {
            throw new EscapeException(Messages.pathTo(holder, node), Messages.tooManyNodes(policy.maxNodes()), null);
        }
        if (plan instanceof ClassPlan.Unreadable unreadable) {
            throw new EscapeException(Messages.pathTo(holder, node), unreadable.why, null);
        }
        if (plan instanceof ClassPlan.Container container && container.unwalkedFields != null) {
            if (policy.strict()) {
                throw new EscapeException(Messages.pathTo(holder, node), Messages.unwalkedFields(container), null);
            }
            container.reportUnwalkedFieldsOnce();
        }
    }

    /**
     * Fails when strict, or warns once per class, if {@code node} is left unentered although it
     * holds state: it is framework infrastructure or a run-time proxy.
     */
    void leaveUnentered(Frame holder, Object node, ClassPlan plan) {
        if (!(plan instanceof ClassPlan.Declined declined)) {
            return;
        }
        if (policy.strict()) {
            throw new EscapeException(Messages.pathTo(holder, node), Messages.declined(declined), null);
        }
        declined.reportOnce();
    }

    private void push(Object node, ClassPlan plan, Frame holder) {
        checkEntering(node, plan, holder);
        Frame frame = frames.take(plan.kind);
        frame.enter(node, holder, holder == null ? -1 : holder.slot, holder == null ? null : holder.childContext(), plan);
        frame.entry = seen.enterUnfinished(node, frame);
        nodes++;
        depth++;
        top = frame;
    }

    private void pop(Frame frame) {
        frame.leave();
        depth--;
        top = frame.parent;
        seen.finish(frame.entry, frame.result, frame.changed);
        if (frame.result != frame.node) {
            rememberCopy(frame.result);
        }
        if (top == null) {
            rootResult = frame.result;
        } else {
            top.accept(frame.slotInParent, frame.node, frame.result, frame.changed);
        }
        frames.giveBack(frame);
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
        if (copy != null && seen.entryOf(copy) < 0) {
            seen.enterFinished(copy, false);
        }
    }
}
