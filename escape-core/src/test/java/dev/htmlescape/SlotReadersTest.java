package dev.htmlescape;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SlotReadersTest {

    static class Bean {
        String name;
        List<String> tags;
    }

    record Pair(String left, Object right) {
    }

    @TempDir
    static Path workDir;

    /** The reader of a bean's or record's plan. */
    static SlotReader readerOf(ClassPlan plan) {
        return plan instanceof ClassPlan.Bean bean ? bean.reader : ((ClassPlan.Record) plan).reader;
    }

    private static ClassPlans plans(boolean compile) {
        return new ClassPlans(new Policy(EscapeContext.HTML, true, false, 10, 10, List.of(), compile, true, List.of(), SecretNames.DEFAULT));
    }

    private static boolean isCompiled(SlotReader reader) {
        return reader.getClass().isHidden()
                && reader.getClass().getName().startsWith("dev.htmlescape.CompiledSlotReader");
    }

    @Test
    void beansAndRecordsGetACompiledReader() {
        assertTrue(isCompiled(readerOf(plans(true).get(Bean.class))));
        assertTrue(isCompiled(readerOf(plans(true).get(Pair.class))));
    }

    @Test
    void readersAreInterpretedWhenCompilingIsTurnedOff() {
        assertFalse(isCompiled(readerOf(plans(false).get(Bean.class))));
        assertFalse(isCompiled(readerOf(plans(false).get(Pair.class))));
    }

    /**
     * Both readers over classes whose slot numbers take each of the JVM's ways to push an int
     * (a constant of its own up to 5, a byte up to 127, a short beyond), half text, half lists.
     */
    @ParameterizedTest
    @ValueSource(ints = {0, 1, 6, 12, 140, 300})
    void bothReadersEscapeEverySlotOfWideClasses(int textFields) throws Exception {
        Class<?> wide = compileWideClass(textFields);
        for (Escaper escaper : List.of(Escaper.builder().build(),
                Escaper.builder().withoutCompiledReaders().build())) {
            Object bean = wide.getConstructor().newInstance();
            for (int i = 0; i < textFields; i++) {
                wide.getField("text" + i).set(bean, "<" + i + ">");
                wide.getField("list" + i).set(bean, new ArrayList<>(List.of("'" + i + "'")));
            }

            escaper.escapeGraph(bean);

            for (int i = 0; i < textFields; i++) {
                assertEquals("&lt;" + i + "&gt;", wide.getField("text" + i).get(bean), "text" + i);
                assertEquals(List.of("&#39;" + i + "&#39;"), wide.getField("list" + i).get(bean), "list" + i);
            }
        }
    }

    /**
     * The widest class a reader is compiled for: its {@code read} method takes 13 bytes per slot
     * plus the bytes that push the slot's number (1 up to slot 5, 2 up to 127, 3 beyond) and one
     * return, {@code 16 * slots - 133} bytes in all, and the JVM allows 65,535. So 4,104 slots
     * compile (65,531 bytes) and 4,105 do not (65,547).
     */
    static final int WIDEST_COMPILED = 4_104;

    /**
     * At the limit the reader is compiled; one slot more and the hidden class cannot be defined, so
     * the fields are read one by one, and that is reported (once per JVM). Both escape every field.
     */
    @Test
    void aClassAtTheMethodSizeLimitIsCompiledAndOneFieldWiderIsReadFieldByFieldAndSaidSo() throws Exception {
        List<Class<?>> classes = compileTextClasses(WIDEST_COMPILED, WIDEST_COMPILED + 1);
        Class<?> widest = classes.get(0);
        Class<?> tooWide = classes.get(1);

        assertTrue(isCompiled(readerOf(plans(true).get(widest))), "4,104 slots: compiled");
        assertFalse(isCompiled(readerOf(plans(true).get(tooWide))), "4,105 slots: read one by one");
        assertTrue(SlotReaders.reportedFallback(), "the fallback was reported");
        for (Class<?> type : classes) {
            int last = type == widest ? WIDEST_COMPILED - 1 : WIDEST_COMPILED;
            Object bean = type.getConstructor().newInstance();
            type.getField("text0").set(bean, "<first>");
            type.getField("text" + last).set(bean, "<last>");

            Escaper.escape(bean);

            assertEquals("&lt;first&gt;", type.getField("text0").get(bean));
            assertEquals("&lt;last&gt;", type.getField("text" + last).get(bean));
        }
    }

    /** Classes {@code TextN} with N public String fields {@code text0} and on, compiled together. */
    private static List<Class<?>> compileTextClasses(int... fieldCounts) throws IOException, ClassNotFoundException {
        Path dir = Files.createDirectories(workDir.resolve("src").resolve("wide"));
        List<String> args = new ArrayList<>(List.of("-d", workDir.resolve("classes").toString()));
        for (int fields : fieldCounts) {
            StringBuilder source = new StringBuilder("package wide;\npublic class Text" + fields + " {\n");
            for (int i = 0; i < fields; i++) {
                source.append("    public String text").append(i).append(";\n");
            }
            source.append("}\n");
            args.add(Files.writeString(dir.resolve("Text" + fields + ".java"), source).toString());
        }
        TestCompiler.javac(args.toArray(new String[0]));
        URLClassLoader loader = new URLClassLoader(new URL[] {workDir.resolve("classes").toUri().toURL()},
                SlotReadersTest.class.getClassLoader());
        List<Class<?>> classes = new ArrayList<>();
        for (int fields : fieldCounts) {
            classes.add(loader.loadClass("wide.Text" + fields));
        }
        return classes;
    }

    private static Class<?> compileWideClass(int textFields) throws IOException, ClassNotFoundException {
        String name = "Wide" + textFields;
        StringBuilder source = new StringBuilder("package wide;\npublic class " + name + " {\n");
        for (int i = 0; i < textFields; i++) {
            source.append("    public String text").append(i).append(";\n");
            source.append("    public java.util.List<String> list").append(i).append(";\n");
        }
        source.append("}\n");
        Path dir = Files.createDirectories(workDir.resolve("src").resolve("wide"));
        Path file = Files.writeString(dir.resolve(name + ".java"), source);
        Path classes = workDir.resolve("classes");
        TestCompiler.javac("-d", classes.toString(), file.toString());
        URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
                SlotReadersTest.class.getClassLoader());
        return loader.loadClass("wide." + name);
    }
}
