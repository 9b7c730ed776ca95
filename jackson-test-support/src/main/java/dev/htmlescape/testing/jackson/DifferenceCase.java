package dev.htmlescape.testing.jackson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.htmlescape.Escaper;
import java.lang.reflect.Type;
import java.util.function.Function;

/**
 * One shape where reading with the module and reading plainly, then calling {@link
 * Escaper#escape}, differ by design: the JSON, the type it is read as, what is looked at, and
 * what each way gives there: a value, {@link #READ_REFUSED} for the line's {@code
 * DatabindException}, an exception class, or {@link JsonText} for a value compared as JSON.
 *
 * @param shape what differs, and why
 * @param json the document, single-quoted
 * @param type the type read
 * @param probe what is looked at
 * @param viaModule what the module gives
 * @param viaCore what a plain read, then the core, gives
 */
public record DifferenceCase(String shape, String json, Type type, Function<Object, Object> probe, Object viaModule,
        Object viaCore) {

    /** The read is refused with the line's {@code DatabindException}. */
    public static final Object READ_REFUSED = new Object() {
        @Override
        public String toString() {
            return "DatabindException";
        }
    };

    /** A value compared as the JSON a plain mapper writes for it. */
    public record JsonText(String singleQuoted) {
    }

    /** Runs the row against {@code binding}. */
    public void check(JsonBinding binding) {
        String input = JsonBinding.json(json);
        Type resolved = TypeOf.resolve(type, binding.treeType());

        Object module = outcome(() -> probe.apply(binding.readWithModule(input, resolved)));
        Object core = outcome(() -> probe.apply(Escaper.escape(binding.readPlain(input, resolved))));

        assertNotEquals(viaModule, viaCore, "the table lists real differences");
        assertExpected(binding, viaModule, module, "read with the module");
        assertExpected(binding, viaCore, core, "read plainly, then escaped by the core");
    }

    /** What the read gives, or the exception it throws. */
    private static Object outcome(Read read) {
        try {
            return read.get();
        } catch (Exception e) {
            return e;
        }
    }

    private static void assertExpected(JsonBinding binding, Object expected, Object actual, String way) {
        if (expected == READ_REFUSED) {
            assertInstanceOf(binding.readFailure(), actual, way);
        } else if (expected instanceof Class<?> exception) {
            assertInstanceOf(exception, actual, way);
        } else if (expected instanceof JsonText text) {
            assertEquals(JsonBinding.json(text.singleQuoted()), actual instanceof Exception ? actual
                    : binding.toTree(actual).toString(), way);
        } else {
            assertEquals(expected, actual, way);
        }
    }

    @FunctionalInterface
    private interface Read {
        Object get() throws Exception;
    }

    @Override
    public String toString() {
        return shape;
    }
}
