package dev.htmlescape.spring;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.function.Function;
import org.springframework.util.ClassUtils;

/**
 * Spring Boot interfaces that moved between the Boot lines this jar supports, implemented as
 * proxies of whichever is present, so that one compiled class serves Boot 4 and Boot 3.5.
 */
final class BootInterfaces {

    private BootInterfaces() {
    }

    /** The first of {@code names} on the class path, or {@code null}. */
    static Class<?> firstPresent(List<String> names, ClassLoader classLoader) {
        for (String name : names) {
            if (ClassUtils.isPresent(name, classLoader)) {
                return ClassUtils.resolveClassName(name, classLoader);
            }
        }
        return null;
    }

    /**
     * An implementation of {@code type} whose method {@code name}, abstract or default, does
     * {@code body} with the call's arguments; its other default methods keep their defaults, and any
     * other abstract method throws.
     */
    static Object implement(Class<?> type, String name, Function<Object[], Object> body) {
        InvocationHandler handler = (proxy, method, args) -> {
            if (method.getName().equals(name)) {
                return body.apply(args == null ? new Object[0] : args);
            }
            if (method.isDefault()) {
                return InvocationHandler.invokeDefault(proxy, method, args);
            }
            return objectMethod(proxy, method, args, "htmlescape " + type.getSimpleName());
        };
        return Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler);
    }

    /** {@code equals}, {@code hashCode} and {@code toString} of a proxy that stands for itself alone. */
    static Object objectMethod(Object proxy, Method method, Object[] args, String description) {
        return switch (method.getName()) {
            case "equals" -> proxy == args[0];
            case "hashCode" -> System.identityHashCode(proxy);
            case "toString" -> description;
            default -> throw new UnsupportedOperationException(method.toString());
        };
    }
}
