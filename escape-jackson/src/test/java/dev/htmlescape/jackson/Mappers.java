package dev.htmlescape.jackson;

import dev.htmlescape.Escaper;
import tools.jackson.databind.json.JsonMapper;

/** The mappers the tests read with. */
final class Mappers {

    private static final JsonMapper WITH_MODULE = JsonMapper.builder().addModule(new HtmlEscapeModule()).build();
    private static final JsonMapper PLAIN = JsonMapper.builder().build();

    private Mappers() {
    }

    static JsonMapper mapperWithModule() {
        return WITH_MODULE;
    }

    static JsonMapper mapperWithModule(Escaper escaper) {
        return JsonMapper.builder().addModule(new HtmlEscapeModule(escaper)).build();
    }

    static JsonMapper plainMapper() {
        return PLAIN;
    }

    /** JSON with single quotes, for readable test input. */
    static String json(String singleQuoted) {
        return singleQuoted.replace('\'', '"');
    }
}
