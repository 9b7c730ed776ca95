package dev.htmlescape.spring;

import dev.htmlescape.Escaper;
import dev.htmlescape.jackson.HtmlEscapeModule;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.http.converter.AbstractJacksonHttpMessageConverter;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.util.ClassUtils;

/**
 * The Jackson message converters of request bodies: which of them escape while they read (a Jackson
 * 3 mapper, or 2 on Spring Boot 3, with the htmlescape module), and copies of them that do.
 */
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

    /**
     * {@code converters} with each JSON converter replaced by one whose mapper is a copy of its
     * own with the htmlescape module added: the mapper that reads request bodies escapes, and the
     * application's shared mapper (which also reads HTTP client responses) stays as it is.
     */
    static List<HttpMessageConverter<?>> escapingWhileReading(List<HttpMessageConverter<?>> converters,
            Escaper escaper) {
        List<HttpMessageConverter<?>> escaping = new ArrayList<>(converters.size());
        for (HttpMessageConverter<?> converter : converters) {
            HttpMessageConverter<?> replaced = JACKSON_3 ? WithJackson.escapingWhileReading(converter, escaper) : null;
            if (replaced == null && JACKSON_2) {
                replaced = WithJackson2.escapingWhileReading(converter, escaper);
            }
            escaping.add(replaced != null ? replaced : converter);
        }
        return escaping;
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

        static HttpMessageConverter<?> escapingWhileReading(HttpMessageConverter<?> converter, Escaper escaper) {
            if (converter.getClass() != JacksonJsonHttpMessageConverter.class) {
                return null;
            }
            JacksonJsonHttpMessageConverter json = (JacksonJsonHttpMessageConverter) converter;
            JacksonJsonHttpMessageConverter copy = new JacksonJsonHttpMessageConverter(
                    json.getMapper().rebuild().addModule(new HtmlEscapeModule(escaper)).build());
            copy.setSupportedMediaTypes(json.getSupportedMediaTypes());
            return copy;
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

        @SuppressWarnings("deprecation")
        static HttpMessageConverter<?> escapingWhileReading(HttpMessageConverter<?> converter, Escaper escaper) {
            if (converter.getClass() != org.springframework.http.converter.json.MappingJackson2HttpMessageConverter.class) {
                return null;
            }
            var json = (org.springframework.http.converter.json.MappingJackson2HttpMessageConverter) converter;
            var copy = new org.springframework.http.converter.json.MappingJackson2HttpMessageConverter(
                    json.getObjectMapper().copy().registerModule(new dev.htmlescape.jackson2.HtmlEscapeModule(escaper)));
            copy.setSupportedMediaTypes(json.getSupportedMediaTypes());
            return copy;
        }
    }
}
