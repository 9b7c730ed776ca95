package dev.htmlescape;

/**
 * A plain object: its fields are read through the plan's {@link SlotReader}, text fields are
 * escaped and written in place as they are read, the others are kept in the snapshot and entered
 * one by one.
 */
final class BeanFrame extends Frame implements SlotSink {

    static final int POOL = 0;

    private FieldSlot[] fields;

    BeanFrame(FullWalk walk) {
        super(walk, POOL);
    }

    @Override
    void read(ClassPlan plan) {
        ClassPlan.Bean bean = (ClassPlan.Bean) plan;
        fields = bean.fields;
        if (!bean.textOnly) {
            reserveSnapshot(fields.length);
        }
        bean.reader.read(node, this);
        // text fields come first and were escaped as they were read; their scratch slots are unset
        slot = bean.textFields - 1;
    }

    @Override
    public void readText(int slot, String text) {
        if (text != null) {
            escapeSlot(slot, text);
        }
    }

    @Override
    public void readChild(int slot, Object value) {
        snapshot[base + slot] = value;
    }

    @Override
    Object next() {
        while (++slot < fields.length) {
            Object value = snapshot[base + slot];
            if (value == null) {
                continue;
            }
            if (value instanceof String) {
                escapeSlot(slot, (String) value);
                continue;
            }
            return value;
        }
        return null;
    }

    private void escapeSlot(int slot, String text) {
        String escaped = encode(text, fields[slot].context);
        if (escaped != text) {
            write(slot, escaped);
        }
    }

    @Override
    void accept(int slot, Object original, Object replacement, boolean childChanged) {
        changed |= childChanged;
        if (replacement != original) {
            write(slot, replacement);
        }
    }

    @Override
    Object writeBack() {
        return node; // every field was written as it was escaped
    }

    @Override
    void clear() {
        super.clear();
        fields = null;
    }

    @Override
    String label(int slot) {
        return "." + fields[slot].name;
    }

    @Override
    EscapeContext childContext() {
        return fields[slot].context;
    }

    @Override
    void writeLater(int slot, Object replacement) {
        write(slot, replacement);
    }

    private void write(int slot, Object value) {
        FieldSlot field = fields[slot];
        if (field.setter == null) {
            if (walk.policy.strict()) {
                throw error(slot, "final field of " + node.getClass().getName()
                        + " holds text that needs escaping but cannot be written; make the field"
                        + " non-final, use a record, or mark it @NoEscape", null);
            }
            field.reportUnwritableOnce(node.getClass());
            return;
        }
        if (!field.declaredType.isInstance(value)) {
            throw error(slot, "the escaped copy, a " + value.getClass().getName()
                    + ", does not fit the field's type " + field.declaredType.getName()
                    + "; declare the field with an interface type such as List, Set or Map", null);
        }
        field.set(node, value);
        changed = true;
    }
}
