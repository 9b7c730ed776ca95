package dev.htmlescape;

import java.lang.invoke.MethodHandle;

/**
 * What the walker needs to know about one runtime class, computed once by {@link ClassPlans}: its
 * kind and, for beans and records, the resolved accessors of the slots worth looking at.
 */
final class ClassPlan {

    final Class<?> type;
    final NodeKind kind;
    /** For collections and maps: how escaped values go back in. */
    final ContainerMode containerMode;
    /**
     * For collections: where an element sits depends on its content (sets, priority queues), so
     * changed content needs a refill.
     */
    final boolean contentPlaced;
    /** For maps: keys are held weakly ({@code WeakHashMap}), so an escaped key could vanish. */
    final boolean weakKeys;
    /** For beans: the instance fields that may hold a String, a container or another object. */
    final FieldSlot[] fields;
    /** For records: every component, in declaration order. */
    final FieldSlot[] components;
    /** For records: the canonical constructor, taking an {@code Object[]} of all components. */
    final MethodHandle canonicalConstructor;
    /** Why instances cannot be read (a module that is not open), or {@code null}. */
    final String unreadable;
    /**
     * For an application's own collection or map class: its fields that may hold text, which the
     * walker does not read because it walks the class as a container; or {@code null}.
     */
    final String unwalkedFields;
    private volatile boolean reportedUnwalkedFields;

    private ClassPlan(Class<?> type, NodeKind kind, ContainerMode containerMode, boolean contentPlaced,
            boolean weakKeys, FieldSlot[] fields, FieldSlot[] components, MethodHandle canonicalConstructor,
            String unreadable, String unwalkedFields) {
        this.type = type;
        this.kind = kind;
        this.containerMode = containerMode;
        this.contentPlaced = contentPlaced;
        this.weakKeys = weakKeys;
        this.fields = fields;
        this.components = components;
        this.canonicalConstructor = canonicalConstructor;
        this.unreadable = unreadable;
        this.unwalkedFields = unwalkedFields;
    }

    static ClassPlan simple(Class<?> type, NodeKind kind) {
        return new ClassPlan(type, kind, null, false, false, null, null, null, null, null);
    }

    static ClassPlan container(Class<?> type, NodeKind kind, ContainerMode mode, boolean contentPlaced,
            boolean weakKeys, String unwalkedFields) {
        return new ClassPlan(type, kind, mode, contentPlaced, weakKeys, null, null, null, null,
                unwalkedFields);
    }

    static ClassPlan bean(Class<?> type, FieldSlot[] fields) {
        return new ClassPlan(type, NodeKind.BEAN, null, false, false, fields, null, null, null, null);
    }

    static ClassPlan record(Class<?> type, FieldSlot[] components, MethodHandle constructor) {
        return new ClassPlan(type, NodeKind.RECORD, null, false, false, null, components, constructor,
                null, null);
    }

    static ClassPlan unreadable(Class<?> type, NodeKind kind, String why) {
        return new ClassPlan(type, kind, null, false, false, null, null, null, why, null);
    }

    /**
     * Reports, once per class, that the lenient policy leaves the own fields of a container class
     * unread: a silent skip would hide it.
     */
    void reportUnwalkedFieldsOnce() {
        if (reportedUnwalkedFields) {
            return;
        }
        reportedUnwalkedFields = true;
        System.getLogger("dev.htmlescape").log(System.Logger.Level.WARNING,
                "{0} is walked as a container, through its elements; its own fields {1} are not"
                        + " escaped (Escaper.builder().strict(true) makes this an error)",
                type.getName(), unwalkedFields);
    }
}
