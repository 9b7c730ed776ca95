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

    CollectionFrame(GraphWalker walker) {
        super(walker, POOL);
    }

    @Override
    @SuppressWarnings("unchecked")
    void begin(ClassPlan plan) {
        copyOf = plan.copyOf;
        collection = (Collection<Object>) node;
        kind = plan.kind;
        mode = TypeClassifier.modeOf(node, plan.containerMode);
        orderedByContent = plan.contentPlaced;
        values = null;
        elementChanged = false;
        copy = null;
        if (plan.indexedList) {
            // a JDK list with constant-time get: read into scratch space rather than a new array
            List<Object> list = (List<Object>) node;
            size = list.size();
            reserveSnapshot(size);
            for (int i = 0; i < size; i++) {
                snapshot[base + i] = list.get(i);
            }
        } else {
            snapshot = collection.toArray();
            base = 0;
            size = snapshot.length;
        }
    }

    @Override
    void clear() {
        super.clear();
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
    void finish() {
        changed |= elementChanged || values != null;
        if (values == null && !(orderedByContent && elementChanged)) {
            result = node;
            return;
        }
        Object[] escaped = values == null ? originals() : values;
        result = kind == NodeKind.LIST ? writeList(escaped) : refill(escaped);
        if (reachedUnfinished && orderedByContent) {
            // an element is an object still being escaped further up: refill again once it is done
            walker.refillAtEnd(this);
        }
    }

    private Object writeList(Object[] escaped) {
        if (mode == ContainerMode.UNMODIFIABLE_COPY) {
            return listCopy(escaped);
        }
        @SuppressWarnings("unchecked")
        List<Object> list = (List<Object>) node;
        requireUnchangedSize(list.size());
        if (mode == ContainerMode.REFILL_AFTER_PROBE && refusesWrites(list, escaped)) {
            mode = ContainerMode.UNMODIFIABLE_COPY;
            return listCopy(escaped);
        }
        try {
            if (list instanceof RandomAccess) {
                // some lists, CopyOnWriteArrayList among them, support set(i) but not ListIterator.set
                for (int i = 0; i < escaped.length; i++) {
                    if (escaped[i] != element(i)) {
                        list.set(i, escaped[i]);
                    }
                }
            } else {
                ListIterator<Object> iterator = list.listIterator();
                for (int i = 0; i < escaped.length; i++) {
                    iterator.next();
                    if (escaped[i] != element(i)) {
                        iterator.set(escaped[i]);
                    }
                }
            }
        } catch (RuntimeException e) {
            throw error(-1, refusedElement(node, e), e);
        }
        return node;
    }

    private Object listCopy(Object[] escaped) {
        return inTheOriginalsType(Collections.unmodifiableList(new ArrayList<>(Arrays.asList(escaped))), "elements");
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
                    list.set(i, escaped[i]);
                    return false;
                } catch (UnsupportedOperationException refused) {
                    if (TypeClassifier.isJdk(node.getClass()) || heldAsItself) {
                        throw error(-1, refusedElement(node, refused), refused);
                    }
                    return true;
                } catch (RuntimeException failed) {
                    throw error(-1, refusedElement(node, failed), failed);
                }
            }
        }
        return false;
    }

    /** Why {@code list} was left partly escaped: it threw {@code e} when an element was set. */
    static String refusedElement(Object list, RuntimeException e) {
        return list.getClass().getName() + " refused an escaped element (" + e + "); hold the values"
                + " in an ArrayList or mark the field @NoEscape";
    }

    private Object refill(Object[] escaped) {
        switch (mode) {
            case REFILL_IN_PLACE:
                requireNoCollision(escaped);
                requireUnchangedSize(collection.size());
                refillInPlace(collection, escaped, originals());
                return node;
            case REFILL_AFTER_PROBE:
                requireNoCollision(escaped);
                requireUnchangedSize(collection.size());
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
            return inTheOriginalsType(Collections.unmodifiableCollection(copy), "elements");
        }
        Set<Object> set = SameKindContainers.emptySetLike((Set<?>) node, escaped.length);
        for (int i = 0; i < escaped.length; i++) {
            if (!set.add(escaped[i])) {
                throw collision(i, escaped);
            }
        }
        copy = set;
        return inTheOriginalsType(set instanceof NavigableSet
                ? Collections.unmodifiableNavigableSet((NavigableSet<Object>) set)
                : Collections.unmodifiableSet(set), "elements");
    }

    /**
     * Fails before anything is changed when escaping made two elements of a set equal, judged
     * like the set judges them. A set that held unchanged values that look equal that way judges
     * differently (it is backed by an identity map), and its own size check after the refill decides.
     */
    private void requireNoCollision(Object[] escaped) {
        if (kind != NodeKind.SET) {
            return;
        }
        Set<Object> seen = SameKindContainers.emptySetLike((Set<?>) node, escaped.length);
        for (int i = 0; i < escaped.length; i++) {
            if (!seen.add(escaped[i])) {
                int earlier = equalEarlier(i, escaped);
                // replaced elements are immutable values whose originals are as they were
                boolean bothReplaced = escaped[earlier] != element(earlier) && escaped[i] != element(i);
                if (bothReplaced
                        && SameKindContainers.sameElement((Set<?>) node, element(earlier), element(i))) {
                    return;
                }
                throw collision(i, escaped);
            }
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
            collection.add(escaped[0]);
            return true;
        } catch (UnsupportedOperationException refused) {
            if (TypeClassifier.isJdk(node.getClass()) || heldAsItself) {
                // a JDK wrapper of a view: copying it would cut it off from what it views; or a
                // cycle holds the collection itself
                throw probeRefused(refused);
            }
            return false;
        } catch (RuntimeException e) {
            throw probeRefused(e);
        }
    }

    private EscapeException probeRefused(RuntimeException e) {
        return error(-1, node.getClass().getName() + " refused an escaped element (" + e + ") and"
                + " was left as it was; hold the values in a HashSet, LinkedHashSet, TreeSet or"
                + " ArrayDeque, or mark the field @NoEscape", e);
    }

    /**
     * Clears {@code target} and adds {@code contents} in order. If that fails, or the target then
     * holds fewer elements than it should (it judged two of them equal), the {@code originals} are
     * put back and the failure is an {@link EscapeException}.
     */
    private void refillInPlace(Collection<Object> target, Object[] contents, Object[] originals) {
        String problem;
        Throwable cause = null;
        try {
            target.clear();
            target.addAll(Arrays.asList(contents));
            if (target.size() == contents.length) {
                return;
            }
            problem = "escaping made elements equal that " + node.getClass().getName()
                    + " held apart, and it would have lost " + (contents.length - target.size());
        } catch (RuntimeException | StackOverflowError e) {
            // a StackOverflowError too: a hashCode or compareTo of the graph overflowing the stack
            // after the clear must not leave the collection empty
            problem = node.getClass().getName() + " refused an escaped element (" + e + ")";
            cause = e;
        }
        String restored;
        try {
            target.clear();
            target.addAll(Arrays.asList(originals));
            restored = target.size() == originals.length ? "its elements were put back unescaped"
                    : "putting its elements back kept only " + target.size() + " of " + originals.length;
        } catch (RuntimeException again) {
            restored = "putting its elements back failed too (" + again + ")";
        }
        throw error(-1, problem + "; " + restored, cause);
    }

    @Override
    void refillAgain() {
        Collection<Object> target = copy != null ? copy : collection;
        Object[] contents = target.toArray();
        if (kind == NodeKind.SET) {
            Set<Object> seen = SameKindContainers.emptySetLike((Set<?>) node, contents.length);
            for (int i = 0; i < contents.length; i++) {
                if (!seen.add(contents[i])) {
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
                    + "); " + GraphWalker.CHANGED_WHILE_ESCAPED, null);
        }
    }

    /** The first escaped element before {@code index} that the set would call equal to it. */
    private int equalEarlier(int index, Object[] escaped) {
        int earlier = 0;
        while (earlier < index
                && !SameKindContainers.sameElement((Set<?>) node, escaped[earlier], escaped[index])) {
            earlier++;
        }
        return earlier;
    }

    private EscapeException collision(int index, Object[] escaped) {
        int earlier = equalEarlier(index, escaped);
        return error(index, "escaping made two elements equal, " + GraphWalker.describe(element(earlier))
                + " and " + GraphWalker.describe(element(index)) + " both became "
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
            values = originals();
        }
        values[slot] = replacement;
    }
}
