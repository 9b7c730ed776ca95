package dev.htmlescape;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One call's walk over a graph: an explicit stack of {@link Frame}s, so depth costs heap rather
 * than thread stack, and an identity map of the nodes entered, so each is entered once.
 *
 * <p>Not thread-safe: a walker serves one call.
 */
final class GraphWalker {

    private static final int MAX_DESCRIBED_LENGTH = 40;

    private final Policy policy;
    private final ClassPlans plans;
    private final IdentityHashMap<Object, Frame> entered = new IdentityHashMap<>();
    /** The escaped Strings this call made, by identity; allocated with the first one. */
    private Set<String> produced;
    /** Containers to refill once the graph is escaped; see {@link #refillAtEnd}. */
    private List<Frame> refillAtEnd;
    private Frame top;
    private int depth;
    private int nodes;

    GraphWalker(Policy policy, ClassPlans plans) {
        this.policy = policy;
        this.plans = plans;
    }

    Object walk(Object root) {
        if (root instanceof String) {
            return encode((String) root, null);
        }
        ClassPlan plan = plans.get(root.getClass());
        if (plan.kind == NodeKind.OPAQUE) {
            return root;
        }
        try {
            Frame rootFrame = push(root, plan, null);
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
            return rootFrame.result;
        } catch (EscapeException e) {
            throw e;
        } catch (RuntimeException e) {
            // the graph's own code (hashCode, equals, a comparator, a collection) failed on the way
            String path = top == null ? rootName(root) : pathTo(top, top.slot);
            throw new EscapeException(path, e + " was thrown while escaping; the value may be"
                    + " partly escaped", e);
        }
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
    }

    boolean strict() {
        return policy.strict();
    }

    /**
     * Escapes {@code text}, unless this call produced it: two containers can share storage (a list
     * and an unmodifiable view of it, an array and {@code Arrays.asList} of it), and an element
     * escaped through one must not be escaped again through the other.
     */
    String encode(String text, EscapeContext explicit) {
        if (produced != null && produced.contains(text)) {
            return text;
        }
        String escaped = (explicit == null ? policy.defaultContext() : explicit).encode(text);
        if (escaped != text) {
            if (produced == null) {
                produced = Collections.newSetFromMap(new IdentityHashMap<>());
            }
            produced.add(escaped);
        }
        return escaped;
    }

    /** Whether {@code node} was entered and something at or below it may have been written. */
    boolean mayHaveChanged(Object node) {
        Frame frame = entered.get(node);
        return frame != null && (frame.changed || !frame.finished);
    }

    private void visit(Frame holder, Object child) {
        ClassPlan plan = plans.get(child.getClass());
        if (plan.kind == NodeKind.OPAQUE) {
            return;
        }
        Frame seen = entered.get(child);
        if (seen == null) {
            push(child, plan, holder);
        } else if (seen.finished) {
            holder.accept(holder.slot, child, seen.result, seen.changed);
        } else if (!seen.mayBeRebuilt()) {
            // a cycle back to an object escaped in place further up; its own Strings are escaped
            // already, its subgraph maybe not, so the holder must treat it as changed
            holder.noteUnfinished(holder.slot);
            holder.accept(holder.slot, child, child, true);
        } else {
            // a cycle back to a value that may be rebuilt: the holder gets the copy when it exists
            seen.await(holder, holder.slot);
            holder.changed = true;
        }
    }

    private Frame push(Object node, ClassPlan plan, Frame holder) {
        int slot = holder == null ? -1 : holder.slot;
        if (depth >= policy.maxDepth()) {
            throw new EscapeException(pathTo(holder, slot), "the graph is nested deeper than maxDepth ("
                    + policy.maxDepth() + "); raise Escaper.builder().maxDepth(...) if such input is"
                    + " expected", null);
        }
        if (nodes >= policy.maxNodes()) {
            throw new EscapeException(pathTo(holder, slot), "the graph has more than maxNodes ("
                    + policy.maxNodes() + ") objects; raise Escaper.builder().maxNodes(...) if such"
                    + " input is expected", null);
        }
        if (plan.unreadable != null) {
            String path = holder == null ? rootName(node) : pathTo(holder, slot);
            throw new EscapeException(path, plan.unreadable, null);
        }
        if (plan.unwalkedFields != null) {
            if (policy.strict()) {
                String path = holder == null ? rootName(node) : pathTo(holder, slot);
                throw new EscapeException(path, plan.type.getName() + " is walked as a container,"
                        + " through its elements, so its own fields (" + plan.unwalkedFields + ") would"
                        + " not be escaped; hold them outside the collection class, or mark them"
                        + " @NoEscape", null);
            }
            plan.reportUnwalkedFieldsOnce();
        }
        EscapeContext context = holder == null ? null : holder.childContext();
        Frame frame;
        switch (plan.kind) {
            case BEAN:
                frame = new BeanFrame(this, node, plan, holder, slot);
                break;
            case RECORD:
                frame = new RecordFrame(this, node, plan, holder, slot);
                break;
            case ARRAY:
                frame = new ArrayFrame(this, node, holder, slot, context);
                break;
            case MAP:
                frame = new MapFrame(this, node, plan, holder, slot, context, policy.escapeMapKeys());
                break;
            case OPTIONAL:
                frame = new OptionalFrame(this, node, holder, slot, context);
                break;
            case LIST:
            case SET:
            case COLLECTION:
                frame = new CollectionFrame(this, node, plan, holder, slot, context);
                break;
            default:
                throw new AssertionError(plan.kind + " values are never entered");
        }
        entered.put(node, frame);
        nodes++;
        depth++;
        top = frame;
        return frame;
    }

    private void pop(Frame frame) {
        frame.slot = -1;
        frame.complete();
        depth--;
        top = frame.parent;
        if (top != null) {
            top.accept(frame.slotInParent, frame.node, frame.result, frame.changed);
        }
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
        String simpleName = root.getClass().getSimpleName().replace("[]", "");
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
