package dev.htmlescape.spring;

import dev.htmlescape.Escaper;
import dev.htmlescape.jackson.HtmlEscapeModule;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.json.JsonMapper;

/**
 * Decides whether Spring Boot's shared Jackson 3 {@code JsonMapper} escapes while it reads. Boot
 * adds every module it finds through {@code ServiceLoader}, the htmlescape module among them; but
 * that mapper also reads JSON that is not user input, so the module is taken off again unless
 * {@code html-escape.jackson.shared-mapper=true} (and escaping is enabled). When it stays, it is
 * built with the application's {@link Escaper}.
 *
 * <p>Public so that an application can name it, for example
 * {@code @SpringBootApplication(exclude = HtmlEscapeJacksonAutoConfiguration.class)} to leave Boot's
 * mapper entirely as Boot builds it (the module, found by ServiceLoader, then stays on it).
 *
 * <p>Thread-safety: the customizer it creates is immutable.
 */
@AutoConfiguration(after = HtmlEscapeAutoConfiguration.class)
@ConditionalOnClass({HtmlEscapeModule.class, JsonMapperBuilderCustomizer.class})
public final class HtmlEscapeJacksonAutoConfiguration {

    HtmlEscapeJacksonAutoConfiguration() {
    }

    @Bean
    JsonMapperBuilderCustomizer htmlEscapeSharedMapperModules(Environment environment, ObjectProvider<Escaper> escaper) {
        boolean onSharedMapper = environment.getProperty("html-escape.enabled", Boolean.class, true)
                && environment.getProperty("html-escape.jackson.shared-mapper", Boolean.class, false);
        if (!onSharedMapper) {
            return new SharedMapperModules(null);
        }
        Escaper configured = escaper.getIfAvailable();
        return new SharedMapperModules(configured != null ? new HtmlEscapeModule(configured) : new HtmlEscapeModule());
    }

    /** Puts the htmlescape module on the shared mapper, or takes it off. Runs after Boot's own customizer. */
    static final class SharedMapperModules implements JsonMapperBuilderCustomizer, Ordered {

        private final HtmlEscapeModule module;

        SharedMapperModules(HtmlEscapeModule module) {
            this.module = module;
        }

        @Override
        public void customize(JsonMapper.Builder builder) {
            List<JacksonModule> others = new ArrayList<>();
            builder.withModules(registered -> {
                if (!(registered instanceof HtmlEscapeModule)) {
                    others.add(registered);
                }
            });
            builder.removeAllModules().addModules(others);
            if (module != null) {
                builder.addModule(module);
            }
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }
}
