package dev.htmlescape;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;

/**
 * The words of the walk's {@link EscapeException}s: paths ({@code order.items[2].name}), values
 * quoted so that a message cannot inject what it quotes, and the problems that more than one part
 * of the walk reports, each with what to change.
 */
final class Messages {

    /** The fix named when a container changed between its reading and its writing. */
    static final String CHANGED_WHILE_ESCAPED = "do not change a graph while escaping it, from another"
            + " thread or from its own hashCode, equals or compareTo";
    private static final int MAX_DESCRIBED_LENGTH = 40;

    private Messages() {
    }

    /** The path from the root to {@code slot} of {@code frame} (or to the frame's node, for -1). */
    static String path(Frame frame, int slot) {
        Deque<String> segments = new ArrayDeque<>();
        if (slot >= 0) {
            segments.push(frame.label(slot));
        }
        Frame root = frame;
        for (Frame f = frame; f.parent != null; f = f.parent) {
            segments.push(f.parent.label(f.slotInParent));
            root = f.parent;
        }
        StringBuilder path = new StringBuilder(rootName(root.node.getClass()));
        segments.forEach(path::append);
        return path.toString();
    }

    /** The path to {@code node}: the root's name, or the holder's path to its current slot. */
    static String pathTo(Frame holder, Object node) {
        return holder == null ? rootName(node.getClass()) : path(holder, holder.slot);
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
     * A short rendering of a value: Strings quoted, cut after 40 characters, with invisible
     * characters shown as {@code \\uXXXX} so collisions are readable, and HTML markup characters
     * too, so a message that reaches an error page cannot inject the input it quotes.
     */
    static String describe(Object value) {
        if (!(value instanceof String)) {
            return String.valueOf(value);
        }
        String text = (String) value;
        int end = Math.min(text.length(), MAX_DESCRIBED_LENGTH);
        StringBuilder shown = new StringBuilder(end + 8).append('"');
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

    /** Code of the graph threw {@code thrown} while it was being escaped. */
    static String graphCodeFailed(RuntimeException thrown) {
        return thrown + " was thrown while escaping; the value may be partly escaped";
    }

    /** Code of the graph overflowed the stack; the walk itself is iterative. */
    static String graphCodeOverflowed(StackOverflowError e) {
        return e + " was thrown while escaping (a hashCode, equals or compareTo of the graph that recurses"
                + " without end, or too deep); the value may be partly escaped";
    }

    static String tooDeep(int maxDepth) {
        return "the graph is nested deeper than maxDepth (" + maxDepth + "); raise"
                + " Escaper.builder().maxDepth(...) if such input is expected";
    }

    static String tooManyNodes(int maxNodes) {
        return "the graph has more than maxNodes (" + maxNodes + ") objects; raise"
                + " Escaper.builder().maxNodes(...) if such input is expected";
    }

    /** What a strict walk says when it meets an instance of a declined class. */
    static String declined(ClassPlan.Declined plan) {
        return plan.type.getName() + " is not entered: it is " + plan.why + ", so what it holds would not be"
                + " escaped; mark the field @NoEscape if that is meant, or hold the text in a class of the"
                + " application";
    }

    /** What a strict walk says when it meets a container class with text fields of its own. */
    static String unwalkedFields(ClassPlan.Container plan) {
        return plan.type.getName() + " is walked as a container, through its elements, so its own fields ("
                + plan.unwalkedFields + ") would not be escaped; hold them outside the collection class, or"
                + " mark them @NoEscape";
    }

    /** Why a bean or record of {@code type} cannot be read, and the two ways to allow it. */
    static String notOpen(Class<?> type) {
        String pkg = type.getPackageName();
        return "cannot read " + type.getName() + ": " + type.getModule() + " does not open package " + pkg
                + " to dev.htmlescape; add 'opens " + pkg + " to dev.htmlescape;' to its module-info.java,"
                + " or pass MethodHandles.lookup() from that module to Escaper.builder().lookup(...)";
    }

    /** Why {@code container} was left partly escaped: it threw {@code thrown} when an element was set. */
    static String refusedElement(Object container, RuntimeException thrown) {
        return container.getClass().getName() + " refused an escaped element (" + thrown + "); hold the"
                + " values in an ArrayList or mark the field @NoEscape";
    }
}
