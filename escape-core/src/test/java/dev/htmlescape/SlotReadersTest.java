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

    private static ClassPlans plans(boolean compile) {
        return new ClassPlans(new Policy(EscapeContext.HTML, true, false, 10, 10, List.of(), compile));
    }

    private static boolean isCompiled(SlotReader reader) {
        return reader.getClass().isHidden()
                && reader.getClass().getName().startsWith("dev.htmlescape.CompiledSlotReader");
    }

    @Test
    void beansAndRecordsGetACompiledReader() {
        assertTrue(isCompiled(plans(true).get(Bean.class).reader));
        assertTrue(isCompiled(plans(true).get(Pair.class).reader));
    }

    @Test
    void readersAreInterpretedWhenCompilingIsTurnedOff() {
        assertFalse(isCompiled(plans(false).get(Bean.class).reader));
        assertFalse(isCompiled(plans(false).get(Pair.class).reader));
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
     * A class whose reader would need a method longer than the JVM's 64 KB limit: the hidden class
     * cannot be defined, so its fields are read one by one, and that is reported (once per JVM).
     */
    @Test
    void aClassTooWideToCompileIsReadFieldByFieldAndSaidSo() throws Exception {
        Class<?> widest = compileWideClass(3_000);
        Object bean = widest.getConstructor().newInstance();
        widest.getField("text2999").set(bean, "<last>");
        widest.getField("list0").set(bean, new ArrayList<>(List.of("<first>")));

        Escaper.escape(bean);

        assertFalse(isCompiled(plans(true).get(widest).reader));
        assertTrue(SlotReaders.reportedFallback(), "the fallback was reported");
        assertEquals("&lt;last&gt;", widest.getField("text2999").get(bean));
        assertEquals(List.of("&lt;first&gt;"), widest.getField("list0").get(bean));
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
