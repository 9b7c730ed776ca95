package dev.htmlescape;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * For generated class shapes, compiled at test time into packages of any name, the coverage
 * report and the walk agree: every String of a filled instance lies at a path of the report, and
 * after the walk each is escaped for the reported context exactly where the report says
 * {@code ESCAPED}, and unchanged exactly where it says otherwise.
 *
 * <p>The shapes: beans with String fields plain, {@code final}, {@code @NoEscape} and
 * {@code @Escape}, lists, sets, maps, arrays and {@code Optional}s of Strings, other beans plain,
 * in lists and {@code final}, records plain and {@code final}, a field of the bean's own type
 * (left null: the report lists a recursive class once), and a type-level {@code @Escape}; with
 * map keys escaped or not. Fields declared {@code Object} are left out: the report says only that
 * they are decided at run time.
 */
class CoverageAgreesWithTheWalkProperties {

    enum FieldKind {
        STRING, FINAL_STRING, NO_ESCAPE_STRING, URI_STRING, LIST, SET, MAP, ARRAY, OPTIONAL, FINAL_OPTIONAL,
        NESTED, LIST_OF_NESTED, FINAL_NESTED, RECORD, FINAL_RECORD, SELF
    }

    enum ComponentKind {
        STRING, NO_ESCAPE_STRING, LIST, OPTIONAL
    }

    record BeanShape(String pkg, boolean attributeContext, List<FieldKind> fields) {
    }

    record RecordShape(String pkg, List<ComponentKind> components) {
    }

    record Shape(List<BeanShape> beans, List<RecordShape> records, boolean escapeMapKeys) {
    }

    private static final List<String> PACKAGES = List.of("app.shapes", "org.springframework.samples.shapes",
            "jakarta.shapes", "io.micrometer.shapes", "com.fasterxml.jackson.shapes");

    /** What the generated text looks like: every literal needs escaping in every context used. */
    private static String text(String where) {
        return "<" + where + "> & 'x'";
    }

    @Provide
    Arbitrary<Shape> shapes() {
        Arbitrary<BeanShape> bean = Combinators.combine(Arbitraries.of(PACKAGES), Arbitraries.of(false, true),
                Arbitraries.of(FieldKind.class).list().ofMinSize(1).ofMaxSize(7)).as(BeanShape::new);
        Arbitrary<RecordShape> record = Combinators.combine(Arbitraries.of(PACKAGES),
                Arbitraries.of(ComponentKind.class).list().ofMinSize(1).ofMaxSize(4)).as(RecordShape::new);
        return Combinators.combine(bean.list().ofMinSize(1).ofMaxSize(3), record.list().ofMinSize(1).ofMaxSize(2),
                Arbitraries.of(false, true)).as(Shape::new);
    }

    @Property(tries = 40)
    void theWalkEscapesExactlyWhereTheReportSaysEscaped(@ForAll("shapes") Shape shape) throws Exception {
        Path dir = Files.createTempDirectory("coverage-shapes-");
        try (URLClassLoader loader = compile(shape, dir)) {
            Class<?> rootType = loader.loadClass(beanName(shape, 0));
            Escaper escaper = Escaper.builder().escapeMapKeys(shape.escapeMapKeys()).build();
            Coverage coverage = escaper.coverageOf(rootType);

            Object typed = rootType.getConstructor().newInstance();
            Object escaped = escaper.escapeGraph(rootType.getConstructor().newInstance());

            List<String> reached = new ArrayList<>();
            for (Coverage.Entry entry : coverage.entries()) {
                List<String> before = valuesAt(typed, entry.path());
                List<String> after = valuesAt(escaped, entry.path());
                assertEquals(before.size(), after.size(), entry.toString());
                for (int i = 0; i < before.size(); i++) {
                    String expected = entry.treatment() == Coverage.Treatment.ESCAPED
                            ? entry.context().encode(before.get(i)) : before.get(i);
                    assertEquals(expected, after.get(i), entry + "\nreport:\n" + coverage);
                }
                reached.addAll(before);
            }
            assertEquals(sorted(allStrings(typed, loader)), sorted(reached),
                    "every String of the instance lies at a path of the report:\n" + coverage);
        } finally {
            deleteTree(dir);
        }
    }

    // ---- the generated sources ----

    private static String beanName(Shape shape, int index) {
        return shape.beans().get(index).pkg() + ".Bean" + index;
    }

    private static String recordName(Shape shape, int index) {
        return shape.records().get(index).pkg() + ".Record" + index;
    }

    private static URLClassLoader compile(Shape shape, Path dir) throws IOException {
        Path sources = dir.resolve("src");
        Path classes = Files.createDirectories(dir.resolve("classes"));
        String core = Path.of(Escaper.class.getProtectionDomain().getCodeSource().getLocation().getPath()).toString();
        List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "-cp", core, "-proc:none"));
        for (int i = 0; i < shape.beans().size(); i++) {
            args.add(write(sources, beanName(shape, i), beanSource(shape, i)));
        }
        for (int i = 0; i < shape.records().size(); i++) {
            args.add(write(sources, recordName(shape, i), recordSource(shape, i)));
        }
        TestCompiler.javac(args.toArray(new String[0]));
        return new URLClassLoader(new URL[] {classes.toUri().toURL()},
                CoverageAgreesWithTheWalkProperties.class.getClassLoader());
    }

    private static String write(Path sources, String className, String source) throws IOException {
        Path file = sources.resolve(className.replace('.', '/') + ".java");
        Files.createDirectories(file.getParent());
        Files.writeString(file, source);
        return file.toString();
    }

    private static String beanSource(Shape shape, int index) {
        BeanShape bean = shape.beans().get(index);
        String name = "Bean" + index;
        StringBuilder body = new StringBuilder();
        for (int f = 0; f < bean.fields().size(); f++) {
            String field = "f" + f;
            String where = index + "." + f;
            // a nested bean is of a later class, so an instance ends; with none later, a String
            String nested = index + 1 < shape.beans().size() ? beanName(shape, index + 1) : null;
            String record = recordName(shape, f % shape.records().size());
            String declaration = switch (bean.fields().get(f)) {
                case STRING -> "public String " + field + " = " + literal(where) + ";";
                case FINAL_STRING -> "public final String " + field + " = " + literal(where) + ";";
                case NO_ESCAPE_STRING -> "@dev.htmlescape.NoEscape public String " + field + " = " + literal(where) + ";";
                case URI_STRING -> "@dev.htmlescape.Escape(dev.htmlescape.EscapeContext.URI_COMPONENT) public String "
                        + field + " = " + literal(where) + ";";
                case LIST -> "public java.util.List<String> " + field + " = new java.util.ArrayList<>(java.util.List.of("
                        + literal(where + "a") + ", " + literal(where + "b") + "));";
                case SET -> "public java.util.Set<String> " + field + " = new java.util.LinkedHashSet<>(java.util.List.of("
                        + literal(where) + "));";
                case MAP -> "public java.util.Map<String, String> " + field + " = new java.util.LinkedHashMap<>("
                        + "java.util.Map.of(" + literal(where + "k") + ", " + literal(where + "v") + "));";
                case ARRAY -> "public String[] " + field + " = {" + literal(where) + "};";
                case OPTIONAL -> "public java.util.Optional<String> " + field + " = java.util.Optional.of("
                        + literal(where) + ");";
                case FINAL_OPTIONAL -> "public final java.util.Optional<String> " + field + " = java.util.Optional.of("
                        + literal(where) + ");";
                case NESTED -> nested == null ? "public String " + field + " = " + literal(where) + ";"
                        : "public " + nested + " " + field + " = new " + nested + "();";
                case LIST_OF_NESTED -> nested == null ? "public String " + field + " = " + literal(where) + ";"
                        : "public java.util.List<" + nested + "> " + field + " = new java.util.ArrayList<>("
                                + "java.util.List.of(new " + nested + "()));";
                case FINAL_NESTED -> nested == null ? "public final String " + field + " = " + literal(where) + ";"
                        : "public final " + nested + " " + field + " = new " + nested + "();";
                case RECORD -> "public " + record + " " + field + " = " + newRecord(shape, f % shape.records().size(),
                        where) + ";";
                case FINAL_RECORD -> "public final " + record + " " + field + " = "
                        + newRecord(shape, f % shape.records().size(), where) + ";";
                case SELF -> "public " + name + " " + field + ";";
            };
            body.append("    ").append(declaration).append('\n');
        }
        return "package " + bean.pkg() + ";\n"
                + (bean.attributeContext() ? "@dev.htmlescape.Escape(dev.htmlescape.EscapeContext.HTML_ATTRIBUTE)\n" : "")
                + "public class " + name + " {\n" + body + "}\n";
    }

    private static String recordSource(Shape shape, int index) {
        RecordShape record = shape.records().get(index);
        List<String> components = new ArrayList<>();
        for (int c = 0; c < record.components().size(); c++) {
            String type = switch (record.components().get(c)) {
                case STRING -> "String";
                case NO_ESCAPE_STRING -> "@dev.htmlescape.NoEscape String";
                case LIST -> "java.util.List<String>";
                case OPTIONAL -> "java.util.Optional<String>";
            };
            components.add(type + " c" + c);
        }
        return "package " + record.pkg() + ";\npublic record Record" + index + "(" + String.join(", ", components)
                + ") {\n}\n";
    }

    private static String newRecord(Shape shape, int index, String where) {
        RecordShape record = shape.records().get(index);
        List<String> arguments = new ArrayList<>();
        for (int c = 0; c < record.components().size(); c++) {
            String at = where + "r" + c;
            arguments.add(switch (record.components().get(c)) {
                case STRING, NO_ESCAPE_STRING -> literal(at);
                case LIST -> "new java.util.ArrayList<>(java.util.List.of(" + literal(at) + "))";
                case OPTIONAL -> "java.util.Optional.of(" + literal(at) + ")";
            });
        }
        return "new " + recordName(shape, index) + "(" + String.join(", ", arguments) + ")";
    }

    private static String literal(String where) {
        return "\"" + text(where).replace("\"", "\\\"") + "\"";
    }

    // ---- reading an instance by the report's paths ----

    private static final Pattern SEGMENT = Pattern.compile("\\.([A-Za-z0-9_$]+)|\\[\\]|\\{key\\}|\\{value\\}|\\?");

    /** The Strings at {@code path} in the graph of {@code root}, in iteration order. */
    static List<String> valuesAt(Object root, String path) throws ReflectiveOperationException {
        int start = path.indexOf('.') < 0 ? path.length() : path.indexOf('.');
        String rest = path.substring(start);
        List<Object> current = new ArrayList<>(List.of(root));
        Matcher matcher = SEGMENT.matcher(rest);
        int at = 0;
        while (at < rest.length()) {
            if (!matcher.find(at) || matcher.start() != at) {
                throw new AssertionError("cannot read path " + path + " at " + rest.substring(at));
            }
            List<Object> next = new ArrayList<>();
            for (Object value : current) {
                if (value == null) {
                    continue;
                }
                String segment = matcher.group();
                if (matcher.group(1) != null) {
                    Field field = value.getClass().getDeclaredField(matcher.group(1));
                    field.setAccessible(true);
                    next.add(field.get(value));
                } else if (segment.equals("[]")) {
                    next.addAll(value instanceof Object[] array ? List.of(array) : (Collection<?>) value);
                } else if (segment.equals("{key}")) {
                    next.addAll(((Map<?, ?>) value).keySet());
                } else if (segment.equals("{value}")) {
                    next.addAll(((Map<?, ?>) value).values());
                } else {
                    ((Optional<?>) value).ifPresent(next::add);
                }
            }
            current = next;
            at = matcher.end();
        }
        List<String> texts = new ArrayList<>();
        for (Object value : current) {
            if (value != null) {
                texts.add((String) value);
            }
        }
        return texts;
    }

    /** Every String in the graph of {@code root}: its generated classes' fields and the containers they hold. */
    private static List<String> allStrings(Object root, ClassLoader generated) throws IllegalAccessException {
        List<String> found = new ArrayList<>();
        Deque<Object> pending = new ArrayDeque<>(List.of(root));
        while (!pending.isEmpty()) {
            Object value = pending.pop();
            if (value instanceof String text) {
                found.add(text);
            } else if (value instanceof Collection<?> collection) {
                collection.forEach(element -> push(pending, element));
            } else if (value instanceof Map<?, ?> map) {
                map.forEach((key, element) -> {
                    push(pending, key);
                    push(pending, element);
                });
            } else if (value instanceof Object[] array) {
                Stream.of(array).forEach(element -> push(pending, element));
            } else if (value instanceof Optional<?> optional) {
                optional.ifPresent(pending::push);
            } else if (value.getClass().getClassLoader() == generated) {
                for (Field field : value.getClass().getDeclaredFields()) {
                    if (!Modifier.isStatic(field.getModifiers())) {
                        field.setAccessible(true);
                        push(pending, field.get(value));
                    }
                }
            }
        }
        return found;
    }

    private static void push(Deque<Object> pending, Object value) {
        if (value != null) {
            pending.push(value);
        }
    }

    private static List<String> sorted(List<String> texts) {
        return texts.stream().sorted().toList();
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
