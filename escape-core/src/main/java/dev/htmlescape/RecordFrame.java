package dev.htmlescape;

/** A record: its components are collected and, if any changed, the record is rebuilt. */
final class RecordFrame extends Frame {

    private final ClassPlan plan;
    private final Object[] values;
    private boolean rebuild;

    RecordFrame(GraphWalker walker, Object node, ClassPlan plan, Frame parent, int slotInParent) {
        super(walker, node, parent, slotInParent, null);
        this.plan = plan;
        FieldSlot[] components = plan.components;
        this.values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            values[i] = components[i].get(node);
        }
    }

    @Override
    Object next() {
        FieldSlot[] components = plan.components;
        while (++slot < components.length) {
            FieldSlot component = components[slot];
            Object value = values[slot];
            if (value == null || component.excluded) {
                continue;
            }
            if (value instanceof String) {
                String text = (String) value;
                String escaped = encode(text, component.context);
                if (escaped != text) {
                    values[slot] = escaped;
                    rebuild = true;
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
            values[slot] = replacement;
            rebuild = true;
        }
    }

    @Override
    void finish() {
        if (!rebuild) {
            result = node;
            return;
        }
        try {
            result = (Object) plan.canonicalConstructor.invokeExact(values);
        } catch (RuntimeException e) {
            throw error(-1, "the canonical constructor of " + plan.type.getName()
                    + " rejected the escaped values (" + e + "); relax its checks or mark the"
                    + " component @NoEscape", e);
        } catch (Error e) {
            throw e;
        } catch (Throwable e) {
            throw error(-1, "the canonical constructor of " + plan.type.getName() + " failed", e);
        }
        changed = true;
    }

    @Override
    String label(int slot) {
        return "." + plan.components[slot].name;
    }

    @Override
    EscapeContext childContext() {
        return plan.components[slot].context;
    }

    @Override
    boolean mayBeRebuilt() {
        return true;
    }
}
