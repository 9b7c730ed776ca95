package dev.htmlescape.spring;

import dev.htmlescape.jackson.HtmlEscapeModule;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.http.converter.AbstractJacksonHttpMessageConverter;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.util.ClassUtils;

/** Finds the message converters whose Jackson mapper (3, or 2 on Spring Boot 3) escapes while it reads. */
final class JacksonReaders {

    // Jackson and the modules are optional: their classes are touched only when present
    private static final boolean JACKSON_3 = isPresent("dev.htmlescape.jackson.HtmlEscapeModule")
            && isPresent("org.springframework.http.converter.AbstractJacksonHttpMessageConverter");
    private static final boolean JACKSON_2 = isPresent("dev.htmlescape.jackson2.HtmlEscapeModule")
            && isPresent("org.springframework.http.converter.json.AbstractJackson2HttpMessageConverter");

    private JacksonReaders() {
    }

    static Set<Class<?>> classesThatEscape(List<HttpMessageConverter<?>> converters) {
        Set<Class<?>> escaping = new HashSet<>();
        if (JACKSON_3) {
            escaping.addAll(WithJackson.classesThatEscape(converters));
        }
        if (JACKSON_2) {
            escaping.addAll(WithJackson2.classesThatEscape(converters));
        }
        return Set.copyOf(escaping);
    }

    private static boolean isPresent(String className) {
        return ClassUtils.isPresent(className, JacksonReaders.class.getClassLoader());
    }

    private static final class WithJackson {

        static Set<Class<?>> classesThatEscape(List<HttpMessageConverter<?>> converters) {
            Set<Class<?>> escaping = new HashSet<>();
            for (HttpMessageConverter<?> converter : converters) {
                if (converter instanceof AbstractJacksonHttpMessageConverter<?> jackson
                        && jackson.getMapper().registeredModules().stream().anyMatch(HtmlEscapeModule.class::isInstance)) {
                    escaping.add(converter.getClass());
                }
            }
            return Set.copyOf(escaping);
        }
    }

    private static final class WithJackson2 {

        @SuppressWarnings("deprecation") // Spring 7 deprecates its Jackson 2 converters; Spring Boot 3 uses them
        static Set<Class<?>> classesThatEscape(List<HttpMessageConverter<?>> converters) {
            Object moduleId = new dev.htmlescape.jackson2.HtmlEscapeModule().getTypeId();
            Set<Class<?>> escaping = new HashSet<>();
            for (HttpMessageConverter<?> converter : converters) {
                if (converter instanceof org.springframework.http.converter.json.AbstractJackson2HttpMessageConverter jackson
                        && jackson.getObjectMapper().getRegisteredModuleIds().contains(moduleId)) {
                    escaping.add(converter.getClass());
                }
            }
            return escaping;
        }
    }
}
