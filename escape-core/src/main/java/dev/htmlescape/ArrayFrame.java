package dev.htmlescape;

/** An array of references, written slot by slot in place. */
final class ArrayFrame extends Frame {

    static final int POOL = 2;

    private Object[] array;

    ArrayFrame(FullWalk walk) {
        super(walk, POOL);
    }

    @Override
    void read(ClassPlan plan) {
        array = (Object[]) node;
    }

    @Override
    void clear() {
        super.clear();
        array = null;
    }

    @Override
    Object next() {
        while (++slot < array.length) {
            Object value = array[slot];
            if (value == null) {
                continue;
            }
            if (value instanceof String) {
                String text = (String) value;
                String escaped = encode(text, context);
                if (escaped != text) {
                    store(slot, escaped);
                }
                continue;
            }
            return value;
        }
        return null;
    }

    @Override
    void accept(int slot, Object original, Object replacement, boolean childChanged) {
        changed |= childChanged;
        if (replacement != original) {
            store(slot, replacement);
        }
    }

    @Override
    Object writeBack() {
        return node; // every slot was written as it was escaped
    }

    @Override
    String label(int slot) {
        return "[" + slot + "]";
    }

    @Override
    void writeLater(int slot, Object replacement) {
        store(slot, replacement);
    }

    private void store(int slot, Object value) {
        Class<?> componentType = array.getClass().getComponentType();
        if (!componentType.isInstance(value)) {
            throw error(slot, "the escaped copy, a " + value.getClass().getName()
                    + ", does not fit an array of " + componentType.getName(), null);
        }
        array[slot] = value;
        changed = true;
    }
}
