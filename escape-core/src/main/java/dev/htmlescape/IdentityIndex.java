package dev.htmlescape;

/**
 * Numbers objects by identity, densely, in the order they were added. Unlike an
 * {@code IdentityHashMap} it allocates nothing per entry, and {@link #clear()} costs as much as the
 * entries added, not the table's size, so one index serves call after call.
 *
 * <p>Up to {@value #SCANNED_KEYS} keys are found by scanning them: the first identity hash code of
 * an object costs a call into the JVM, and a request's graph is new each time. Past that, an
 * open-addressing table over {@link System#identityHashCode} takes over.
 *
 * <p>Not thread-safe: one walker owns it.
 */
final class IdentityIndex {

    static final int SCANNED_KEYS = 32;
    private static final int INITIAL_TABLE_LENGTH = 4 * SCANNED_KEYS;
    /** A table grown past this by one large graph is dropped when cleared, so it is not kept. */
    private static final int KEPT_TABLE_LENGTH = 1 << 14;

    /** Dense index + 1 of the key whose probe sequence passes here; 0 where free. */
    private int[] table;
    /** Whether the keys are in {@link #table}; below {@link #SCANNED_KEYS} they are scanned. */
    private boolean hashed;
    private Object[] keys;
    /** The table position of each key, so that {@link #clear()} visits only what was added. */
    private int[] positions;
    private int size;

    IdentityIndex() {
        allocate(INITIAL_TABLE_LENGTH);
    }

    /** The dense index of {@code key}, or -1 if it was not added since the last clear. */
    int indexOf(Object key) {
        if (!hashed) {
            for (int i = 0; i < size; i++) {
                if (keys[i] == key) {
                    return i;
                }
            }
            return -1;
        }
        int mask = table.length - 1;
        for (int position = System.identityHashCode(key) & mask; ; position = (position + 1) & mask) {
            int entry = table[position];
            if (entry == 0) {
                return -1;
            }
            if (keys[entry - 1] == key) {
                return entry - 1;
            }
        }
    }

    /** Adds {@code key}, which must not be present, and returns its dense index. */
    int add(Object key) {
        if (2 * (size + 1) > table.length) {
            grow();
        }
        int index = size++;
        keys[index] = key;
        if (hashed) {
            place(index);
        } else if (size == SCANNED_KEYS) {
            hashed = true;
            for (int i = 0; i < size; i++) {
                place(i);
            }
        }
        return index;
    }

    int size() {
        return size;
    }

    /** The capacity of the dense numbering: every index below it is valid for parallel arrays. */
    int capacity() {
        return keys.length;
    }

    void clear() {
        if (table.length > KEPT_TABLE_LENGTH) {
            allocate(INITIAL_TABLE_LENGTH);
        } else {
            for (int i = 0; i < size; i++) {
                if (hashed) {
                    table[positions[i]] = 0;
                }
                keys[i] = null;
            }
        }
        size = 0;
        hashed = false;
    }

    private void place(int index) {
        int mask = table.length - 1;
        int position = System.identityHashCode(keys[index]) & mask;
        while (table[position] != 0) {
            position = (position + 1) & mask;
        }
        table[position] = index + 1;
        positions[index] = position;
    }

    private void grow() {
        Object[] oldKeys = keys;
        int count = size;
        allocate(table.length * 2);
        System.arraycopy(oldKeys, 0, keys, 0, count);
        if (hashed) {
            for (int i = 0; i < count; i++) {
                place(i);
            }
        }
    }

    private void allocate(int tableLength) {
        table = new int[tableLength];
        keys = new Object[tableLength / 2];
        positions = new int[tableLength / 2];
    }
}
