package dev.htmlescape.testing.jackson;

import static dev.htmlescape.testing.jackson.JsonBinding.json;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.htmlescape.Escaper;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.junit.jupiter.api.function.Executable;

/**
 * One row of a shared table: a JSON document (single-quoted), the type it is read as with the
 * module, and what must come out: values found by probes, or a refused read whose message and
 * path are given. {@link #check(JsonBinding)} runs the row against one Jackson line.
 *
 * @param <T> the type read
 */
public final class ReadCase<T> {

    private final String name;
    private final String json;
    private final Type type;
    private final List<Expected<T>> expected = new ArrayList<>();
    private Escaper escaper;
    private boolean viaReadTree;
    private String failureMessage;
    private String failurePath;

    private ReadCase(String name, String json, Type type) {
        this.name = name;
        this.json = json;
        this.type = type;
    }

    /** A row reading {@code json} as {@code type}. */
    public static <T> ReadCase<T> read(String name, String json, Class<T> type) {
        return new ReadCase<>(name, json, type);
    }

    /** A row reading {@code json} as a generic type, which may name {@link JsonTree}. */
    public static <T> ReadCase<T> read(String name, String json, TypeOf<T> type) {
        return new ReadCase<>(name, json, type.type());
    }

    /** A row reading {@code json} as a {@code JsonNode} ({@link JsonTree}), looked at as an {@code Object}. */
    public static ReadCase<Object> readAsTree(String name, String json) {
        return new ReadCase<>(name, json, JsonTree.class);
    }

    /** A row reading {@code json} with the module's mapper's {@code readTree}. */
    public static ReadCase<Object> readTree(String name, String json) {
        ReadCase<Object> row = new ReadCase<>(name, json, JsonTree.class);
        row.viaReadTree = true;
        return row;
    }

    /** Reads with a module made from {@code configured} instead of the default one. */
    public ReadCase<T> with(Escaper configured) {
        this.escaper = configured;
        return this;
    }

    /** What {@code probe} finds in the value read must equal {@code value}. */
    public ReadCase<T> expect(String what, Function<T, Object> probe, Object value) {
        expected.add(new Expected<>(what, probe, value));
        return this;
    }

    /**
     * The read must be refused with the line's {@code DatabindException}, whose message contains
     * {@code message} and whose path starts at {@code firstProperty} ({@code null}: not checked).
     */
    public ReadCase<T> fails(String message, String firstProperty) {
        this.failureMessage = message;
        this.failurePath = firstProperty;
        return this;
    }

    /** Runs the row against {@code binding}. */
    public void check(JsonBinding binding) throws Exception {
        String document = json(json);
        Type resolved = TypeOf.resolve(type, binding.treeType());
        if (failureMessage != null) {
            Exception e = assertThrows(binding.readFailure(), () -> read(binding, document, resolved), document);
            assertTrue(e.getMessage().contains(failureMessage), e.getMessage());
            if (failurePath != null) {
                assertEquals(failurePath, binding.firstPropertyOnPath(e), "the path of " + e.getMessage());
            }
            return;
        }
        assertTrue(!expected.isEmpty(), "a row expects something");
        @SuppressWarnings("unchecked")
        T value = (T) read(binding, document, resolved);
        assertNotNull(value, document);
        List<Executable> checks = new ArrayList<>();
        for (Expected<T> e : expected) {
            checks.add(() -> assertEquals(e.value(), e.probe().apply(value), e.what()));
        }
        assertAll(name, checks);
    }

    private Object read(JsonBinding binding, String document, Type resolved) throws Exception {
        if (viaReadTree) {
            return binding.readTreeWithModule(document);
        }
        return escaper == null ? binding.readWithModule(document, resolved)
                : binding.readWithModule(document, resolved, escaper);
    }

    @Override
    public String toString() {
        return name;
    }

    private record Expected<T>(String what, Function<T, Object> probe, Object value) {
        Expected {
            Objects.requireNonNull(what);
        }
    }
}
