package dev.htmlescape;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.ListIterator;
import java.util.NavigableSet;
import java.util.RandomAccess;
import java.util.Set;

/**
 * A list, set, queue or other collection. Elements are read from a snapshot. A list is written
 * element by element; a set or other collection whose elements changed is refilled, so hashing and
 * ordering see the escaped elements, in place or as a copy as its {@link ContainerMode} allows.
 */
final class CollectionFrame extends Frame {

    private final Collection<Object> collection;
    private final NodeKind kind;
    private final ContainerMode mode;
    private final Object[] elements;
    /** The elements after escaping; allocated on the first replacement. */
    private Object[] values;
    private boolean elementChanged;

    @SuppressWarnings("unchecked")
    CollectionFrame(GraphWalker walker, Object node, ClassPlan plan, Frame parent, int slotInParent,
            EscapeContext context) {
        super(walker, node, parent, slotInParent, context);
        this.collection = (Collection<Object>) node;
        this.kind = plan.kind;
        this.mode = TypeClassifier.modeOf(node, plan.containerMode);
        this.elements = collection.toArray();
    }

    @Override
    Object next() {
        while (++slot < elements.length) {
            Object element = elements[slot];
            if (element == null) {
                continue;
            }
            if (element instanceof String) {
                String text = (String) element;
                String escaped = encode(text, context);
                if (escaped != text) {
                    replace(slot, escaped);
                }
                continue;
            }
            return element;
        }
        return null;
    }

    @Override
    void accept(int slot, Object original, Object replacement, boolean childChanged) {
        elementChanged |= childChanged;
        if (replacement != original) {
            replace(slot, replacement);
        }
    }

    @Override
    void finish() {
        changed |= elementChanged || values != null;
        boolean orderedByContent = kind != NodeKind.LIST;
        if (values == null && !(orderedByContent && elementChanged)) {
            result = node;
            return;
        }
        Object[] escaped = values == null ? elements : values;
        result = kind == NodeKind.LIST ? writeList(escaped) : refill(escaped);
    }

    private Object writeList(Object[] escaped) {
        if (mode == ContainerMode.UNMODIFIABLE_COPY) {
            return Collections.unmodifiableList(new ArrayList<>(Arrays.asList(escaped)));
        }
        @SuppressWarnings("unchecked")
        List<Object> list = (List<Object>) node;
        requireUnchangedSize(list.size());
        try {
            if (list instanceof RandomAccess) {
                // some lists, CopyOnWriteArrayList among them, support set(i) but not ListIterator.set
                for (int i = 0; i < escaped.length; i++) {
                    if (escaped[i] != elements[i]) {
                        list.set(i, escaped[i]);
                    }
                }
            } else {
                ListIterator<Object> iterator = list.listIterator();
                for (int i = 0; i < escaped.length; i++) {
                    iterator.next();
                    if (escaped[i] != elements[i]) {
                        iterator.set(escaped[i]);
                    }
                }
            }
        } catch (RuntimeException e) {
            throw error(-1, node.getClass().getName() + " refused an escaped element (" + e + ");"
                    + " hold the values in an ArrayList or mark the field @NoEscape", e);
        }
        return node;
    }

    private Object refill(Object[] escaped) {
        Collection<Object> refilled = kind == NodeKind.SET ? refilledSet(escaped)
                : new ArrayList<>(Arrays.asList(escaped));
        switch (mode) {
            case REFILL_IN_PLACE:
                requireUnchangedSize(collection.size());
                refillInPlace(refilled);
                return node;
            case REFILL_AFTER_PROBE:
                requireUnchangedSize(collection.size());
                probe(refilled);
                refillInPlace(refilled);
                return node;
            case UNMODIFIABLE_COPY:
                if (!(refilled instanceof Set) && kind == NodeKind.SET) {
                    throw collision(escaped);
                }
                return refilled instanceof NavigableSet
                        ? Collections.unmodifiableNavigableSet((NavigableSet<Object>) refilled)
                        : refilled instanceof Set ? Collections.unmodifiableSet((Set<Object>) refilled)
                        : Collections.unmodifiableCollection(refilled);
            default:
                throw error(-1, node.getClass().getName() + " would have to be refilled, which it"
                        + " does not support without changing its order; hold the values in an"
                        + " ArrayDeque, or mark the field @NoEscape", null);
        }
    }

    /**
     * The escaped elements in a set that judges equality like the original, or, when the original
     * held unchanged values that such a set calls equal (so it was backed by an identity map), in a
     * list.
     */
    private Collection<Object> refilledSet(Object[] escaped) {
        Set<Object> set = SameKindContainers.emptySetLike((Set<?>) node, escaped.length);
        for (int i = 0; i < escaped.length; i++) {
            if (!set.add(escaped[i])) {
                int earlier = equalEarlier(i, escaped);
                // replaced elements are immutable values whose originals are as they were
                boolean bothReplaced = escaped[earlier] != elements[earlier] && escaped[i] != elements[i];
                if (bothReplaced && SameKindContainers.sameElement((Set<?>) node, elements[earlier], elements[i])) {
                    return new ArrayList<>(Arrays.asList(escaped));
                }
                throw collision(escaped);
            }
        }
        return set;
    }

    /** Adds one escaped element, so that a view that refuses additions is found before clearing. */
    private void probe(Collection<Object> refilled) {
        if (refilled.isEmpty()) {
            return;
        }
        try {
            collection.add(refilled.iterator().next());
        } catch (RuntimeException e) {
            throw error(-1, node.getClass().getName() + " refused an escaped element (" + e + ") and"
                    + " was left as it was; hold the values in a HashSet, LinkedHashSet, TreeSet or"
                    + " ArrayDeque, or mark the field @NoEscape", e);
        }
    }

    private void refillInPlace(Collection<Object> refilled) {
        try {
            collection.clear();
            collection.addAll(refilled);
        } catch (RuntimeException e) {
            String restored;
            try {
                collection.clear();
                collection.addAll(Arrays.asList(elements));
                restored = "its elements were put back unescaped";
            } catch (RuntimeException again) {
                restored = "putting its elements back failed too (" + again + ")";
            }
            throw error(-1, node.getClass().getName() + " refused an escaped element (" + e + "); "
                    + restored, e);
        }
    }

    private void requireUnchangedSize(int size) {
        if (size != elements.length) {
            throw error(-1, "the collection changed size while it was escaped (" + elements.length
                    + " to " + size + "); do not change a graph from another thread while escaping it",
                    null);
        }
    }

    /** The first escaped element before {@code index} that the set would call equal to it. */
    private int equalEarlier(int index, Object[] escaped) {
        int earlier = 0;
        while (earlier < index && !SameKindContainers.sameElement((Set<?>) node, escaped[earlier], escaped[index])) {
            earlier++;
        }
        return earlier;
    }

    private EscapeException collision(Object[] escaped) {
        Set<Object> seen = SameKindContainers.emptySetLike((Set<?>) node, escaped.length);
        int index = 0;
        while (seen.add(escaped[index])) {
            index++;
        }
        int earlier = equalEarlier(index, escaped);
        return error(index, "escaping made two elements equal, " + GraphWalker.describe(elements[earlier])
                + " and " + GraphWalker.describe(elements[index]) + " both became "
                + GraphWalker.describe(escaped[index]) + "; the set would lose one of them", null);
    }

    @Override
    String label(int slot) {
        return "[" + slot + "]";
    }

    @Override
    boolean mayBeRebuilt() {
        return mode == ContainerMode.UNMODIFIABLE_COPY;
    }

    @Override
    void writeLater(int slot, Object replacement) {
        if (kind != NodeKind.LIST || mode == ContainerMode.UNMODIFIABLE_COPY) {
            super.writeLater(slot, replacement);
            return;
        }
        @SuppressWarnings("unchecked")
        List<Object> list = (List<Object>) node;
        try {
            list.set(slot, replacement);
        } catch (RuntimeException e) {
            throw error(slot, node.getClass().getName() + " refused the escaped copy (" + e + ")", e);
        }
    }

    private void replace(int slot, Object replacement) {
        if (values == null) {
            values = elements.clone();
        }
        values[slot] = replacement;
    }
}
