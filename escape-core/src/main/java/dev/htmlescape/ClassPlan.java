package dev.htmlescape;

import java.lang.invoke.MethodHandle;
import java.util.Arrays;
import java.util.function.Function;

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
    /** For lists: a JDK list with constant-time {@code get(int)}, read by index. */
    final boolean indexedList;
    /** For beans: the instance fields that may hold a String, a container or another object. */
    final FieldSlot[] fields;
    /** For beans: how many of {@link #fields}, at the front, are declared {@code String}. */
    final int textFields;
    /** A bean whose every field is declared {@code String}: it has no children to enter. */
    final boolean textOnlyBean;
    /** A JDK list with constant-time access whose elements can be set one by one in place. */
    final boolean settableIndexedList;
    /** For records: every component, in declaration order. */
    final FieldSlot[] components;
    /** For beans and records: reads {@link #fields} or {@link #components} in one pass. */
    final SlotReader reader;
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
    /**
     * For a class the walker does not enter although its instances hold state (framework
     * infrastructure, a run-time proxy): why not; or {@code null}. Meeting one is an error when
     * strict and a warning once per class otherwise, never a silent skip.
     */
    final String declined;
    private volatile boolean reportedDeclined;
    /**
     * For a collection or map of another library that refuses writes: makes the copy in its own type
     * from the escaped contents in an unmodifiable JDK container; {@code null} where that container
     * is the copy.
     */
    final Function<Object, Object> copyOf;

    private ClassPlan(Class<?> type, NodeKind kind, ContainerMode containerMode, boolean contentPlaced,
            boolean weakKeys, boolean indexedList, FieldSlot[] fields, FieldSlot[] components,
            SlotReader reader, MethodHandle canonicalConstructor, String unreadable, String unwalkedFields,
            String declined, Function<Object, Object> copyOf) {
        this.type = type;
        this.kind = kind;
        this.containerMode = containerMode;
        this.contentPlaced = contentPlaced;
        this.weakKeys = weakKeys;
        this.indexedList = indexedList;
        this.fields = fields;
        this.textFields = fields == null ? 0 : (int) Arrays.stream(fields).filter(FieldSlot::readsText).count();
        this.textOnlyBean = kind == NodeKind.BEAN && fields != null && textFields == fields.length;
        this.settableIndexedList = indexedList && kind == NodeKind.LIST
                && containerMode != ContainerMode.UNMODIFIABLE_COPY;
        this.components = components;
        this.reader = reader;
        this.canonicalConstructor = canonicalConstructor;
        this.unreadable = unreadable;
        this.unwalkedFields = unwalkedFields;
        this.declined = declined;
        this.copyOf = copyOf;
    }

    static ClassPlan simple(Class<?> type, NodeKind kind) {
        return new ClassPlan(type, kind, null, false, false, false, null, null, null, null, null, null, null, null);
    }

    static ClassPlan declined(Class<?> type, String why) {
        return new ClassPlan(type, NodeKind.OPAQUE, null, false, false, false, null, null, null, null, null, null,
                why, null);
    }

    static ClassPlan container(Class<?> type, NodeKind kind, ContainerMode mode, boolean contentPlaced,
            boolean weakKeys, boolean indexedList, String unwalkedFields, Function<Object, Object> copyOf) {
        return new ClassPlan(type, kind, mode, contentPlaced, weakKeys, indexedList, null, null, null,
                null, null, unwalkedFields, null, copyOf);
    }

    static ClassPlan bean(Class<?> type, FieldSlot[] fields, SlotReader reader) {
        return new ClassPlan(type, NodeKind.BEAN, null, false, false, false, fields, null, reader,
                null, null, null, null, null);
    }

    static ClassPlan record(Class<?> type, FieldSlot[] components, SlotReader reader,
            MethodHandle constructor) {
        return new ClassPlan(type, NodeKind.RECORD, null, false, false, false, null, components, reader,
                constructor, null, null, null, null);
    }

    static ClassPlan unreadable(Class<?> type, NodeKind kind, String why) {
        return new ClassPlan(type, kind, null, false, false, false, null, null, null, null, why, null, null, null);
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

    /** What a strict walk says when it meets an instance of a {@link #declined} class. */
    String declinedProblem() {
        return type.getName() + " is not entered: it is " + declined + ", so what it holds would not be"
                + " escaped; mark the field @NoEscape if that is meant, or hold the text in a class of the"
                + " application";
    }

    /** Reports, once per class, that the lenient policy leaves an instance of a declined class unentered. */
    void reportDeclinedOnce() {
        if (reportedDeclined) {
            return;
        }
        reportedDeclined = true;
        System.getLogger("dev.htmlescape").log(System.Logger.Level.WARNING,
                "{0} is not entered: it is {1}; what it holds is not escaped (Escaper.builder().strict(true)"
                        + " makes this an error)", type.getName(), declined);
    }
}
