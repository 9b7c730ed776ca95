package dev.htmlescape;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.lang.ref.WeakReference;
import java.lang.reflect.Constructor;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An application server or a hot-reloading framework drops a class loader and expects its classes
 * to go with it. Escapers live as long as the application (the default one for the JVM): the plans
 * they cache per class, the readers they compile per class (hidden classes holding method handles
 * to the class's fields), and the walker each thread keeps must not keep a dropped loader alive.
 *
 * <p>The classes are compiled at test time and loaded by a class loader of their own; instances are
 * escaped through long-lived escapers, on this thread and on a pool thread that outlives the loader;
 * then every reference of the test is dropped and the loader must be collected.
 */
class ClassUnloadingTest {

    /** Long-lived, like an application's: they outlive the loader whose classes they walk. */
    private static final Escaper COMPILED = Escaper.builder().build();
    private static final Escaper INTERPRETED = Escaper.builder().withoutCompiledReaders().build();
    private static final Escaper STRICT = Escaper.builder().strict(true).build();

    /** A thread that keeps its walker for the next call, as a server's request threads do. */
    private static final ExecutorService POOL = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "long-lived escaping thread");
        thread.setDaemon(true);
        return thread;
    });

    private static final int MAX_COLLECTIONS = 50;

    @TempDir
    static Path workDir;

    private static Path classes;

    @BeforeAll
    static void compileThrowawayClasses() throws IOException {
        Path sources = Files.createDirectories(workDir.resolve("src/unload"));
        classes = workDir.resolve("classes");
        List<String> args = new ArrayList<>(List.of("-d", classes.toString()));
        args.add(write(sources, "Bean", """
                package unload;
                public class Bean {
                    public String text;
                    public java.util.List<String> items = new java.util.ArrayList<>();
                    public Object child;
                    public final String fixed = new String("<fixed>");
                    public Kind kind = Kind.ONE;
                }
                """));
        args.add(write(sources, "Plain", """
                package unload;
                public class Plain {
                    public String text;
                }
                """));
        args.add(write(sources, "Kind", """
                package unload;
                public enum Kind { ONE }
                """));
        args.add(write(sources, "Rec", """
                package unload;
                public record Rec(String label, java.util.List<String> tags, Object next) {
                }
                """));
        args.add(write(sources, "Bag", """
                package unload;
                public class Bag extends java.util.ArrayList<Object> {
                    public String own = "<own>";
                }
                """));
        args.add(write(sources, "Node", """
                package unload;
                public class Node {
                    public String name;
                    public Node next;
                    public java.util.Set<Object> set = new java.util.HashSet<>();
                    @Override public int hashCode() { return name.hashCode(); }
                    @Override public boolean equals(Object o) { return o instanceof Node n && n.name.equals(name); }
                }
                """));
        TestCompiler.javac(args.toArray(new String[0]));
    }

    private static String write(Path dir, String className, String source) throws IOException {
        return Files.writeString(dir.resolve(className + ".java"), source).toString();
    }

    @AfterAll
    static void stopPool() {
        POOL.shutdownNow();
    }

    @Test
    void aDroppedClassLoaderIsCollectedAfterItsClassesWereEscapedThroughLongLivedEscapers() throws Exception {
        List<WeakReference<Object>> dropped = escapeThroughAThrowawayLoader();

        for (int i = 0; i < MAX_COLLECTIONS && dropped.stream().anyMatch(ref -> ref.get() != null); i++) {
            System.gc();
            Thread.sleep(20);
        }

        String[] names = {"the class loader", "the compiled reader of unload.Bean", "the compiled reader of unload.Rec"};
        for (int i = 0; i < dropped.size(); i++) {
            if (dropped.get(i).get() != null) {
                fail(names[i] + " is still reachable after " + MAX_COLLECTIONS + " garbage collections, though"
                        + " the test dropped every reference to it: something in the core (a plan, a compiled"
                        + " reader, a thread's walker) keeps the loader's classes alive. " + heapDumpHint());
            }
        }
    }

    /**
     * Loads, escapes and checks; returns weak references to the loader and to the hidden classes of
     * the compiled readers, and nothing else: every strong reference ends with this method.
     */
    private static List<WeakReference<Object>> escapeThroughAThrowawayLoader() throws Exception {
        URLClassLoader loader = new URLClassLoader("throwaway", new URL[] {classes.toUri().toURL()},
                ClassUnloadingTest.class.getClassLoader());
        Class<?> beanClass = loader.loadClass("unload.Bean");
        Class<?> recClass = loader.loadClass("unload.Rec");
        assertTrue(beanClass.getClassLoader() == loader, "the class comes from the throwaway loader");

        // the default escaper, on this thread
        Object bean = bean(loader, "<b>");
        Escaper.escape(bean);
        assertEquals("&lt;b&gt;", field(bean, "text"));
        assertEquals(List.of("&lt;i&gt;"), field(bean, "items"));
        Object rec = field(bean, "child");
        assertEquals("&lt;r&gt;", recClass.getMethod("label").invoke(rec), "the record was rebuilt");
        assertEquals("<fixed>", field(bean, "fixed"), "a final field is left, with a warning");

        // a long-lived escaper with compiled readers, on a thread that stays alive
        Object pooled = bean(loader, "<p>");
        POOL.submit(() -> COMPILED.escapeGraph(pooled)).get(1, TimeUnit.MINUTES);
        assertEquals("&lt;p&gt;", field(pooled, "text"));
        assertTrue(SlotReadersTest.readerOf(COMPILED.planFor(beanClass)).getClass().isHidden(), "the compiled reader is used");
        assertTrue(SlotReadersTest.readerOf(COMPILED.planFor(recClass)).getClass().isHidden());

        // a graph the first walk reads whole, in a list, on the thread that stays alive
        Object plain = loader.loadClass("unload.Plain").getConstructor().newInstance();
        set(plain, "text", "<q>");
        POOL.submit(() -> COMPILED.escapeGraph(new ArrayList<>(List.of(plain)))).get(1, TimeUnit.MINUTES);
        assertEquals("&lt;q&gt;", field(plain, "text"));

        // a long-lived class holding one of the loader's: the plan it keeps per field must not keep it
        LongLived holder = new LongLived();
        holder.child = bean(loader, "<h>");
        COMPILED.escapeGraph(holder);
        assertEquals("&lt;h&gt;", field(holder.child, "text"));
        holder.child = null;

        // interpreted readers; a cycle through a set of objects that hash their text
        Object node = node(loader);
        INTERPRETED.escapeGraph(node);
        assertEquals("&lt;n&gt;", field(node, "name"));
        assertFalse(SlotReadersTest.readerOf(INTERPRETED.planFor(beanClass)).getClass().isHidden());

        // a failed call: its exception names the class, and must not keep it either
        EscapeException e = assertThrows(EscapeException.class, () -> STRICT.escapeGraph(bean(loader, "<s>")));
        assertTrue(e.getMessage().contains("unload.Bean"), e.getMessage());

        List<WeakReference<Object>> references = List.of(new WeakReference<>(loader),
                new WeakReference<>(SlotReadersTest.readerOf(COMPILED.planFor(beanClass)).getClass()),
                new WeakReference<>(SlotReadersTest.readerOf(COMPILED.planFor(recClass)).getClass()));
        loader.close();
        return references;
    }

    /** A class of the test's own loader, which lives as long as the escapers. */
    static class LongLived {
        Object child;
    }

    /** A bean of the throwaway loader holding a record, a container subclass and an enum of it. */
    private static Object bean(ClassLoader loader, String text) throws ReflectiveOperationException {
        Object bean = loader.loadClass("unload.Bean").getConstructor().newInstance();
        set(bean, "text", text);
        @SuppressWarnings("unchecked")
        List<Object> items = (List<Object>) field(bean, "items");
        items.add("<i>");
        Class<?> recClass = loader.loadClass("unload.Rec");
        Constructor<?> canonical = recClass.getConstructor(String.class, List.class, Object.class);
        @SuppressWarnings("unchecked")
        List<Object> bag = (List<Object>) loader.loadClass("unload.Bag").getConstructor().newInstance();
        bag.add("<e>");
        set(bean, "child", canonical.newInstance("<r>", List.of("<t>"), bag));
        return bean;
    }

    /** Two nodes of the throwaway loader in a cycle, each in the other's set. */
    private static Object node(ClassLoader loader) throws ReflectiveOperationException {
        Class<?> nodeClass = loader.loadClass("unload.Node");
        Object first = nodeClass.getConstructor().newInstance();
        Object second = nodeClass.getConstructor().newInstance();
        set(first, "name", "<n>");
        set(second, "name", "<m>");
        set(first, "next", second);
        set(second, "next", first);
        @SuppressWarnings("unchecked")
        Set<Object> set = (Set<Object>) field(first, "set");
        set.add(second);
        return first;
    }

    private static Object field(Object holder, String name) throws ReflectiveOperationException {
        return holder.getClass().getField(name).get(holder);
    }

    private static void set(Object holder, String name, Object value) throws ReflectiveOperationException {
        holder.getClass().getField(name).set(holder, value);
    }

    /**
     * Writes a heap dump, so the failure can be followed to the reference that keeps the loader:
     * open it and ask for the paths from the GC roots to the {@code URLClassLoader} named
     * "throwaway".
     */
    private static String heapDumpHint() {
        Path dump = Paths.get("target", "class-unloading-" + ProcessHandle.current().pid() + ".hprof").toAbsolutePath();
        try {
            // by reflection: this module does not read java.management
            Class<?> diagnostics = Class.forName("com.sun.management.HotSpotDiagnosticMXBean");
            Object bean = Class.forName("java.lang.management.ManagementFactory")
                    .getMethod("getPlatformMXBean", Class.class).invoke(null, diagnostics);
            diagnostics.getMethod("dumpHeap", String.class, boolean.class).invoke(bean, dump.toString(), true);
            return "A heap dump is in " + dump + ": look for the paths from the GC roots to the URLClassLoader"
                    + " named \"throwaway\".";
        } catch (ReflectiveOperationException | RuntimeException e) {
            return "Take a heap dump (jcmd " + ProcessHandle.current().pid() + " GC.heap_dump <file>) and look for"
                    + " the paths from the GC roots to the URLClassLoader named \"throwaway\" (" + e + ").";
        }
    }
}
