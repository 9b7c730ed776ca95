package dev.htmlescape;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.ref.WeakReference;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.net.URL;
import java.net.URLClassLoader;
import java.time.LocalDate;
import java.util.AbstractMap;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Contract point 8: JDK internals, enums, lambdas, proxies and @NoEscape types are never entered. */
class OpaqueTypesTest {

    /** Puts the value in an Object field next to a String that proves the walk ran. */
    static class Holder {
        Object value;
        String marker = "<m>";

        Holder(Object value) {
            this.value = value;
        }
    }

    static class Dto {
        String name = "<b>";
    }

    enum Color {
        RED("<red>"),
        BLUE("<blue>") {
            @Override
            String describe() {
                return "blue";
            }
        };

        String label;

        Color(String label) {
            this.label = label;
        }

        String describe() {
            return label;
        }
    }

    static class EnumFields {
        Color color = Color.RED;
        Object untyped = Color.BLUE;
        String marker = "<m>";
    }

    @NoEscape
    static class Secret {
        String text = "<s>";
        Dto nested = new Dto();
    }

    static class Wrapper {
        Secret secret = new Secret();
        String marker = "<m>";
    }

    interface Greeter {
        String greet();
    }

    /** What goes into the holder, and what must still be true of it afterwards. */
    interface Check {
        void verify(Object value);
    }

    /**
     * For values with no user text inside (a Class, the system loader, boxed and java.time values):
     * the tests' assertSame on the value itself is the whole check; there is no state to look at
     * that the walker could have changed.
     */
    private static final Check NO_TEXT_INSIDE = value -> { };

    /** User text a JDK object holds in its internals: entering the JDK object would escape it. */
    static final class Task implements Runnable {
        String text = "<task>";

        @Override
        public void run() {
        }
    }

    /** An application class loader, held inside JDK objects (a parent loader, a thread's context). */
    static final class LabelledLoader extends ClassLoader {
        String label = "<label>";

        LabelledLoader() {
            super(null);
        }
    }

    /** A class whose static field holds text: a Class object must never be entered. */
    static final class WithStaticText {
        static String text = "<static>";
    }

    static Stream<Arguments> opaqueValues() {
        Dto captured = new Dto();
        Supplier<Dto> lambda = () -> captured;
        Dto boundTarget = new Dto();
        Supplier<String> methodReference = boundTarget::toString;
        Dto behindProxy = new Dto();
        InvocationHandler handler = new DtoHandler(behindProxy);
        Greeter proxy = (Greeter) Proxy.newProxyInstance(Greeter.class.getClassLoader(),
                new Class<?>[] {Greeter.class}, handler);
        List<String> behindListProxy = new java.util.ArrayList<>(List.of("<p>"));
        @SuppressWarnings("unchecked")
        List<String> listProxy = (List<String>) Proxy.newProxyInstance(List.class.getClassLoader(),
                new Class<?>[] {List.class}, (p, method, args) -> method.invoke(behindListProxy, args));
        Task task = new Task();
        LabelledLoader contextLoader = new LabelledLoader();
        Thread thread = new Thread(task, "<thread>");
        thread.setContextClassLoader(contextLoader);
        StringBuilder builder = new StringBuilder("<sb>");
        LabelledLoader parentLoader = new LabelledLoader();
        URLClassLoader loader = new URLClassLoader("<loader>", new URL[0], parentLoader);
        Secret secret = new Secret();
        Dto local = new Dto();
        ThreadLocal<Dto> threadLocal = ThreadLocal.withInitial(() -> local);
        threadLocal.get();
        Dto referent = new Dto();
        WeakReference<Dto> weak = new WeakReference<>(referent);
        Dto atomicTarget = new Dto();
        AtomicReference<Dto> atomic = new AtomicReference<>(atomicTarget);
        Dto entryValue = new Dto();
        Map.Entry<String, Dto> entry = new AbstractMap.SimpleEntry<>("<k>", entryValue);
        IllegalStateException exception = new IllegalStateException("<message>");
        return Stream.of(
                Arguments.of("Thread", thread, (Check) v -> {
                    Thread t = (Thread) v;
                    assertEquals("<thread>", t.getName());
                    assertEquals(Thread.State.NEW, t.getState(), "not started");
                    assertSame(contextLoader, t.getContextClassLoader());
                    assertEquals("<task>", task.text, "the thread's target is not reached through the thread");
                    assertEquals("<label>", contextLoader.label, "nor is its context class loader");
                }),
                Arguments.of("Class", WithStaticText.class,
                        (Check) v -> assertEquals("<static>", WithStaticText.text, "statics are not entered")),
                Arguments.of("system ClassLoader", ClassLoader.getSystemClassLoader(), NO_TEXT_INSIDE),
                Arguments.of("URLClassLoader", loader, (Check) v -> {
                    assertEquals("<loader>", ((ClassLoader) v).getName());
                    assertSame(parentLoader, ((ClassLoader) v).getParent());
                    assertEquals("<label>", parentLoader.label, "the parent is not reached through the loader");
                }),
                Arguments.of("lambda", lambda, (Check) v -> assertEquals("<b>", captured.name)),
                Arguments.of("bound method reference", methodReference,
                        (Check) v -> assertEquals("<b>", boundTarget.name)),
                Arguments.of("Proxy", proxy, (Check) v -> assertEquals("<b>", behindProxy.name)),
                Arguments.of("Proxy implementing List", listProxy,
                        (Check) v -> assertEquals(List.of("<p>"), behindListProxy)),
                Arguments.of("ThreadLocal", threadLocal, (Check) v -> assertEquals("<b>", local.name)),
                Arguments.of("WeakReference", weak, (Check) v -> assertEquals("<b>", referent.name)),
                Arguments.of("AtomicReference", atomic, (Check) v -> {
                    assertSame(atomicTarget, atomic.get());
                    assertEquals("<b>", atomicTarget.name);
                }),
                Arguments.of("Map.Entry", entry, (Check) v -> {
                    assertEquals("<k>", entry.getKey());
                    assertEquals("<b>", entryValue.name);
                }),
                Arguments.of("JDK exception", exception,
                        (Check) v -> assertEquals("<message>", exception.getMessage())),
                Arguments.of("enum with String field", Color.RED,
                        (Check) v -> assertEquals("<red>", Color.RED.label)),
                Arguments.of("enum constant with body", Color.BLUE,
                        (Check) v -> assertEquals("<blue>", Color.BLUE.label)),
                Arguments.of("Integer", 42, NO_TEXT_INSIDE),
                Arguments.of("LocalDate", LocalDate.of(2024, 2, 29), NO_TEXT_INSIDE),
                Arguments.of("BigDecimal", new BigDecimal("1.50"), NO_TEXT_INSIDE),
                Arguments.of("UUID", new UUID(1, 2), NO_TEXT_INSIDE),
                Arguments.of("StringBuilder", builder, (Check) v -> assertEquals("<sb>", v.toString())),
                Arguments.of("@NoEscape type", secret, (Check) v -> {
                    assertEquals("<s>", secret.text);
                    assertEquals("<b>", secret.nested.name);
                }));
    }

    static final class DtoHandler implements InvocationHandler {
        final Dto dto;

        DtoHandler(Dto dto) {
            this.dto = dto;
        }

        @Override
        public Object invoke(Object proxy, java.lang.reflect.Method method, Object[] args) {
            // Object's methods by identity, as the proxies of frameworks answer them
            switch (method.getName()) {
                case "hashCode":
                    return System.identityHashCode(proxy);
                case "equals":
                    return proxy == args[0];
                default:
                    return dto.name;
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("opaqueValues")
    void valueInObjectFieldIsNeitherEnteredNorReplaced(String name, Object value, Check check) {
        Holder holder = new Holder(value);

        assertDoesNotThrow(() -> Escaper.escape(holder));

        assertSame(value, holder.value);
        check.verify(value);
        assertEquals("&lt;m&gt;", holder.marker, "the walk ran over the holder");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("opaqueValues")
    void valueAsRootIsReturnedUntouched(String name, Object value, Check check) {
        assertSame(value, assertDoesNotThrow(() -> Escaper.escape(value)));

        check.verify(value);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("opaqueValues")
    void valueInsideAListIsNeitherEnteredNorReplaced(String name, Object value, Check check) {
        List<Object> list = new java.util.ArrayList<>(List.of(value, "<m>"));

        assertDoesNotThrow(() -> Escaper.escape(list));

        assertSame(value, list.get(0));
        check.verify(value);
        assertEquals("&lt;m&gt;", list.get(1));
    }

    record Carrier(Object value, String marker) {
    }

    /** Holds the opaque value next to a String that needs escaping, so the holder is written. */
    static class Holders {
        Map<Object, String> keys = new HashMap<>();
        Map<String, Object> values = new HashMap<>();
        Set<Object> set = new HashSet<>();
        Object[] array;
        Optional<Object> optional;
        Object record;
    }

    /** Where the value is put, and how it is found again. */
    enum Placement {
        MAP_KEY, MAP_VALUE, SET_ELEMENT, ARRAY_SLOT, OPTIONAL, RECORD_COMPONENT;

        void put(Holders holders, Object value) {
            switch (this) {
                case MAP_KEY -> {
                    holders.keys.put(value, "<v>");
                    holders.keys.put("<m>", "<v>"); // escaped, so the map is refilled
                }
                case MAP_VALUE -> {
                    holders.values.put("<k>", value);
                    holders.values.put("<m>", "<v>");
                }
                case SET_ELEMENT -> {
                    holders.set.add(value);
                    holders.set.add("<m>"); // escaped, so the set is refilled
                }
                case ARRAY_SLOT -> holders.array = new Object[] {value, "<m>"};
                case OPTIONAL -> holders.optional = Optional.of(value);
                case RECORD_COMPONENT -> holders.record = new Carrier(value, "<m>"); // rebuilt
                default -> throw new AssertionError(this);
            }
        }

        void verify(Holders holders, Object value) {
            switch (this) {
                case MAP_KEY -> {
                    assertEquals(2, holders.keys.size());
                    assertEquals("&lt;v&gt;", holders.keys.get(value), "the refilled map finds the value as a key");
                    assertSame(value, holders.keys.keySet().stream().filter(k -> k == value).findFirst().orElseThrow());
                    assertEquals("&lt;v&gt;", holders.keys.get("&lt;m&gt;"));
                }
                case MAP_VALUE -> {
                    assertEquals(2, holders.values.size());
                    assertSame(value, holders.values.get("&lt;k&gt;"));
                }
                case SET_ELEMENT -> {
                    assertEquals(2, holders.set.size());
                    assertTrue(holders.set.contains(value), "the refilled set finds the value");
                    assertTrue(holders.set.stream().anyMatch(e -> e == value), "the very same instance");
                    assertTrue(holders.set.contains("&lt;m&gt;"));
                }
                case ARRAY_SLOT -> {
                    assertSame(value, holders.array[0]);
                    assertEquals("&lt;m&gt;", holders.array[1]);
                }
                case OPTIONAL -> assertSame(value, holders.optional.orElseThrow());
                case RECORD_COMPONENT -> {
                    Carrier copy = (Carrier) holders.record;
                    assertEquals("&lt;m&gt;", copy.marker(), "the record was rebuilt");
                    assertSame(value, copy.value(), "and its copy holds the very same value");
                }
                default -> throw new AssertionError(this);
            }
        }
    }

    static Stream<Arguments> opaqueValuesInEveryPlacement() {
        return Arrays.stream(Placement.values()).flatMap(placement -> opaqueValues().map(arguments -> {
            Object[] row = arguments.get();
            return Arguments.of(row[0], placement, row[1], row[2]);
        }));
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("opaqueValuesInEveryPlacement")
    void valueInAnyOtherHolderIsKeptAsTheSameInstanceAndNotEntered(String name, Placement placement,
            Object value, Check check) {
        Holders holders = new Holders();
        placement.put(holders, value);

        assertDoesNotThrow(() -> Escaper.escape(holders));

        placement.verify(holders, value);
        check.verify(value);
    }

    /** An application's subclasses of JDK classes: their own fields are walked, the JDK's are not. */
    static final class Worker extends Thread {
        String label = "<worker>";

        Worker(Runnable task) {
            super(task, "<thread>");
        }
    }

    static final class PluginLoader extends ClassLoader {
        String label = "<plugin>";

        PluginLoader(ClassLoader parent) {
            super("<loader>", parent);
        }
    }

    @Test
    void applicationSubclassesOfThreadAndClassLoaderAreWalkedThroughTheirOwnFieldsOnly() {
        Task task = new Task();
        Worker worker = new Worker(task);
        LabelledLoader parent = new LabelledLoader();
        PluginLoader plugin = new PluginLoader(parent);
        worker.setContextClassLoader(plugin);

        Escaper.escape(new Holder(List.of(worker, plugin)));

        assertEquals("&lt;worker&gt;", worker.label);
        assertEquals("&lt;plugin&gt;", plugin.label);
        assertEquals("<thread>", worker.getName(), "Thread's own fields are not written");
        assertEquals(Thread.State.NEW, worker.getState());
        assertEquals("<task>", task.text, "the target is held by Thread's fields, which are not entered");
        assertSame(plugin, worker.getContextClassLoader());
        assertEquals("<loader>", plugin.getName(), "ClassLoader's own fields are not written");
        assertSame(parent, plugin.getParent());
        assertEquals("<label>", parent.label, "the parent is held by ClassLoader's fields");
    }

    @Test
    void enumTypedFieldsAreSkippedAndTheConstantsKeepTheirText() {
        EnumFields fields = new EnumFields();

        Escaper.escape(fields);

        assertSame(Color.RED, fields.color);
        assertSame(Color.BLUE, fields.untyped);
        assertEquals("<red>", Color.RED.label);
        assertEquals("<blue>", Color.BLUE.label);
        assertEquals("&lt;m&gt;", fields.marker);
    }

    @Test
    void noEscapeTypeReachedThroughATypedFieldIsNotEntered() {
        Wrapper wrapper = new Wrapper();

        Escaper.escape(wrapper);

        assertEquals("<s>", wrapper.secret.text);
        assertEquals("<b>", wrapper.secret.nested.name);
        assertEquals("&lt;m&gt;", wrapper.marker);
    }

    @Test
    void lambdaCapturingAMutableObjectDoesNotLeakItIntoTheWalk() {
        Dto captured = new Dto();
        Runnable lambda = () -> captured.name.length();
        Holder holder = new Holder(lambda);

        Escaper.escape(holder);

        assertEquals("<b>", captured.name);
        assertSame(lambda, holder.value);
    }
}
