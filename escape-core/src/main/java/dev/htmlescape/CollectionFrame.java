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
 * A list, set, queue or other collection. Elements are read from a snapshot; at the end a mutable
 * collection is written in place and an immutable one is rebuilt. Sets and non-list collections
 * whose elements changed are refilled, so hashing and ordering see the escaped elements.
 */
final class CollectionFrame extends Frame {

    private final Collection<Object> collection;
    private final ClassPlan plan;
    /** Changed in place rather than rebuilt. */
    private final boolean mutable;
    private final Object[] elements;
    /** The elements after escaping; allocated on the first replacement. */
    private Object[] values;
    private boolean elementChanged;

    @SuppressWarnings("unchecked")
    CollectionFrame(GraphWalker walker, Object node, ClassPlan plan, Frame parent, int slotInParent,
            EscapeContext context) {
        super(walker, node, parent, slotInParent, context);
        this.collection = (Collection<Object>) node;
        this.plan = plan;
        this.mutable = plan.mutable && TypeClassifier.acceptsAdditions(node);
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
        changed = elementChanged || values != null;
        boolean orderedByContent = plan.kind != NodeKind.LIST;
        if (values == null && !(orderedByContent && elementChanged)) {
            result = node;
            return;
        }
        Object[] escaped = values == null ? elements : values;
        try {
            result = plan.kind == NodeKind.SET ? refillSet(escaped)
                    : plan.kind == NodeKind.LIST ? rewriteList(escaped)
                    : refillCollection(escaped);
        } catch (UnsupportedOperationException e) {
            throw error(-1, node.getClass().getName() + " cannot be changed in place; hold the"
                    + " values in a standard JDK collection", e);
        }
    }

    private Object rewriteList(Object[] escaped) {
        if (!mutable) {
            return Collections.unmodifiableList(new ArrayList<>(Arrays.asList(escaped)));
        }
        @SuppressWarnings("unchecked")
        List<Object> list = (List<Object>) node;
        requireUnchangedSize(list.size());
        if (list instanceof RandomAccess) {
            // some lists, CopyOnWriteArrayList among them, support set(i) but not ListIterator.set
            for (int i = 0; i < escaped.length; i++) {
                if (escaped[i] != elements[i]) {
                    list.set(i, escaped[i]);
                }
            }
            return node;
        }
        ListIterator<Object> iterator = list.listIterator();
        for (int i = 0; i < escaped.length; i++) {
            iterator.next();
            if (escaped[i] != elements[i]) {
                iterator.set(escaped[i]);
            }
        }
        return node;
    }

    private Object refillSet(Object[] escaped) {
        Set<Object> rebuilt = SameKindContainers.emptySetLike((Set<?>) node, escaped.length);
        for (int i = 0; i < escaped.length; i++) {
            if (!rebuilt.add(escaped[i])) {
                throw collision(i, escaped);
            }
        }
        if (!mutable) {
            return rebuilt instanceof NavigableSet
                    ? Collections.unmodifiableNavigableSet((NavigableSet<Object>) rebuilt)
                    : Collections.unmodifiableSet(rebuilt);
        }
        requireUnchangedSize(collection.size());
        collection.clear();
        collection.addAll(rebuilt);
        return node;
    }

    private Object refillCollection(Object[] escaped) {
        List<Object> rebuilt = Arrays.asList(escaped);
        if (!mutable) {
            return Collections.unmodifiableCollection(new ArrayList<>(rebuilt));
        }
        requireUnchangedSize(collection.size());
        collection.clear();
        collection.addAll(rebuilt);
        return node;
    }

    private void requireUnchangedSize(int size) {
        if (size != elements.length) {
            throw error(-1, "the collection changed size while it was escaped (" + elements.length
                    + " to " + size + "); do not change a graph from another thread while escaping it",
                    null);
        }
    }

    private EscapeException collision(int index, Object[] escaped) {
        int earlier = 0;
        while (earlier < index && !SameKindContainers.sameElement((Set<?>) node, escaped[earlier], escaped[index])) {
            earlier++;
        }
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
        return !mutable;
    }

    @Override
    void writeLater(int slot, Object replacement) {
        if (!mutable || plan.kind != NodeKind.LIST) {
            super.writeLater(slot, replacement);
            return;
        }
        @SuppressWarnings("unchecked")
        List<Object> list = (List<Object>) node;
        list.set(slot, replacement);
    }

    private void replace(int slot, Object replacement) {
        if (values == null) {
            values = elements.clone();
        }
        values[slot] = replacement;
    }
}
