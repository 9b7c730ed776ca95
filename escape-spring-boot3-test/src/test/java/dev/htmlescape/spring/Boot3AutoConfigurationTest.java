package dev.htmlescape.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.htmlescape.Escaper;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcRegistrations;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;

/** The auto-configuration on Spring Boot 3.5, whose {@code WebMvcRegistrations} lives in another package than Boot 4's. */
class Boot3AutoConfigurationTest {

    private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(HtmlEscapeAutoConfiguration.class, WebMvcAutoConfiguration.class));

    @Test
    void suppliesTheEscapingHandlerAdapterThroughBoot3Registrations() {
        runner.run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(Escaper.class).hasSingleBean(WebMvcRegistrations.class);
            assertThat(context.getBean(RequestMappingHandlerAdapter.class)).isInstanceOf(EscapingHandlerAdapter.class);
        });
    }

    @Test
    void removesEverythingWhenDisabled() {
        runner.withPropertyValues("html-escape.enabled=false").run(context -> {
            assertThat(context).hasNotFailed().doesNotHaveBean(Escaper.class).doesNotHaveBean(WebMvcRegistrations.class);
            assertThat(context.getBean(RequestMappingHandlerAdapter.class)).isNotInstanceOf(EscapingHandlerAdapter.class);
        });
    }

    @Test
    void failsStartupWhenTheApplicationHasItsOwnRegistrations() {
        runner.withUserConfiguration(OwnRegistrations.class).run(context -> assertThat(context).getFailure()
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("html-escape cannot escape request input")
                .hasMessageContaining("html-escape.enabled=false"));
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnRegistrations {
        @Bean
        WebMvcRegistrations ownRegistrations() {
            return new WebMvcRegistrations() {
            };
        }
    }
}
