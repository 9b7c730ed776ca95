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
