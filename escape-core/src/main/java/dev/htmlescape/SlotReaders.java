package dev.htmlescape;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Makes the {@link SlotReader} of a class. The compiled one is a hidden class of this package,
 * written by {@link ReaderClassFile}, with one straight-line method: per slot, it loads the slot's getter as a constant (from the hidden
 * class's class data) and passes what the getter returns to the sink. Constant method handles are
 * what the JIT inlines, so reading a bean costs about what reading its fields by hand does; getters
 * held in fields and called one by one cost a dispatch each.
 *
 * <p>The hidden class lives in this package, never the application's, so it needs no access of
 * its own: the getters were made by a lookup with private access to the class they read. If it
 * cannot be defined, the reader calls the same getters one by one, and the first such class is
 * reported once.
 */
final class SlotReaders {

    private static final MethodType TEXT_GETTER = MethodType.methodType(String.class, Object.class);
    private static final AtomicBoolean REPORTED_FALLBACK = new AtomicBoolean();

    private SlotReaders() {
    }

    /** The fastest reader this JVM allows for {@code slots} of {@code type}. */
    static SlotReader of(Class<?> type, FieldSlot[] slots, boolean compile) {
        if (!compile) {
            return interpreted(slots);
        }
        try {
            return compiled(slots);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            if (REPORTED_FALLBACK.compareAndSet(false, true)) {
                System.getLogger("dev.htmlescape").log(System.Logger.Level.WARNING,
                        "could not compile a reader for {0} ({1}); reading its fields one by one,"
                                + " which is correct but slower", type.getName(), e.toString());
            }
            return interpreted(slots);
        }
    }

    /** Whether a reader could not be compiled and that was reported. */
    static boolean reportedFallback() {
        return REPORTED_FALLBACK.get();
    }

    private static SlotReader interpreted(FieldSlot[] slots) {
        return new OneByOne(slots);
    }

    private static SlotReader compiled(FieldSlot[] slots) throws ReflectiveOperationException {
        List<MethodHandle> getters = new ArrayList<>(slots.length);
        for (FieldSlot slot : slots) {
            getters.add(slot.readsText() ? slot.getter.asType(TEXT_GETTER) : slot.getter);
        }
        MethodHandles.Lookup hidden = MethodHandles.lookup()
                .defineHiddenClassWithClassData(ReaderClassFile.of(slots), getters, true);
        try {
            MethodType noArguments = MethodType.methodType(void.class);
            hidden.findStatic(hidden.lookupClass(), ReaderClassFile.RESOLVE, noArguments).invokeExact();
            return (SlotReader) hidden.findConstructor(hidden.lookupClass(), noArguments).invoke();
        } catch (ReflectiveOperationException | RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    /** Calls the getters one by one: each call is a dispatch the JIT cannot see through. */
    private static final class OneByOne implements SlotReader {

        private final FieldSlot[] slots;

        OneByOne(FieldSlot[] slots) {
            this.slots = slots;
        }

        @Override
        public void read(Object node, SlotSink sink) {
            for (int i = 0; i < slots.length; i++) {
                FieldSlot slot = slots[i];
                Object value = slot.get(node);
                if (slot.readsText()) {
                    sink.readText(i, (String) value);
                } else {
                    sink.readChild(i, value);
                }
            }
        }
    }
}
