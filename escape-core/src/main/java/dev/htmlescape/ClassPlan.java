package dev.htmlescape;

import java.lang.invoke.MethodHandle;
import java.util.Arrays;
import java.util.function.Function;

/**
 * What the walk needs to know about one runtime class, computed once by {@link ClassPlans}: its
 * {@link NodeKind}, and what that kind needs. One subclass per shape of knowledge, so each holds
 * only what it uses: {@link Bean}, {@link Record}, {@link Container}, {@link Unreadable} (a bean
 * or record of a module that does not open it), {@link Declined} (state the walk leaves alone) and
 * {@link Simple} (Strings, arrays, {@code Optional}s and values never entered).
 *
 * <p>Immutable but for the flags that a warning was logged, and so safe to share between threads.
 */
abstract sealed class ClassPlan {

    private static final System.Logger LOG = System.getLogger("dev.htmlescape");

    final Class<?> type;
    final NodeKind kind;

    private ClassPlan(Class<?> type, NodeKind kind) {
        this.type = type;
        this.kind = kind;
    }

    /** A String, an array of references, an {@code Optional}, or a value never entered. */
    static final class Simple extends ClassPlan {

        Simple(Class<?> type, NodeKind kind) {
            super(type, kind);
        }
    }

    /**
     * A plain object: the instance fields that may hold a String, a container or another object,
     * those declared {@code String} first, and a reader of them all.
     */
    static final class Bean extends ClassPlan {

        final FieldSlot[] fields;
        /** How many of {@link #fields}, at the front, are read as text. */
        final int textFields;
        /** Every field is read as text: the bean has no children to enter. */
        final boolean textOnly;
        final SlotReader reader;

        Bean(Class<?> type, FieldSlot[] fields, SlotReader reader) {
            super(type, NodeKind.BEAN);
            this.fields = fields;
            this.textFields = (int) Arrays.stream(fields).filter(FieldSlot::readsText).count();
            this.textOnly = textFields == fields.length;
            this.reader = reader;
        }
    }

    /** A record: every component in declaration order, their reader, and the canonical constructor. */
    static final class Record extends ClassPlan {

        final FieldSlot[] components;
        final SlotReader reader;
        /** Takes an {@code Object[]} of all components. */
        final MethodHandle canonicalConstructor;

        Record(Class<?> type, FieldSlot[] components, SlotReader reader, MethodHandle canonicalConstructor) {
            super(type, NodeKind.RECORD);
            this.components = components;
            this.reader = reader;
            this.canonicalConstructor = canonicalConstructor;
        }
    }

    /** A bean or record whose module does not let the library read it. */
    static final class Unreadable extends ClassPlan {

        /** Why not, and what to change. */
        final String why;

        Unreadable(Class<?> type, NodeKind kind, String why) {
            super(type, kind);
            this.why = why;
        }
    }

    /** A collection or a map. */
    static final class Container extends ClassPlan {

        /** How escaped values go back in. */
        final ContainerMode mode;
        /** Where an element sits depends on its content (sets, priority queues): changed content needs a refill. */
        final boolean contentPlaced;
        /** Keys are held weakly ({@code WeakHashMap}), so an escaped key could vanish. */
        final boolean weakKeys;
        /** A JDK list with constant-time {@code get(int)}, read by index. */
        final boolean indexedList;
        /** An {@link #indexedList} whose elements can be set one by one in place. */
        final boolean settableIndexedList;
        /**
         * For an application's own collection or map class: its fields that may hold text, which
         * the walk does not read since it walks the class through its elements; or {@code null}.
         */
        final String unwalkedFields;
        /**
         * For a collection or map of another library that refuses writes: makes the copy in its own
         * type from the escaped contents in an unmodifiable JDK container; {@code null} where that
         * container is the copy.
         */
        final Function<Object, Object> copyOf;
        private volatile boolean reportedUnwalkedFields;

        Container(Class<?> type, NodeKind kind, ContainerMode mode, boolean contentPlaced, boolean weakKeys,
                boolean indexedList, String unwalkedFields, Function<Object, Object> copyOf) {
            super(type, kind);
            this.mode = mode;
            this.contentPlaced = contentPlaced;
            this.weakKeys = weakKeys;
            this.indexedList = indexedList;
            this.settableIndexedList = indexedList && kind == NodeKind.LIST && mode != ContainerMode.UNMODIFIABLE_COPY;
            this.unwalkedFields = unwalkedFields;
            this.copyOf = copyOf;
        }

        /** Logs once per class that the lenient policy leaves the container's own fields unread. */
        void reportUnwalkedFieldsOnce() {
            if (!reportedUnwalkedFields) {
                reportedUnwalkedFields = true;
                LOG.log(System.Logger.Level.WARNING, "{0} is walked as a container, through its elements;"
                        + " its own fields {1} are not escaped (Escaper.builder().strict(true) makes this an"
                        + " error)", type.getName(), unwalkedFields);
            }
        }
    }

    /**
     * A class the walk does not enter although its instances hold state (framework infrastructure, a
     * run-time proxy). Meeting one is an error when strict and a warning once per class otherwise,
     * never a silent skip.
     */
    static final class Declined extends ClassPlan {

        /** What the class is, that it is not entered. */
        final String why;
        private volatile boolean reported;

        Declined(Class<?> type, String why) {
            super(type, NodeKind.OPAQUE);
            this.why = why;
        }

        /** Logs once per class that the lenient policy leaves an instance unentered. */
        void reportOnce() {
            if (!reported) {
                reported = true;
                LOG.log(System.Logger.Level.WARNING, "{0} is not entered: it is {1}; what it holds is not"
                        + " escaped (Escaper.builder().strict(true) makes this an error)", type.getName(), why);
            }
        }
    }
}
