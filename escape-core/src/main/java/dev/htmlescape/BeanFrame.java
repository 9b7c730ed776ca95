package dev.htmlescape;

/** A plain object: its fields are read through the plan and written in place. */
final class BeanFrame extends Frame {

    private final FieldSlot[] fields;

    BeanFrame(GraphWalker walker, Object node, ClassPlan plan, Frame parent, int slotInParent) {
        super(walker, node, parent, slotInParent, null);
        this.fields = plan.fields;
    }

    @Override
    Object next() {
        while (++slot < fields.length) {
            FieldSlot field = fields[slot];
            Object value = field.get(node);
            if (value == null) {
                continue;
            }
            if (value instanceof String) {
                String text = (String) value;
                String escaped = encode(text, field.context);
                if (escaped != text) {
                    write(slot, escaped);
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
            write(slot, replacement);
        }
    }

    @Override
    void finish() {
        result = node;
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
            if (walker.strict()) {
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
