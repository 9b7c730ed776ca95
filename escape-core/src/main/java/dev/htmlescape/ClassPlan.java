package dev.htmlescape;

import java.lang.invoke.MethodHandle;

/**
 * What the walker needs to know about one runtime class, computed once by {@link ClassPlans}: its
 * kind and, for beans and records, the resolved accessors of the slots worth looking at.
 */
final class ClassPlan {

    final Class<?> type;
    final NodeKind kind;
    /** For containers: changed in place ({@code true}) or rebuilt ({@code false}). */
    final boolean mutable;
    /** For beans: the instance fields that may hold a String, a container or another object. */
    final FieldSlot[] fields;
    /** For records: every component, in declaration order. */
    final FieldSlot[] components;
    /** For records: the canonical constructor, taking an {@code Object[]} of all components. */
    final MethodHandle canonicalConstructor;
    /** Why instances cannot be read (a module that is not open), or {@code null}. */
    final String unreadable;

    private ClassPlan(Class<?> type, NodeKind kind, boolean mutable, FieldSlot[] fields,
            FieldSlot[] components, MethodHandle canonicalConstructor, String unreadable) {
        this.type = type;
        this.kind = kind;
        this.mutable = mutable;
        this.fields = fields;
        this.components = components;
        this.canonicalConstructor = canonicalConstructor;
        this.unreadable = unreadable;
    }

    static ClassPlan simple(Class<?> type, NodeKind kind, boolean mutable) {
        return new ClassPlan(type, kind, mutable, null, null, null, null);
    }

    static ClassPlan bean(Class<?> type, FieldSlot[] fields) {
        return new ClassPlan(type, NodeKind.BEAN, true, fields, null, null, null);
    }

    static ClassPlan record(Class<?> type, FieldSlot[] components, MethodHandle constructor) {
        return new ClassPlan(type, NodeKind.RECORD, false, null, components, constructor, null);
    }

    static ClassPlan unreadable(Class<?> type, NodeKind kind, String why) {
        return new ClassPlan(type, kind, false, null, null, null, why);
    }
}
