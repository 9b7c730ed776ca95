package dev.htmlescape.jackson2;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import dev.htmlescape.Escaper;

/**
 * The mappers the tests read with. Jackson 2 reads {@code Optional} only with its JDK 8 module,
 * which Spring Boot registers; so do these mappers.
 */
final class Mappers {

    private static final JsonMapper WITH_MODULE = mapperWithModule(new HtmlEscapeModule());
    private static final JsonMapper PLAIN = JsonMapper.builder().addModule(new Jdk8Module()).build();

    private Mappers() {
    }

    static JsonMapper mapperWithModule() {
        return WITH_MODULE;
    }

    static JsonMapper mapperWithModule(Escaper escaper) {
        return mapperWithModule(new HtmlEscapeModule(escaper));
    }

    private static JsonMapper mapperWithModule(HtmlEscapeModule module) {
        return JsonMapper.builder().addModule(new Jdk8Module()).addModule(module).build();
    }

    static JsonMapper plainMapper() {
        return PLAIN;
    }

    /** JSON with single quotes, for readable test input. */
    static String json(String singleQuoted) {
        return singleQuoted.replace('\'', '"');
    }
}
