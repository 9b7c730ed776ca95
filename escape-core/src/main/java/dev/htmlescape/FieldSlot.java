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
    /** Whether the lenient policy already reported that this final field kept unescaped text. */
    private volatile boolean reportedUnwritable;
    /** The loader of the class whose plan holds this slot. */
    private final ClassLoader plannedLoader;
    /**
     * The plan of the class last found in this slot, since a slot holds one class nearly always.
     * Written and read without a lock: a plan's fields are final, so any thread that sees the
     * reference sees the whole plan, and a plan that is replaced is only looked up again.
     */
    private ClassPlan childPlan;

    FieldSlot(Class<?> plannedClass, String name, Class<?> declaredType, boolean excluded,
            EscapeContext context, MethodHandle getter, MethodHandle setter) {
        this.plannedLoader = plannedClass.getClassLoader();
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

    /**
     * The plan of {@code child}, a value of this slot. It is kept here only for a class of the
     * JDK or of the planned class's own loader: the planned class's plan lives as long as that
     * class, and must not keep a class of another loader from being unloaded.
     */
    ClassPlan planOf(Object child, ClassPlans plans) {
        Class<?> type = child.getClass();
        ClassPlan cached = childPlan;
        if (cached != null && cached.type == type) {
            return cached;
        }
        ClassPlan plan = plans.get(type);
        ClassLoader loader = type.getClassLoader();
        if (loader == null || loader == plannedLoader) {
            childPlan = plan;
        }
        return plan;
    }

    /** Whether the slot's reader hands it over as text: declared {@code String}, not excluded. */
    boolean readsText() {
        return string && !excluded;
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
