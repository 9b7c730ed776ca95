package dev.htmlescape;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The writes the {@link FastWalk} notes while it reads a graph, made only once it read all of it:
 * escaped text into a field of a bean, an element of a list or an array, or the value of a map
 * entry. Kept from call to call, like the walk; arrays grown past a few thousand writes are dropped.
 *
 * <p>Not thread-safe: one fast walk owns it.
 */
final class PendingWrites {

    private static final int INITIAL_LENGTH = 32;
    private static final int KEPT_LENGTH = 1 << 12;

    private Object[] targets = new Object[INITIAL_LENGTH];
    private FieldSlot[] fields = new FieldSlot[INITIAL_LENGTH];
    private int[] indexes = new int[INITIAL_LENGTH];
    private String[] texts = new String[INITIAL_LENGTH];
    private int count;

    /** Notes the write of {@code escaped} into {@code field} of {@code target}, its {@code index}, or, an entry, its value. */
    void note(Object target, FieldSlot field, int index, String escaped) {
        if (count == targets.length) {
            int length = 2 * targets.length;
            targets = Arrays.copyOf(targets, length);
            fields = Arrays.copyOf(fields, length);
            indexes = Arrays.copyOf(indexes, length);
            texts = Arrays.copyOf(texts, length);
        }
        targets[count] = target;
        fields[count] = field;
        indexes[count] = index;
        texts[count] = escaped;
        count++;
    }

    /**
     * Makes the writes noted, in the order they were noted. A target reached twice gets the same
     * escaped text twice; one whose storage another shares (a list of an array) gets it through both.
     */
    @SuppressWarnings("unchecked")
    void make() {
        for (int i = 0; i < count; i++) {
            Object target = targets[i];
            if (fields[i] != null) {
                fields[i].set(target, texts[i]);
            } else if (target instanceof Object[] array) {
                array[indexes[i]] = texts[i];
            } else if (target instanceof List) {
                GraphCode.set((List<Object>) target, indexes[i], texts[i]);
            } else {
                GraphCode.setValue((Map.Entry<Object, Object>) target, texts[i]);
            }
        }
    }

    /** Forgets the writes, so nothing of the graph stays alive between calls. */
    void clear() {
        if (targets.length > KEPT_LENGTH) {
            targets = new Object[INITIAL_LENGTH];
            fields = new FieldSlot[INITIAL_LENGTH];
            indexes = new int[INITIAL_LENGTH];
            texts = new String[INITIAL_LENGTH];
        } else {
            Arrays.fill(targets, 0, count, null);
            Arrays.fill(fields, 0, count, null);
            Arrays.fill(texts, 0, count, null);
        }
        count = 0;
    }
}
