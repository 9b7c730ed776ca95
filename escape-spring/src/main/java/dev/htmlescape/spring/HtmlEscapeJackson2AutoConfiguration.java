package dev.htmlescape.spring;

import dev.htmlescape.Escaper;
import dev.htmlescape.jackson2.HtmlEscapeModule;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

/**
 * On Spring Boot 3 (Jackson 2), puts the htmlescape Jackson 2 module on Boot's shared
 * {@code ObjectMapper} when {@code html-escape.jackson.shared-mapper=true}: Boot adds every
 * {@code com.fasterxml.jackson.databind.Module} bean to it (and, unlike Boot 4, none it would find
 * through ServiceLoader, so there is nothing to take off by default). Built with the application's
 * {@link Escaper}.
 *
 * <p>Public so that an application can name it in {@code @SpringBootApplication(exclude = ...)} or
 * {@code spring.autoconfigure.exclude}.
 *
 * <pre>{@code
 * html-escape.jackson.shared-mapper=true   # application.properties of a Boot 3.5 application
 * }</pre>
 *
 * <p>Thread-safety: the module bean it creates is immutable.
 */
@AutoConfiguration(after = HtmlEscapeAutoConfiguration.class)
@ConditionalOnClass({HtmlEscapeModule.class, com.fasterxml.jackson.databind.Module.class})
@ConditionalOnBooleanProperty(name = "html-escape.enabled", matchIfMissing = true)
public final class HtmlEscapeJackson2AutoConfiguration {

    HtmlEscapeJackson2AutoConfiguration() {
    }

    @Bean
    @ConditionalOnBooleanProperty(name = "html-escape.jackson.shared-mapper")
    com.fasterxml.jackson.databind.Module htmlEscapeJackson2Module(ObjectProvider<Escaper> escaper) {
        Escaper configured = escaper.getIfAvailable();
        return configured != null ? new HtmlEscapeModule(configured) : new HtmlEscapeModule();
    }
}
