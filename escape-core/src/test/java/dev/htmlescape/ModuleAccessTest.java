package dev.htmlescape;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.module.Configuration;
import java.lang.module.ModuleFinder;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Contract point 8, modules: a class in a named module that does not open its package to
 * dev.htmlescape cannot be read without a Lookup from that module.
 *
 * <p>Two tiny modules are compiled at test time into a temporary directory and loaded into a child
 * layer of the boot layer: {@code closed.widgets} exports its package but does not open it;
 * {@code open.widgets} opens its package to {@code dev.htmlescape}. The tests themselves run
 * patched into module {@code dev.htmlescape}.
 */
class ModuleAccessTest {

    @TempDir
    static Path workDir;

    private static ModuleLayer layer;
    private static URLClassLoader unnamedLoader;

    static class Holder {
        Object value;
        String marker = "<m>";

        Holder(Object value) {
            this.value = value;
        }
    }

    @BeforeAll
    static void compileAndLoadModules() throws IOException {
        Path sources = workDir.resolve("src");
        Path modules = workDir.resolve("mods");
        compileModule(sources, modules, "closed.widgets",
                "module closed.widgets { exports closed.widgets; }",
                "Widget", """
                        package closed.widgets;
                        public class Widget {
                            private String text = "<b>";
                            public String text() { return text; }
                            public static java.lang.invoke.MethodHandles.Lookup lookup() {
                                return java.lang.invoke.MethodHandles.lookup();
                            }
                        }
                        """,
                "Label", """
                        package closed.widgets;
                        public record Label(String text) { }
                        """);
        compileModule(sources, modules, "open.widgets",
                "module open.widgets { exports open.widgets; opens open.widgets to dev.htmlescape; }",
                "Gadget", """
                        package open.widgets;
                        public class Gadget {
                            private String text = "<b>";
                            public String text() { return text; }
                        }
                        """);
        Path classpath = workDir.resolve("classpath");
        Path plainSource = sources.resolve("plain/Gizmo.java");
        Files.createDirectories(plainSource.getParent());
        Files.writeString(plainSource, """
                package plain;
                public class Gizmo {
                    private String text = "<b>";
                    public String text() { return text; }
                }
                """);
        TestCompiler.javac("-d", classpath.toString(), plainSource.toString());
        unnamedLoader = new URLClassLoader(new URL[] {classpath.toUri().toURL()},
                ModuleAccessTest.class.getClassLoader());
        ModuleFinder finder = ModuleFinder.of(modules);
        Configuration configuration = ModuleLayer.boot().configuration()
                .resolve(finder, ModuleFinder.of(), Set.of("closed.widgets", "open.widgets"));
        layer = ModuleLayer.boot().defineModulesWithOneLoader(configuration,
                ModuleAccessTest.class.getClassLoader());
    }

    private static void compileModule(Path sources, Path modules, String module, String moduleInfo,
            String... classes) throws IOException {
        Path root = sources.resolve(module);
        Path pkg = root.resolve(module.replace('.', '/'));
        Files.createDirectories(pkg);
        List<String> args = new ArrayList<>(List.of("-d", modules.resolve(module).toString()));
        Path info = root.resolve("module-info.java");
        Files.writeString(info, moduleInfo);
        args.add(info.toString());
        for (int i = 0; i < classes.length; i += 2) {
            Path file = pkg.resolve(classes[i] + ".java");
            Files.writeString(file, classes[i + 1]);
            args.add(file.toString());
        }
        TestCompiler.javac(args.toArray(new String[0]));
    }

    @AfterAll
    static void closeLoader() throws IOException {
        unnamedLoader.close();
    }

    private static Class<?> load(String module, String className) throws ReflectiveOperationException {
        return layer.findLoader(module).loadClass(className);
    }

    private static Object newWidget() throws ReflectiveOperationException {
        return load("closed.widgets", "closed.widgets.Widget").getConstructor().newInstance();
    }

    private static String text(Object value) throws ReflectiveOperationException {
        return (String) value.getClass().getMethod("text").invoke(value);
    }

    private static MethodHandles.Lookup widgetsLookup() throws ReflectiveOperationException {
        return (MethodHandles.Lookup) load("closed.widgets", "closed.widgets.Widget")
                .getMethod("lookup").invoke(null);
    }

    @Test
    void theTestModulesAreNamedAndOnlyOneIsOpenToTheCore() throws ReflectiveOperationException {
        Module core = Escaper.class.getModule();
        Class<?> widget = load("closed.widgets", "closed.widgets.Widget");
        Class<?> gadget = load("open.widgets", "open.widgets.Gadget");

        assertEquals("dev.htmlescape", core.getName());
        assertEquals("closed.widgets", widget.getModule().getName());
        assertTrue(widget.getModule().isExported("closed.widgets", core));
        assertTrue(!widget.getModule().isOpen("closed.widgets", core));
        assertTrue(gadget.getModule().isOpen("open.widgets", core));
    }

    @Test
    void objectOfAModuleThatIsNotOpenFailsWithTheFixInTheMessage() throws ReflectiveOperationException {
        Object widget = newWidget();
        Holder holder = new Holder(widget);

        EscapeException e = assertThrows(EscapeException.class, () -> Escaper.escape(holder));

        assertEquals("holder.value", e.getPath());
        assertTrue(e.getMessage().startsWith("holder.value: "), e.getMessage());
        assertTrue(e.getMessage().contains("opens closed.widgets to dev.htmlescape"), e.getMessage());
        assertTrue(e.getMessage().contains("lookup"), e.getMessage());
        assertTrue(e.getMessage().contains("Escaper.builder().lookup("), e.getMessage());
        assertEquals("<b>", text(widget));
    }

    @Test
    void rootOfAModuleThatIsNotOpenFailsWithItsName() throws ReflectiveOperationException {
        Object widget = newWidget();

        EscapeException e = assertThrows(EscapeException.class, () -> Escaper.escape(widget));

        assertEquals("widget", e.getPath());
        assertTrue(e.getMessage().contains("opens closed.widgets to dev.htmlescape"), e.getMessage());
    }

    @Test
    void recordOfAModuleThatIsNotOpenFails() throws ReflectiveOperationException {
        Object label = load("closed.widgets", "closed.widgets.Label")
                .getConstructor(String.class).newInstance("<l>");

        EscapeException e = assertThrows(EscapeException.class, () -> Escaper.escape(new Holder(label)));

        assertEquals("holder.value", e.getPath());
        assertTrue(e.getMessage().contains("opens closed.widgets to dev.htmlescape"), e.getMessage());
    }

    @Test
    void lookupFromTheModuleLetsTheEscaperReadIt() throws ReflectiveOperationException {
        Escaper escaper = Escaper.builder().lookup(widgetsLookup()).build();
        Object widget = newWidget();
        Holder holder = new Holder(widget);

        escaper.escapeGraph(holder);

        assertSame(widget, holder.value);
        assertEquals("&lt;b&gt;", text(widget));
        assertEquals("&lt;m&gt;", holder.marker);
    }

    @Test
    void lookupFromTheModuleLetsTheEscaperRebuildItsRecords() throws ReflectiveOperationException {
        Escaper escaper = Escaper.builder().lookup(widgetsLookup()).build();
        Object label = load("closed.widgets", "closed.widgets.Label")
                .getConstructor(String.class).newInstance("<l>");
        Holder holder = new Holder(label);

        escaper.escapeGraph(holder);

        assertNotSame(label, holder.value);
        assertEquals("&lt;l&gt;", holder.value.getClass().getMethod("text").invoke(holder.value));
        assertEquals("<l>", label.getClass().getMethod("text").invoke(label));
    }

    @Test
    void moduleThatOpensItsPackageToTheCoreNeedsNoLookup() throws ReflectiveOperationException {
        Object gadget = load("open.widgets", "open.widgets.Gadget").getConstructor().newInstance();

        Escaper.escape(new Holder(gadget));

        assertEquals("&lt;b&gt;", text(gadget));
    }

    @Test
    void lookupForOneModuleDoesNotOpenAnother() throws ReflectiveOperationException {
        Escaper escaper = Escaper.builder().lookup(MethodHandles.lookup()).build();
        Object widget = newWidget();

        EscapeException e = assertThrows(EscapeException.class, () -> escaper.escapeGraph(new Holder(widget)));

        assertTrue(e.getMessage().contains("opens closed.widgets to dev.htmlescape"), e.getMessage());
        assertEquals("<b>", text(widget));
    }

    @Test
    void secondLookupForTheSameModuleIsRejected() throws ReflectiveOperationException {
        EscaperBuilder builder = Escaper.builder().lookup(widgetsLookup());

        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> builder.lookup(widgetsLookup()));

        assertTrue(e.getMessage().contains("closed.widgets"), e.getMessage());
        assertTrue(e.getMessage().contains("already set"), e.getMessage());
    }

    @Test
    void classOnTheClassPathNeedsNoLookup() throws ReflectiveOperationException {
        Object gizmo = unnamedLoader.loadClass("plain.Gizmo").getConstructor().newInstance();
        assertTrue(!gizmo.getClass().getModule().isNamed());

        Escaper.escape(new Holder(gizmo));

        assertEquals("&lt;b&gt;", text(gizmo));
    }
}
