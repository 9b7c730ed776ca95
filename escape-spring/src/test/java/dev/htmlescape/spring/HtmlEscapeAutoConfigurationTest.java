package dev.htmlescape.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.htmlescape.EscapeContext;
import dev.htmlescape.Escaper;
import dev.htmlescape.jackson.HtmlEscapeModule;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;
import tools.jackson.databind.json.JsonMapper;

class HtmlEscapeAutoConfigurationTest {

    private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(HtmlEscapeAutoConfiguration.class, WebMvcAutoConfiguration.class,
                    JacksonAutoConfiguration.class));

    @Test
    void escapesWithDefaultsWhenOnTheClassPath() {
        runner.run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(Escaper.class).hasSingleBean(HtmlEscapeProperties.class)
                    .hasSingleBean(BodyReadAdvice.class).hasSingleBean(EscapeExceptionAdvice.class);
            assertThat(context.getBean(RequestMappingHandlerAdapter.class)).isInstanceOf(EscapingHandlerAdapter.class);
            Escaper escaper = context.getBean(Escaper.class);
            assertThat(escaper.defaultContext()).isEqualTo(EscapeContext.HTML);
            assertThat(escaper.escapesMapKeys()).isTrue();
        });
    }

    @Test
    void keepsTheJacksonModuleOffTheSharedMapper() {
        // no ServiceLoader registration: the shared mapper also reads JSON that is not user input
        assertThat(tools.jackson.databind.cfg.MapperBuilder.findModules()).noneMatch(HtmlEscapeModule.class::isInstance);
        runner.withPropertyValues("html-escape.jackson.request-bodies=true")
                .run(context -> assertThat(context.getBean(JsonMapper.class).registeredModules())
                        .noneMatch(HtmlEscapeModule.class::isInstance));
    }

    @Test
    void bindsPropertiesIntoTheEscaper() {
        runner.withPropertyValues("html-escape.context=html-attribute", "html-escape.escape-map-keys=false")
                .run(context -> {
                    Escaper escaper = context.getBean(Escaper.class);
                    assertThat(escaper.defaultContext()).isEqualTo(EscapeContext.HTML_ATTRIBUTE);
                    assertThat(escaper.escapesMapKeys()).isFalse();
                });
    }

    @Test
    void removesEverythingWhenDisabled() {
        runner.withPropertyValues("html-escape.enabled=false", "html-escape.jackson.request-bodies=true").run(context -> {
            assertThat(context).hasNotFailed().doesNotHaveBean(Escaper.class).doesNotHaveBean(HtmlEscapeProperties.class)
                    .doesNotHaveBean(RequestInputEscaper.class).doesNotHaveBean(BodyReadAdvice.class)
                    .doesNotHaveBean(EscapeExceptionAdvice.class).doesNotHaveBean(EscapingAdapterCheck.class);
            assertThat(context.getBean(RequestMappingHandlerAdapter.class)).isNotInstanceOf(EscapingHandlerAdapter.class);
            assertThat(context.getBean(JsonMapper.class).registeredModules()).noneMatch(HtmlEscapeModule.class::isInstance);
        });
    }

    @Test
    void usesTheApplicationsEscaper() {
        runner.withUserConfiguration(OwnEscaper.class).run(context -> {
            assertThat(context).hasSingleBean(Escaper.class);
            assertThat(context.getBean(Escaper.class)).isSameAs(context.getBean(OwnEscaper.class).escaper);
        });
    }

    @Test
    void failsStartupWhenTheApplicationReplacesTheHandlerAdapter() {
        runner.withUserConfiguration(OwnRegistrations.class).run(context -> assertThat(context).hasFailed()
                .getFailure().isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("html-escape cannot escape request input")
                .hasMessageContaining("WebMvcRegistrations")
                .hasMessageContaining("html-escape.enabled=false"));
    }

    @Test
    void worksWithoutJacksonOnTheClassPath() {
        runner.withClassLoader(new FilteredClassLoader("tools.jackson", "dev.htmlescape.jackson"))
                .run(context -> {
                    assertThat(context).hasNotFailed().hasSingleBean(Escaper.class).hasSingleBean(BodyReadAdvice.class)
                            .doesNotHaveBean(JsonMapper.class);
                    assertThat(context.getBean(RequestMappingHandlerAdapter.class))
                            .isInstanceOf(EscapingHandlerAdapter.class);
                });
    }

    @Test
    void staysOffOutsideServletWebApplications() {
        new org.springframework.boot.test.context.runner.ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(HtmlEscapeAutoConfiguration.class))
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(Escaper.class));
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnEscaper {
        final Escaper escaper = Escaper.builder().strict(true).build();

        @Bean
        Escaper ownEscaper() {
            return escaper;
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnRegistrations {
        @Bean
        WebMvcRegistrations ownRegistrations() {
            return new WebMvcRegistrations() {
                @Override
                public RequestMappingHandlerAdapter getRequestMappingHandlerAdapter() {
                    return new RequestMappingHandlerAdapter();
                }
            };
        }
    }
}
