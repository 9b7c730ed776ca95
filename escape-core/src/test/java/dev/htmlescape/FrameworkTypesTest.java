package dev.htmlescape;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Contract point 8, frameworks: run-time proxies and framework objects are not entered, framework
 * collections and maps are walked as containers, and persistence-provider classes (lazy
 * collections included) are never entered.
 *
 * <p>The same three classes (a bean, a {@code LinkedHashMap} subclass, an {@code ArrayList}
 * subclass) are compiled at test time into each package below and loaded through a child class
 * loader, so that only the package tells them apart; {@code app.widgets} is the application
 * package every other row is measured against.
 */
class FrameworkTypesTest {

    private static final String APPLICATION_PACKAGE = "app.widgets";

    private static final List<String> FRAMEWORK_PACKAGES = List.of(
            "org.springframework.util", "com.fasterxml.jackson.databind.node", "tools.jackson.databind",
            "jakarta.servlet.http", "reactor.core");

    private static final List<String> PERSISTENCE_PACKAGES = List.of(
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
        List<String> args = new ArrayList<>(List.of("-d", classes.toString()));
        List<String> packages = new ArrayList<>();
        packages.add(APPLICATION_PACKAGE);
        packages.addAll(FRAMEWORK_PACKAGES);
        packages.addAll(PERSISTENCE_PACKAGES);
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
        TestCompiler.javac(args.toArray(new String[0]));
        loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, FrameworkTypesTest.class.getClassLoader());
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

    private static Object field(Object bean, String name) throws ReflectiveOperationException {
        return bean.getClass().getField(name).get(bean);
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

    // ---- framework packages: beans are not entered, collections and maps are walked ----

    static Stream<String> frameworkPackages() {
        return FRAMEWORK_PACKAGES.stream();
    }

    @ParameterizedTest
    @MethodSource("frameworkPackages")
    void frameworkBeanIsNotEntered(String pkg) throws ReflectiveOperationException {
        Object bean = newInstance(pkg, "Bean");
        Object items = field(bean, "items");
        Holder holder = new Holder(bean);

        Escaper.escape(holder);

        assertSame(bean, holder.value);
        assertEquals("<b>", field(bean, "text"));
        assertSame(items, field(bean, "items"));
        assertEquals(List.of("<i>"), items, "nor is anything reached only through it");
        assertEquals("&lt;m&gt;", holder.marker, "the walk ran over the holder");
    }

    @ParameterizedTest
    @MethodSource("frameworkPackages")
    void frameworkMapIsWalkedAsAContainer(String pkg) throws ReflectiveOperationException {
        Map<String, List<String>> form = newMultiValueMap(pkg);
        Holder holder = new Holder(form);

        Escaper.escape(holder);

        assertSame(form, holder.value, "a mutable map is escaped in place");
        assertEquals(Map.of("&lt;k&gt;", List.of("&lt;v&gt;", "ok")), form);
        assertEquals(List.of("&lt;v&gt;", "ok"), form.get("&lt;k&gt;"), "rehashed: lookups see the new key");
    }

    @ParameterizedTest
    @MethodSource("frameworkPackages")
    void frameworkMapAsTheRootIsEscapedInPlace(String pkg) throws ReflectiveOperationException {
        Map<String, List<String>> form = newMultiValueMap(pkg);

        assertSame(form, Escaper.escape(form));

        assertEquals(Map.of("&lt;k&gt;", List.of("&lt;v&gt;", "ok")), form);
    }

    @ParameterizedTest
    @MethodSource("frameworkPackages")
    void frameworkListIsWalkedAsAContainer(String pkg) throws ReflectiveOperationException {
        List<String> list = newBag(pkg);
        Holder holder = new Holder(list);

        Escaper.escape(holder);

        assertSame(list, holder.value);
        assertEquals(List.of("&lt;e&gt;"), list);
    }

    // ---- persistence providers: nothing is entered, not even their collections ----

    static Stream<String> persistencePackages() {
        return PERSISTENCE_PACKAGES.stream();
    }

    @ParameterizedTest
    @MethodSource("persistencePackages")
    void persistenceCollectionIsNotEntered(String pkg) throws ReflectiveOperationException {
        List<String> bag = newBag(pkg);
        Holder holder = new Holder(bag);

        Escaper.escape(holder);

        assertSame(bag, holder.value);
        assertEquals(List.of("<e>"), bag);
        assertEquals("&lt;m&gt;", holder.marker, "the walk ran over the holder");
    }

    @ParameterizedTest
    @MethodSource("persistencePackages")
    void persistenceMapIsNotEntered(String pkg) throws ReflectiveOperationException {
        Map<String, List<String>> map = newMultiValueMap(pkg);
        Holder holder = new Holder(map);

        Escaper.escape(holder);

        assertSame(map, holder.value);
        assertEquals(Map.of("<k>", List.of("<v>", "ok")), map);
    }

    @ParameterizedTest
    @MethodSource("persistencePackages")
    void persistenceCollectionAsTheRootIsReturnedUntouched(String pkg) throws ReflectiveOperationException {
        List<String> bag = newBag(pkg);

        assertSame(bag, Escaper.escape(bag));

        assertEquals(List.of("<e>"), bag);
    }

    @ParameterizedTest
    @MethodSource("persistencePackages")
    void persistenceBeanIsNotEntered(String pkg) throws ReflectiveOperationException {
        Object bean = newInstance(pkg, "Bean");

        Escaper.escape(new Holder(bean));

        assertEquals("<b>", field(bean, "text"));
        assertEquals(List.of("<i>"), field(bean, "items"));
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
        for (String pkg : List.of("org.springframework.util", "org.hibernate.collection.spi", APPLICATION_PACKAGE)) {
            Class<?> bag = loader.loadClass(pkg + ".FakePersistentBag");
            Class<?> map = loader.loadClass(pkg + ".FakeMultiValueMap");
            assertSame(loader, bag.getClassLoader());
            assertSame(loader, map.getClassLoader());
            assertSame(ArrayList.class, bag.getSuperclass());
            assertSame(LinkedHashMap.class, map.getSuperclass());
        }
    }
}
