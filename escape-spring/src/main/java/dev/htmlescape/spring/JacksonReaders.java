package dev.htmlescape.spring;

import dev.htmlescape.jackson.HtmlEscapeModule;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.http.converter.AbstractJacksonHttpMessageConverter;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.util.ClassUtils;

/** Finds the message converters whose Jackson 3 mapper escapes while it reads. */
final class JacksonReaders {

    // Jackson and the module are optional: their classes are touched only when both are present
    private static final boolean PRESENT = isPresent("dev.htmlescape.jackson.HtmlEscapeModule")
            && isPresent("org.springframework.http.converter.AbstractJacksonHttpMessageConverter");

    private JacksonReaders() {
    }

    static Set<Class<?>> classesThatEscape(List<HttpMessageConverter<?>> converters) {
        return PRESENT ? WithJackson.classesThatEscape(converters) : Set.of();
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
}
