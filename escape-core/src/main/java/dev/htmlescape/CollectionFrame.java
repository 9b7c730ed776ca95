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
 * element by element; a set or priority queue whose elements changed is refilled, so hashing and
 * ordering see the escaped elements, in place or as a copy as its {@link ContainerMode} allows.
 */
final class CollectionFrame extends Frame {

    static final int POOL = 4;

    private ClassPlan.Container plan;
    private Collection<Object> collection;
    private NodeKind kind;
    private ContainerMode mode;
    /** Whether where an element sits depends on its content, so changed content needs a refill. */
    private boolean orderedByContent;
    /** The number of elements in the snapshot. */
    private int size;
    /** The elements after escaping; allocated on the first replacement. */
    private Object[] values;
    private boolean elementChanged;
    /** The collection this frame made, when it made a copy; refilled again at the end if needed. */
    private Collection<Object> copy;

    CollectionFrame(FullWalk walk) {
        super(walk, POOL);
    }

    @Override
    @SuppressWarnings("unchecked")
    void read(ClassPlan containerPlan) {
        plan = (ClassPlan.Container) containerPlan;
        collection = (Collection<Object>) node;
        kind = plan.kind;
        mode = TypeClassifier.modeOf(node, plan.mode);
        orderedByContent = plan.contentPlaced;
        values = null;
        elementChanged = false;
        copy = null;
        if (plan.indexedList) {
            // a JDK list with constant-time get: read into scratch space rather than a new array
            List<Object> list = (List<Object>) node;
            size = GraphCode.size(list);
            reserveSnapshot(size);
            for (int i = 0; i < size; i++) {
                snapshot[base + i] = GraphCode.get(list, i);
            }
        } else {
            snapshot = GraphCode.toArray(collection);
            base = 0;
            size = snapshot.length;
        }
    }

    @Override
    void clear() {
        super.clear();
        plan = null;
        collection = null;
        values = null;
        copy = null;
    }

    private Object element(int index) {
        return snapshot[base + index];
    }

    /** The elements as they were before escaping, in an array of their own. */
    private Object[] originals() {
        return Arrays.copyOfRange(snapshot, base, base + size);
    }

    @Override
    Object next() {
        while (++slot < size) {
            Object element = element(slot);
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
    Object writeBack() {
        changed |= elementChanged || values != null;
        if (values == null && !(orderedByContent && elementChanged)) {
            return node;
        }
        Object[] escaped = values == null ? originals() : values;
        Object written = kind == NodeKind.LIST ? writeList(escaped) : refill(escaped);
        if (reachedUnfinished && orderedByContent) {
            // an element is an object still being escaped further up: refill again once it is done
            walk.refillAtEnd(this);
        }
        return written;
    }

    private Object writeList(Object[] escaped) {
        if (mode == ContainerMode.UNMODIFIABLE_COPY) {
            return listCopy(escaped);
        }
        @SuppressWarnings("unchecked")
        List<Object> list = (List<Object>) node;
        requireUnchangedSize(GraphCode.size(list));
        if (mode == ContainerMode.REFILL_AFTER_PROBE && refusesWrites(list, escaped)) {
            mode = ContainerMode.UNMODIFIABLE_COPY;
            return listCopy(escaped);
        }
        try {
            if (list instanceof RandomAccess) {
                // some lists, CopyOnWriteArrayList among them, support set(i) but not ListIterator.set
                for (int i = 0; i < escaped.length; i++) {
                    if (escaped[i] != element(i)) {
                        GraphCode.set(list, i, escaped[i]);
                    }
                }
            } else {
                ListIterator<Object> iterator = GraphCode.listIterator(list);
                for (int i = 0; i < escaped.length; i++) {
                    GraphCode.next(iterator);
                    if (escaped[i] != element(i)) {
                        GraphCode.set(iterator, escaped[i]);
                    }
                }
            }
        } catch (GraphCodeFailure refused) {
            throw error(-1, Messages.refusedElement(node, refused.thrown()), refused.thrown());
        }
        return node;
    }

    private Object listCopy(Object[] escaped) {
        return inTheOriginalsType(plan, Collections.unmodifiableList(new ArrayList<>(Arrays.asList(escaped))), "elements");
    }

    /**
     * Sets the first changed element of a list of a class of another library or the application:
     * whether the list refused it as one that refuses every write does. Then it is copied, as an
     * immutable list of the JDK is; any other failure is left to the write that follows.
     */
    private boolean refusesWrites(List<Object> list, Object[] escaped) {
        for (int i = 0; i < escaped.length; i++) {
            if (escaped[i] != element(i)) {
                try {
                    GraphCode.set(list, i, escaped[i]);
                    return false;
                } catch (GraphCodeFailure failed) {
                    if (refusesEveryWrite(failed)) {
                        return true;
                    }
                    throw error(-1, Messages.refusedElement(node, failed.thrown()), failed.thrown());
                }
            }
        }
        return false;
    }

    private Object refill(Object[] escaped) {
        switch (mode) {
            case REFILL_IN_PLACE:
                requireNoCollision(escaped);
                requireUnchangedSize(GraphCode.size(collection));
                refillInPlace(collection, escaped, originals());
                return node;
            case REFILL_AFTER_PROBE:
                requireNoCollision(escaped);
                requireUnchangedSize(GraphCode.size(collection));
                if (!probe(escaped)) {
                    mode = ContainerMode.UNMODIFIABLE_COPY;
                    return unmodifiableCopy(escaped);
                }
                refillInPlace(collection, escaped, originals());
                return node;
            case UNMODIFIABLE_COPY:
                return unmodifiableCopy(escaped);
            default:
                throw error(-1, node.getClass().getName() + " would have to be refilled, which it"
                        + " does not support without changing its order; hold the values in an"
                        + " ArrayDeque, or mark the field @NoEscape", null);
        }
    }

    private Object unmodifiableCopy(Object[] escaped) {
        if (kind != NodeKind.SET) {
            copy = new ArrayList<>(Arrays.asList(escaped));
            return inTheOriginalsType(plan, Collections.unmodifiableCollection(copy), "elements");
        }
        Set<Object> set = SameKindContainers.emptySetLike((Set<?>) node, escaped.length);
        for (int i = 0; i < escaped.length; i++) {
            if (!GraphCode.add(set, escaped[i])) {
                throw collision(i, escaped);
            }
        }
        copy = set;
        return inTheOriginalsType(plan, set instanceof NavigableSet
                ? Collections.unmodifiableNavigableSet((NavigableSet<Object>) set)
                : Collections.unmodifiableSet(set), "elements");
    }

    /** Fails before anything is changed when escaping made two elements of a set equal, judged like the set judges them. */
    private void requireNoCollision(Object[] escaped) {
        int collision = kind == NodeKind.SET ? SameKindContainers.firstCollision(node, escaped, this::element) : -1;
        if (collision >= 0) {
            throw collision(collision, escaped);
        }
    }

    /**
     * Adds one escaped element, so that a view that refuses additions is found before clearing:
     * whether it took it. One that refuses every write (an immutable collection of another library)
     * is copied instead, unless it is a JDK wrapper, which may wrap a view; any other refusal is an
     * error.
     */
    private boolean probe(Object[] escaped) {
        if (escaped.length == 0) {
            return true;
        }
        try {
            GraphCode.add(collection, escaped[0]);
            return true;
        } catch (GraphCodeFailure failed) {
            if (refusesEveryWrite(failed)) {
                return false;
            }
            throw probeRefused(failed.thrown());
        }
    }

    private EscapeException probeRefused(RuntimeException e) {
        return error(-1, node.getClass().getName() + " refused an escaped element (" + e + ") and"
                + " was left as it was; hold the values in a HashSet, LinkedHashSet, TreeSet or"
                + " ArrayDeque, or mark the field @NoEscape", e);
    }

    private void refillInPlace(Collection<Object> target, Object[] contents, Object[] originals) {
        Refill.Failure failure = Refill.collection(target, contents, originals);
        if (failure != null) {
            throw refillFailed(failure);
        }
    }

    @Override
    void refillAgain() {
        Collection<Object> target = copy != null ? copy : collection;
        Object[] contents = GraphCode.toArray(target);
        if (kind == NodeKind.SET) {
            Set<Object> seen = SameKindContainers.emptySetLike((Set<?>) node, contents.length);
            for (int i = 0; i < contents.length; i++) {
                if (!GraphCode.add(seen, contents[i])) {
                    throw collision(i, contents);
                }
            }
        }
        refillInPlace(target, contents, contents);
    }

    /**
     * Fails before the collection is written if it no longer holds as many elements as were read:
     * writing back by position or refilling it would overwrite or drop what was added meanwhile.
     */
    private void requireUnchangedSize(int now) {
        if (now != size) {
            throw error(-1, "the collection changed size while it was escaped (" + size + " to " + now
                    + "); " + Messages.CHANGED_WHILE_ESCAPED, null);
        }
    }

    private EscapeException collision(int index, Object[] escaped) {
        int earlier = SameKindContainers.equalEarlier(node, index, escaped);
        return error(index, "escaping made two elements equal, " + Messages.describe(element(earlier))
                + " and " + Messages.describe(element(index)) + " both became "
                + Messages.describe(escaped[index]) + "; the set would lose one of them", null);
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
            GraphCode.set(list, slot, replacement);
        } catch (GraphCodeFailure refused) {
            throw error(slot, node.getClass().getName() + " refused the escaped copy (" + refused.thrown() + ")",
                    refused.thrown());
        }
    }

    private void replace(int slot, Object replacement) {
        if (values == null) {
            values = originals();
        }
        values[slot] = replacement;
    }
}
