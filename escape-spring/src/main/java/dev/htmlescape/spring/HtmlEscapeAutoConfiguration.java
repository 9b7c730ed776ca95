package dev.htmlescape.spring;

import dev.htmlescape.Escaper;
import dev.htmlescape.EscaperBuilder;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.web.servlet.DispatcherServlet;

/**
 * Escapes every String that a Spring MVC controller receives from a request, exactly once: request
 * bodies, bound model attributes, request parameters, path variables, headers and cookies. Active in
 * a servlet web application as soon as {@code escape-spring} is on the class path; turned off with
 * {@code html-escape.enabled=false}; configured through {@link HtmlEscapeProperties}. Works on Spring
 * Boot 4.x (Spring Framework 7) and 3.5.x (Spring Framework 6.2).
 *
 * <p>Beans of the application win: an {@link Escaper} bean replaces the one built from the
 * properties (and then the properties {@code context}, {@code strict}, {@code escape-map-keys},
 * {@code max-depth} and {@code max-nodes} have no effect). To tune the escaper and keep the
 * properties, declare an {@link EscaperBuilderCustomizer} bean instead. This configuration
 * supplies Spring MVC's handler adapter through a {@code WebMvcRegistrations} bean; an
 * application that has its own {@code WebMvcRegistrations} fails at startup with a message saying
 * so, rather than run without escaping.
 *
 * <pre>{@code
 * @PostMapping("/entries")
 * Entry add(@Valid @RequestBody NewEntry entry) {  // validated as typed, then "O'Brien" arrives as "O&#39;Brien"
 *     return entries.save(entry);
 * }
 * }</pre>
 *
 * <p>Thread-safety: the beans it creates are immutable after startup and shared by all requests.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({DispatcherServlet.class, Escaper.class})
@ConditionalOnBooleanProperty(name = "html-escape.enabled", matchIfMissing = true)
@EnableConfigurationProperties(HtmlEscapeProperties.class)
@Import({WebMvcRegistrationsRegistrar.class, TypedTextValidation.class})
public final class HtmlEscapeAutoConfiguration {

    HtmlEscapeAutoConfiguration() {
    }

    @Bean
    @ConditionalOnMissingBean
    Escaper htmlEscaper(HtmlEscapeProperties properties, ObjectProvider<EscaperBuilderCustomizer> customizers) {
        EscaperBuilder builder = Escaper.builder()
                .defaultContext(properties.getContext())
                .escapeMapKeys(properties.isEscapeMapKeys())
                .strict(properties.isStrict());
        if (properties.getMaxDepth() != null) {
            withProperty("html-escape.max-depth", () -> builder.maxDepth(properties.getMaxDepth()));
        }
        if (properties.getMaxNodes() != null) {
            withProperty("html-escape.max-nodes", () -> builder.maxNodes(properties.getMaxNodes()));
        }
        if (properties.getSecretNames() != null) {
            withProperty("html-escape.secret-names",
                    () -> builder.secretNames(properties.getSecretNames().toArray(String[]::new)));
        }
        if (!properties.getAdditionalSecretNames().isEmpty()) {
            withProperty("html-escape.additional-secret-names",
                    () -> builder.addSecretNames(properties.getAdditionalSecretNames().toArray(String[]::new)));
        }
        customizers.orderedStream().forEach(customizer -> {
            try {
                customizer.customize(builder);
            } catch (IllegalStateException refused) {
                // the builder takes each setting once: most often a property made this one already
                throw new IllegalStateException("the EscaperBuilderCustomizer " + customizer.getClass().getName()
                        + " was refused by the builder (" + refused.getMessage() + "); a setting that one of the"
                        + " html-escape.* properties makes is made there, not again in a customizer", refused);
            }
        });
        return builder.build();
    }

    private static void withProperty(String property, Runnable setting) {
        try {
            setting.run();
        } catch (IllegalArgumentException invalid) {
            throw new IllegalArgumentException(property + ": " + invalid.getMessage(), invalid);
        }
    }

    @Bean
    RequestInputEscaper htmlEscapeRequestInputs(Escaper escaper, HtmlEscapeProperties properties) {
        return new RequestInputEscaper(escaper, properties);
    }

    @Bean
    static EscapingAdapterCheck htmlEscapeAdapterCheck(ListableBeanFactory beans) {
        return new EscapingAdapterCheck(beans);
    }

    @Bean
    BodyReadAdvice htmlEscapeBodyReadAdvice(RequestInputEscaper inputs) {
        return new BodyReadAdvice(inputs);
    }

    @Bean
    EscapeExceptionAdvice htmlEscapeExceptionAdvice() {
        return new EscapeExceptionAdvice();
    }

    @Bean
    CoverageAtStartup htmlEscapeCoverageAtStartup(ListableBeanFactory beans) {
        return new CoverageAtStartup(beans);
    }

    /** {@code th:text} showing escaped text as typed, where the application renders with Thymeleaf. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.thymeleaf.dialect.AbstractProcessorDialect")
    @ConditionalOnBooleanProperty(name = "html-escape.thymeleaf.typed-text", matchIfMissing = true)
    static class Thymeleaf {

        @Bean
        TypedTextDialect htmlEscapeTypedTextDialect() {
            return new TypedTextDialect();
        }
    }

    /** The {@code htmlescape} endpoint, where the application has Spring Boot's actuator. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.boot.actuate.endpoint.annotation.Endpoint")
    static class Actuator {

        @Bean
        @ConditionalOnMissingBean
        HtmlEscapeEndpoint htmlEscapeEndpoint(ListableBeanFactory beans) {
            return new HtmlEscapeEndpoint(beans);
        }
    }
}
