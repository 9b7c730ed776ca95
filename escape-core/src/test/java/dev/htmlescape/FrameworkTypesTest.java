package dev.htmlescape;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.hibernate.collection.spi.PersistentBag;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Contract point 8, frameworks: what a class is decides whether it is entered, never its package.
 * Classes of the application are escaped wherever they live, framework-named packages included;
 * framework infrastructure (recognised by the exact type it extends or implements) and run-time
 * proxies are not entered, and meeting one that holds state is an error when strict and a warning
 * otherwise.
 *
 * <p>The same three classes (a bean, a {@code LinkedHashMap} subclass, an {@code ArrayList}
 * subclass) are compiled at test time into each package below and loaded through a child class
 * loader, so that only the package tells them apart; {@code app.widgets} is the application
 * package every other row is measured against. Beside them, stand-ins for a Spring application
 * context and an uploaded file, declared with the real names of the types that mark them, are
 * compiled into the same loader; Hibernate's lazy collection is Hibernate's own.
 */
class FrameworkTypesTest {

    private static final String APPLICATION_PACKAGE = "app.widgets";

    /** Packages named like frameworks, where applications keep their own classes all the same. */
    private static final List<String> FRAMEWORK_NAMED_PACKAGES = List.of(
            "org.springframework.samples.petclinic.owner", "org.springframework.util",
            "com.fasterxml.jackson.databind.node", "tools.jackson.databind", "jakarta.demo",
            "jakarta.servlet.http", "io.micrometer.demo", "reactor.core", "kotlin.demo",
            "org.hibernate.collection.spi", "org.eclipse.persistence.indirection", "org.apache.openjpa.util");

    @TempDir
    static Path workDir;

    private static URLClassLoader loader;

    /** Puts the value in an Object field next to a String that proves the walk ran. */
    static class Holder {
        Object value;
        String marker = "<m>";

        Holder(Object value) {
            this.value = value;
        }
    }

    static class Dto$$EnhancerBySpringCGLIB {
        String name = "<b>";
    }

    static class Dto$$Proxy {
        String name = "<b>";
    }

    static class Dto$HibernateProxy$x7Kq {
        String name = "<b>";
    }

    static class Dto$ByteBuddy$x7Kq {
        String name = "<b>";
    }

    /** One dollar sign is an ordinary nested class name, not a proxy: the control row. */
    static class Dto$Inner {
        String name = "<b>";
    }

    @BeforeAll
    static void compileTheSameClassesIntoEachPackage() throws IOException {
        Path sources = workDir.resolve("src");
        Path classes = workDir.resolve("classes");
        String hibernate = Path.of(PersistentBag.class.getProtectionDomain().getCodeSource().getLocation().getPath())
                .toString();
        List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "-cp", hibernate));
        List<String> packages = new ArrayList<>();
        packages.add(APPLICATION_PACKAGE);
        packages.addAll(FRAMEWORK_NAMED_PACKAGES);
        for (String pkg : packages) {
            Path dir = sources.resolve(pkg.replace('.', '/'));
            Files.createDirectories(dir);
            args.add(write(dir, "Bean", """
                    package %s;
                    public class Bean {
                        public String text = "<b>";
                        public java.util.List<String> items = new java.util.ArrayList<>(java.util.List.of("<i>"));
                    }
                    """.formatted(pkg)));
            args.add(write(dir, "FakeMultiValueMap", """
                    package %s;
                    public class FakeMultiValueMap
                            extends java.util.LinkedHashMap<String, java.util.List<String>> {
                    }
                    """.formatted(pkg)));
            args.add(write(dir, "FakePersistentBag", """
                    package %s;
                    public class FakePersistentBag extends java.util.ArrayList<String> {
                    }
                    """.formatted(pkg)));
        }
        args.addAll(writeInfrastructure(sources));
        TestCompiler.javac(args.toArray(new String[0]));
        loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, FrameworkTypesTest.class.getClassLoader());
    }

    /**
     * Marker types of Spring under their real names, and a class of each that holds text, as
     * Spring's contexts hold an id and its uploaded files a name (Hibernate's lazy collections are
     * the real ones, from Hibernate itself); and a class of the application that holds them all.
     */
    private static List<String> writeInfrastructure(Path sources) throws IOException {
        Path context = Files.createDirectories(sources.resolve("org/springframework/context"));
        Path support = Files.createDirectories(sources.resolve("org/springframework/context/support"));
        Path app = Files.createDirectories(sources.resolve("app/widgets"));
        Path io = Files.createDirectories(sources.resolve("org/springframework/core/io"));
        Path multipart = Files.createDirectories(sources.resolve("org/springframework/web/multipart/support"));
        return List.of(
                write(io, "InputStreamSource", """
                        package org.springframework.core.io;
                        public interface InputStreamSource {
                        }
                        """),
                write(multipart, "StandardMultipartFile", """
                        package org.springframework.web.multipart.support;
                        public class StandardMultipartFile implements org.springframework.core.io.InputStreamSource {
                            public String filename = "<f>.txt";
                        }
                        """),
                write(context, "ApplicationContext", """
                        package org.springframework.context;
                        public interface ApplicationContext {
                        }
                        """),
                write(support, "GenericApplicationContext", """
                        package org.springframework.context.support;
                        public class GenericApplicationContext implements org.springframework.context.ApplicationContext {
                            public String id = "<ctx>";
                        }
                        """),
                write(app, "WithFrameworkObjects", """
                        package app.widgets;
                        public class WithFrameworkObjects {
                            public String note;
                            public org.springframework.context.ApplicationContext context;
                            public ClassLoader loader;
                            public Thread worker;
                            public org.hibernate.collection.spi.PersistentBag<String> bag;
                            public org.springframework.core.io.InputStreamSource upload;
                        }
                        """));
    }

    private static String write(Path dir, String className, String source) throws IOException {
        Path file = dir.resolve(className + ".java");
        Files.writeString(file, source);
        return file.toString();
    }

    @AfterAll
    static void closeLoader() throws IOException {
        loader.close();
    }

    private static Object newInstance(String pkg, String className) throws ReflectiveOperationException {
        return loader.loadClass(pkg + "." + className).getConstructor().newInstance();
    }

    private static Object field(Object bean, String name) {
        try {
            return bean.getClass().getField(name).get(bean);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, List<String>> newMultiValueMap(String pkg) throws ReflectiveOperationException {
        Map<String, List<String>> map = (Map<String, List<String>>) newInstance(pkg, "FakeMultiValueMap");
        map.put("<k>", new ArrayList<>(List.of("<v>", "ok")));
        return map;
    }

    @SuppressWarnings("unchecked")
    private static List<String> newBag(String pkg) throws ReflectiveOperationException {
        List<String> bag = (List<String>) newInstance(pkg, "FakePersistentBag");
        bag.add("<e>");
        return bag;
    }

    // ---- run-time proxies: a "$$" (CGLIB, ByteBuddy), "$HibernateProxy$" or "$ByteBuddy$" name ----

    static Stream<Arguments> namedLikeAProxy() {
        return Stream.of(
                Arguments.of("Dto$$EnhancerBySpringCGLIB", new Dto$$EnhancerBySpringCGLIB(),
                        (StringField) d -> ((Dto$$EnhancerBySpringCGLIB) d).name),
                Arguments.of("Dto$$Proxy", new Dto$$Proxy(), (StringField) d -> ((Dto$$Proxy) d).name),
                Arguments.of("Dto$HibernateProxy$x7Kq", new Dto$HibernateProxy$x7Kq(),
                        (StringField) d -> ((Dto$HibernateProxy$x7Kq) d).name),
                Arguments.of("Dto$ByteBuddy$x7Kq", new Dto$ByteBuddy$x7Kq(),
                        (StringField) d -> ((Dto$ByteBuddy$x7Kq) d).name));
    }

    /** Reads the String field of a fixture whose type the table knows. */
    interface StringField {
        String read(Object value);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("namedLikeAProxy")
    void beanWhoseClassNameMarksARuntimeProxyIsNotEntered(String className, Object proxyLike, StringField name) {
        Holder holder = new Holder(proxyLike);

        Escaper.escape(holder);

        assertSame(proxyLike, holder.value);
        assertEquals("<b>", name.read(proxyLike));
        assertEquals("&lt;m&gt;", holder.marker, "the walk ran over the holder");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("namedLikeAProxy")
    void beanWhoseClassNameMarksARuntimeProxyIsNotEnteredAsTheRoot(String className, Object proxyLike,
            StringField name) {
        assertSame(proxyLike, Escaper.escape(proxyLike));

        assertEquals("<b>", name.read(proxyLike));
    }

    @Test
    void nestedClassWithASingleDollarInItsNameIsAnOrdinaryBean() {
        Dto$Inner inner = new Dto$Inner();

        Escaper.escape(new Holder(inner));

        assertEquals("&lt;b&gt;", inner.name);
    }

    // ---- a lazy proxy as Hibernate makes one: a subclass of the entity generated at run time ----

    /** An entity, as the application writes it. */
    static class Customer {
        String name;
        List<String> notes;

        String getName() {
            return name;
        }

        List<String> getNotes() {
            return notes;
        }
    }

    /** What a proxy holds instead of the entity's state: the target, loaded on first use. */
    static final class LazyInitializer {
        Customer target;
        int loads;

        Customer load() {
            loads++;
            if (target == null) {
                target = new Customer();
                target.name = "<loaded>";
                target.notes = new ArrayList<>(List.of("<note>"));
            }
            return target;
        }
    }

    /**
     * The subclass Hibernate generates with ByteBuddy, named as it names them: the entity's fields it
     * inherits stay empty (Hibernate makes proxies without running constructors), and each getter
     * loads the target through the interceptor. Reading its fields would find nothing; calling its
     * getters would hit the database.
     */
    static final class Customer$HibernateProxy$Wq3bTz extends Customer {
        final LazyInitializer $$_hibernate_interceptor;

        Customer$HibernateProxy$Wq3bTz(LazyInitializer initializer) {
            this.$$_hibernate_interceptor = initializer;
        }

        @Override
        String getName() {
            return $$_hibernate_interceptor.load().getName();
        }

        @Override
        List<String> getNotes() {
            return $$_hibernate_interceptor.load().getNotes();
        }
    }

    static class Order {
        String note = "<order>";
        Customer customer;
        List<Customer> customers = new ArrayList<>();
        Object untyped;
    }

    @ParameterizedTest(name = "initialized: {0}")
    @ValueSource(booleans = {false, true})
    void lazyProxyIsNeitherEnteredNorLoadedWhereverItIsHeld(boolean initialized) {
        LazyInitializer initializer = new LazyInitializer();
        if (initialized) {
            initializer.load();
        }
        Customer target = initializer.target;
        int loads = initializer.loads;
        Customer proxy = new Customer$HibernateProxy$Wq3bTz(initializer);
        Customer loaded = new Customer();
        loaded.name = "<real>";
        Order order = new Order();
        order.customer = proxy;
        order.customers.add(proxy);
        order.customers.add(loaded);
        order.untyped = proxy;

        Escaper.escape(order);

        assertEquals(loads, initializer.loads, "the proxy was not loaded");
        assertSame(target, initializer.target);
        assertSame(proxy, order.customer);
        assertSame(proxy, order.customers.get(0));
        assertSame(proxy, order.untyped);
        assertNull(proxy.name, "its empty fields stay empty");
        assertNull(proxy.notes);
        if (initialized) {
            assertEquals("<loaded>", target.name, "the loaded target is not reached through the proxy");
            assertEquals(List.of("<note>"), target.notes);
        }
        assertEquals("&lt;order&gt;", order.note, "the walk ran over the entity holding the proxy");
        assertEquals("&lt;real&gt;", loaded.name, "and over the real entity next to it");
    }

    @Test
    void lazyProxyAsTheRootIsReturnedUnloaded() {
        LazyInitializer initializer = new LazyInitializer();
        Customer proxy = new Customer$HibernateProxy$Wq3bTz(initializer);

        assertSame(proxy, Escaper.escape(proxy));

        assertEquals(0, initializer.loads);
    }

    // ---- packages named like frameworks: classes of the application are escaped there too ----

    static Stream<Arguments> frameworkNamedPackagesStrictAndLenient() {
        return FRAMEWORK_NAMED_PACKAGES.stream()
                .flatMap(pkg -> Stream.of(Arguments.of(pkg, false), Arguments.of(pkg, true)));
    }

    private static Escaper escaper(boolean strict) {
        return Escaper.builder().strict(strict).build();
    }

    @ParameterizedTest(name = "{0}, strict: {1}")
    @MethodSource("frameworkNamedPackagesStrictAndLenient")
    void beanInAFrameworkNamedPackageIsEscapedThroughAnObjectField(String pkg, boolean strict)
            throws ReflectiveOperationException {
        Object bean = newInstance(pkg, "Bean");
        Holder holder = new Holder(bean);

        escaper(strict).escapeGraph(holder);

        assertSame(bean, holder.value);
        assertEquals("&lt;b&gt;", field(bean, "text"));
        assertEquals(List.of("&lt;i&gt;"), field(bean, "items"));
        assertEquals("&lt;m&gt;", holder.marker);
    }

    @ParameterizedTest(name = "{0}, strict: {1}")
    @MethodSource("frameworkNamedPackagesStrictAndLenient")
    void beanInAFrameworkNamedPackageIsEscapedAsTheRootAndInsideAList(String pkg, boolean strict)
            throws ReflectiveOperationException {
        Object root = newInstance(pkg, "Bean");
        Object element = newInstance(pkg, "Bean");
        List<Object> list = new ArrayList<>(List.of(element));

        assertSame(root, escaper(strict).escapeGraph(root));
        escaper(strict).escapeGraph(list);

        assertEquals("&lt;b&gt;", field(root, "text"));
        assertEquals("&lt;b&gt;", field(element, "text"));
        assertEquals(List.of("&lt;i&gt;"), field(element, "items"));
    }

    @ParameterizedTest(name = "{0}, strict: {1}")
    @MethodSource("frameworkNamedPackagesStrictAndLenient")
    void mapInAFrameworkNamedPackageIsWalkedAsAContainer(String pkg, boolean strict)
            throws ReflectiveOperationException {
        Map<String, List<String>> form = newMultiValueMap(pkg);
        Holder holder = new Holder(form);

        escaper(strict).escapeGraph(holder);

        assertSame(form, holder.value, "a mutable map is escaped in place");
        assertEquals(Map.of("&lt;k&gt;", List.of("&lt;v&gt;", "ok")), form);
        assertEquals(List.of("&lt;v&gt;", "ok"), form.get("&lt;k&gt;"), "rehashed: lookups see the new key");
    }

    @ParameterizedTest(name = "{0}, strict: {1}")
    @MethodSource("frameworkNamedPackagesStrictAndLenient")
    void mapInAFrameworkNamedPackageAsTheRootIsEscapedInPlace(String pkg, boolean strict)
            throws ReflectiveOperationException {
        Map<String, List<String>> form = newMultiValueMap(pkg);

        assertSame(form, escaper(strict).escapeGraph(form));

        assertEquals(Map.of("&lt;k&gt;", List.of("&lt;v&gt;", "ok")), form);
    }

    @ParameterizedTest(name = "{0}, strict: {1}")
    @MethodSource("frameworkNamedPackagesStrictAndLenient")
    void listInAFrameworkNamedPackageIsWalkedAsAContainer(String pkg, boolean strict)
            throws ReflectiveOperationException {
        List<String> list = newBag(pkg);
        Holder holder = new Holder(list);

        escaper(strict).escapeGraph(holder);

        assertSame(list, holder.value);
        assertEquals(List.of("&lt;e&gt;"), list);
    }

    // ---- infrastructure, by the type it is: not entered, and never silently ----

    /** Makes one infrastructure object, and checks afterwards that it was neither entered nor read. */
    record Infrastructure(String className, String reason, Callable<Object> make, Consumer<Object> untouched) {
        @Override
        public String toString() {
            return className;
        }
    }

    static Stream<Infrastructure> infrastructure() {
        return Stream.of(
                new Infrastructure("org.springframework.context.support.GenericApplicationContext",
                        "a Spring application context",
                        () -> newInfrastructure("org.springframework.context.support.GenericApplicationContext"),
                        context -> assertEquals("<ctx>", field(context, "id"))),
                // Hibernate's own, without a session: reading it would throw LazyInitializationException
                new Infrastructure(PersistentBag.class.getName(), "a Hibernate persistent collection",
                        PersistentBag::new,
                        bag -> assertFalse(((PersistentBag<?>) bag).wasInitialized(), "the lazy bag was not read")));
    }

    private static Object newInfrastructure(String className) throws ReflectiveOperationException {
        return loader.loadClass(className).getConstructor().newInstance();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("infrastructure")
    void infrastructureIsNotEnteredAndTheLenientWalkGoesOn(Infrastructure row) throws Exception {
        Object infrastructure = row.make().call();
        Holder holder = new Holder(infrastructure);

        escaper(false).escapeGraph(holder);

        assertSame(infrastructure, holder.value);
        row.untouched().accept(infrastructure);
        assertEquals("&lt;m&gt;", holder.marker, "the walk ran over the holder");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("infrastructure")
    void infrastructureIsAnErrorNamingThePathAndTheReasonWhenStrict(Infrastructure row) throws Exception {
        Object infrastructure = row.make().call();
        Holder holder = new Holder(infrastructure);

        EscapeException e = assertThrows(EscapeException.class, () -> escaper(true).escapeGraph(holder));

        assertEquals("holder.value", e.getPath());
        assertTrue(e.getMessage().contains(row.className() + " is not entered: it is " + row.reason()), e.getMessage());
        assertTrue(e.getMessage().contains("@NoEscape"), e.getMessage());
        row.untouched().accept(infrastructure);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("infrastructure")
    void infrastructureAsTheRootIsReturnedUntouchedOrRefusedWhenStrict(Infrastructure row) throws Exception {
        Object infrastructure = row.make().call();

        assertSame(infrastructure, escaper(false).escapeGraph(infrastructure));
        EscapeException e = assertThrows(EscapeException.class, () -> escaper(true).escapeGraph(infrastructure));

        assertTrue(e.getMessage().contains(row.reason()), e.getMessage());
        row.untouched().accept(infrastructure);
    }

    @Test
    void frameworkObjectsAHolderDeclaresShowInTheCoverageReportAsNotEntered() throws ReflectiveOperationException {
        Class<?> holder = loader.loadClass("app.widgets.WithFrameworkObjects");

        Map<String, String> report = new LinkedHashMap<>();
        Escaper.coverage(holder).entries().forEach(entry -> report.put(entry.path(), entry.describe()));

        assertEquals("HTML", report.get("withFrameworkObjects.note"));
        assertEquals("not entered: org.springframework.context.ApplicationContext is a Spring application context",
                report.get("withFrameworkObjects.context"));
        assertTrue(report.get("withFrameworkObjects.loader").startsWith("not entered: java.lang.ClassLoader is a"
                + " class of the JDK"), report.toString());
        assertTrue(report.get("withFrameworkObjects.worker").startsWith("not entered: java.lang.Thread is a class"
                + " of the JDK"), report.toString());
        assertEquals("not entered: " + PersistentBag.class.getName() + " is a Hibernate persistent collection,"
                + " which would load lazily from the database", report.get("withFrameworkObjects.bag"));
        assertEquals("not entered: org.springframework.core.io.InputStreamSource is a file or resource, binary"
                + " content", report.get("withFrameworkObjects.upload"));
    }

    @Test
    void infrastructureMarkedNoEscapeOnItsFieldIsNoErrorWhenStrict() throws ReflectiveOperationException {
        Object context = newInfrastructure("org.springframework.context.support.GenericApplicationContext");
        WithContext holder = new WithContext(context);

        escaper(true).escapeGraph(holder);

        assertEquals("&lt;m&gt;", holder.marker);
        assertEquals("<ctx>", field(context, "id"));
    }

    static class WithContext {
        @NoEscape
        Object context;
        String marker = "<m>";

        WithContext(Object context) {
            this.context = context;
        }
    }

    /** An uploaded file, name and all, is left alone by design (the README says so), not reported. */
    @Test
    void binaryContentIsLeftAloneWithoutAnErrorEvenWhenStrict() throws ReflectiveOperationException {
        Object upload = newInfrastructure("org.springframework.web.multipart.support.StandardMultipartFile");
        Holder holder = new Holder(upload);

        escaper(true).escapeGraph(holder);

        assertSame(upload, holder.value);
        assertEquals("<f>.txt", field(upload, "filename"));
        assertEquals("&lt;m&gt;", holder.marker);
    }

    @Test
    void threadsAndClassLoadersOfTheJdkAreNotEnteredEvenWhenStrict() {
        Thread thread = new Thread(() -> { }, "<worker>");
        ClassLoader classLoader = new URLClassLoader("<loader>", new URL[0], null);
        Holder withThread = new Holder(thread);
        Holder withLoader = new Holder(classLoader);

        escaper(true).escapeGraph(withThread);
        escaper(true).escapeGraph(withLoader);

        assertEquals("<worker>", thread.getName());
        assertEquals("<loader>", classLoader.getName());
        assertEquals("&lt;m&gt;", withThread.marker);
        assertEquals("&lt;m&gt;", withLoader.marker);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("namedLikeAProxy")
    void proxyThatHoldsStateIsAnErrorWhenStrict(String className, Object proxyLike, StringField name) {
        EscapeException e = assertThrows(EscapeException.class,
                () -> escaper(true).escapeGraph(new Holder(proxyLike)));

        assertTrue(e.getMessage().contains("a run-time proxy"), e.getMessage());
        assertEquals("<b>", name.read(proxyLike));
    }

    // ---- the control: the very same classes in an application package are walked ----

    @Test
    void theSameClassesInAnApplicationPackageAreWalked() throws ReflectiveOperationException {
        Object bean = newInstance(APPLICATION_PACKAGE, "Bean");
        Map<String, List<String>> map = newMultiValueMap(APPLICATION_PACKAGE);
        List<String> bag = newBag(APPLICATION_PACKAGE);

        Escaper.escape(new Holder(bean));
        Escaper.escape(new Holder(map));
        Escaper.escape(new Holder(bag));

        assertEquals("&lt;b&gt;", field(bean, "text"));
        assertEquals(List.of("&lt;i&gt;"), field(bean, "items"));
        assertEquals(Map.of("&lt;k&gt;", List.of("&lt;v&gt;", "ok")), map);
        assertEquals(List.of("&lt;e&gt;"), bag);
    }

    @Test
    void everyGeneratedClassComesFromTheChildLoaderWithTheJdkSuperclass() throws ReflectiveOperationException {
        // guards the tables above: the rows differ in their package and nothing else
        for (String pkg : List.of("org.springframework.samples.petclinic.owner", "org.hibernate.collection.spi",
                APPLICATION_PACKAGE)) {
            Class<?> bag = loader.loadClass(pkg + ".FakePersistentBag");
            Class<?> map = loader.loadClass(pkg + ".FakeMultiValueMap");
            assertSame(loader, bag.getClassLoader());
            assertSame(loader, map.getClassLoader());
            assertSame(ArrayList.class, bag.getSuperclass());
            assertSame(LinkedHashMap.class, map.getSuperclass());
        }
    }
}
