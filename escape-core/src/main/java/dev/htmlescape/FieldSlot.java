package dev.htmlescape;

import java.lang.invoke.MethodHandle;

/**
 * One field of a bean or one component of a record, with its accessors resolved once.
 *
 * <p>The handles are adapted to {@code (Object)Object} and {@code (Object,Object)void} so the walker
 * calls them with {@code invokeExact} and no per-call adaptation.
 */
final class FieldSlot {

    final String name;
    final Class<?> declaredType;
    /** Declared as {@code String}: escaped directly, never entered. */
    final boolean string;
    /** {@code @NoEscape}: read only to pass it on (record components), never escaped or entered. */
    final boolean excluded;
    /** The context from {@code @Escape} on the slot or its type, or {@code null} for the default. */
    final EscapeContext context;
    final MethodHandle getter;
    /** {@code null} for {@code final} fields and record components. */
    final MethodHandle setter;
    /**
     * The plan of the class last found in this slot: a slot holds the same class call after call,
     * and this costs less than the {@code ClassValue}. Only for classes of the JDK or of the
     * holder's own loader, so the holder's plan never keeps another loader alive.
     */
    private SlotPlan lastPlan;
    /** Whether the lenient policy already reported that this final field kept unescaped text. */
    private volatile boolean reportedUnwritable;

    FieldSlot(String name, Class<?> declaredType, boolean excluded, EscapeContext context,
            MethodHandle getter, MethodHandle setter) {
        this.name = name;
        this.declaredType = declaredType;
        this.string = declaredType == String.class;
        this.excluded = excluded;
        this.context = context;
        this.getter = getter;
        this.setter = setter;
    }

    /**
     * Reports, once per field, that a {@code final} field kept text that needed escaping: the
     * lenient policy leaves it, and a silent skip would hide it.
     */
    void reportUnwritableOnce(Class<?> holderType) {
        if (reportedUnwritable) {
            return;
        }
        reportedUnwritable = true;
        System.getLogger("dev.htmlescape").log(System.Logger.Level.WARNING,
                "final field {0}.{1} holds text that needs escaping and is left unescaped; make it"
                        + " non-final, use a record, or mark it @NoEscape"
                        + " (Escaper.builder().strict(true) makes this an error)",
                holderType.getName(), name);
    }

    /** Whether the slot's reader hands it over as text: declared {@code String}, not excluded. */
    boolean readsText() {
        return string && !excluded;
    }

    /** The plan of {@code child}'s class, found in this slot of a {@code holderType}. */
    ClassPlan planOf(Object child, Class<?> holderType, ClassPlans plans) {
        Class<?> type = child.getClass();
        SlotPlan last = lastPlan;
        if (last != null && last.type == type) {
            return last.plan;
        }
        ClassPlan plan = plans.get(type);
        ClassLoader loader = type.getClassLoader();
        if (loader == null || loader == holderType.getClassLoader()) {
            lastPlan = new SlotPlan(type, plan);
        }
        return plan;
    }

    /** A class and its plan, immutable so that threads may share it without locking. */
    private static final class SlotPlan {
        final Class<?> type;
        final ClassPlan plan;

        SlotPlan(Class<?> type, ClassPlan plan) {
            this.type = type;
            this.plan = plan;
        }
    }

    Object get(Object holder) {
        try {
            return (Object) getter.invokeExact(holder);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    void set(Object holder, Object value) {
        try {
            setter.invokeExact(holder, value);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }
}
