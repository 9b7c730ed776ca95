package dev.htmlescape;

import java.util.Arrays;

/**
 * A record: its components are read into the snapshot, escaped there, and, if any changed, the
 * record is rebuilt through its canonical constructor.
 */
final class RecordFrame extends Frame implements SlotSink {

    static final int POOL = 1;

    private ClassPlan.Record plan;
    private FieldSlot[] components;
    private boolean rebuild;

    RecordFrame(FullWalk walk) {
        super(walk, POOL);
    }

    @Override
    void read(ClassPlan recordPlan) {
        plan = (ClassPlan.Record) recordPlan;
        components = plan.components;
        rebuild = false;
        reserveSnapshot(components.length);
        plan.reader.read(node, this);
    }

    @Override
    public void readText(int slot, String text) {
        snapshot[base + slot] = text;
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
        while (++slot < components.length) {
            FieldSlot component = components[slot];
            Object value = snapshot[base + slot];
            // text components were escaped as they were read
            if (value == null || component.excluded || component.readsText()) {
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
        String escaped = encode(text, components[slot].context);
        if (escaped != text) {
            snapshot[base + slot] = escaped;
            rebuild = true;
        }
    }

    @Override
    void accept(int slot, Object original, Object replacement, boolean childChanged) {
        changed |= childChanged;
        if (replacement != original) {
            snapshot[base + slot] = replacement;
            rebuild = true;
        }
    }

    @Override
    Object writeBack() {
        if (!rebuild) {
            return node;
        }
        Object[] values = Arrays.copyOfRange(snapshot, base, base + components.length);
        Object rebuilt;
        try {
            rebuilt = GraphCode.construct(plan.canonicalConstructor, values);
        } catch (GraphCodeFailure rejected) {
            throw error(-1, "the canonical constructor of " + plan.type.getName()
                    + " rejected the escaped values (" + rejected.thrown() + "); relax its checks or mark the"
                    + " component @NoEscape", rejected.thrown());
        }
        changed = true;
        return rebuilt;
    }

    @Override
    void clear() {
        super.clear();
        plan = null;
        components = null;
    }

    @Override
    String label(int slot) {
        return "." + components[slot].name;
    }

    @Override
    EscapeContext childContext() {
        return components[slot].context;
    }

    @Override
    boolean mayBeRebuilt() {
        return true;
    }
}
