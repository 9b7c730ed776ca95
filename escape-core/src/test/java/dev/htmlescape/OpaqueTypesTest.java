package dev.htmlescape;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.net.URL;
import java.net.URLClassLoader;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
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

    static Stream<Arguments> opaqueValues() {
        Dto captured = new Dto();
        Supplier<Dto> lambda = () -> captured;
        Dto behindProxy = new Dto();
        InvocationHandler handler = new DtoHandler(behindProxy);
        Greeter proxy = (Greeter) Proxy.newProxyInstance(Greeter.class.getClassLoader(),
                new Class<?>[] {Greeter.class}, handler);
        List<String> behindListProxy = new java.util.ArrayList<>(List.of("<p>"));
        @SuppressWarnings("unchecked")
        List<String> listProxy = (List<String>) Proxy.newProxyInstance(List.class.getClassLoader(),
                new Class<?>[] {List.class}, (p, method, args) -> method.invoke(behindListProxy, args));
        Thread thread = new Thread(() -> { }, "<thread>");
        StringBuilder builder = new StringBuilder("<sb>");
        URLClassLoader loader = new URLClassLoader("<loader>", new URL[0], null);
        Secret secret = new Secret();
        return Stream.of(
                Arguments.of("Thread", thread, (Check) v -> assertEquals("<thread>", ((Thread) v).getName())),
                Arguments.of("Class", Dto.class, NO_TEXT_INSIDE),
                Arguments.of("system ClassLoader", ClassLoader.getSystemClassLoader(), NO_TEXT_INSIDE),
                Arguments.of("URLClassLoader", loader,
                        (Check) v -> assertEquals("<loader>", ((ClassLoader) v).getName())),
                Arguments.of("lambda", lambda, (Check) v -> assertEquals("<b>", captured.name)),
                Arguments.of("Proxy", proxy, (Check) v -> assertEquals("<b>", behindProxy.name)),
                Arguments.of("Proxy implementing List", listProxy,
                        (Check) v -> assertEquals(List.of("<p>"), behindListProxy)),
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
            return dto.name;
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
