package dev.htmlescape.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.htmlescape.EscapeContext;
import dev.htmlescape.EscapeException;
import dev.htmlescape.Escaper;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/**
 * The escaper the auto-configuration builds: every builder setting bound from a property, tuned by
 * {@link EscaperBuilderCustomizer} beans without losing the properties, and an error at startup
 * that names what to change. Runs on both Boot lines.
 */
class EscaperSettingsTest {

    private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(HtmlEscapeAutoConfiguration.class));

    /** Lists nested {@code depth} deep, the innermost holding one String that needs escaping. */
    static List<Object> nested(int depth) {
        List<Object> list = new ArrayList<>(List.of("<b>"));
        for (int i = 1; i < depth; i++) {
            list = new ArrayList<>(List.of(list));
        }
        return list;
    }

    /** One list holding {@code size} lists of one String each: {@code size + 1} containers. */
    static List<Object> wide(int size) {
        List<Object> list = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            list.add(new ArrayList<>(List.of("<i>")));
        }
        return list;
    }

    @Test
    void bindsMaxDepth() {
        runner.withPropertyValues("html-escape.max-depth=3").run(context -> {
            Escaper escaper = context.getBean(Escaper.class);
            assertThat(escaper.escapeGraph(nested(3))).hasToString("[[[&lt;b&gt;]]]");
            assertThatThrownBy(() -> escaper.escapeGraph(nested(4))).isInstanceOf(EscapeException.class)
                    .hasMessageContaining("maxDepth");
        });
    }

    @Test
    void bindsMaxNodes() {
        runner.withPropertyValues("html-escape.max-nodes=4").run(context -> {
            Escaper escaper = context.getBean(Escaper.class);
            assertThat(escaper.escapeGraph(wide(3))).hasSize(3);
            assertThatThrownBy(() -> escaper.escapeGraph(wide(4))).isInstanceOf(EscapeException.class)
                    .hasMessageContaining("maxNodes");
        });
    }

    @Test
    void leavesTheCoresLimitsWhereNoPropertySetsThem() {
        runner.run(context -> assertThat(context.getBean(Escaper.class).escapeGraph(nested(5_000)))
                .isNotNull());
    }

    @Test
    void failsStartupOnAnInvalidLimitNamingTheProperty() {
        runner.withPropertyValues("html-escape.max-nodes=0").run(context -> assertThat(context).hasFailed()
                .getFailure().hasMessageContaining("html-escape.max-nodes")
                .hasMessageContaining("at least 1"));
    }

    @Test
    void customizersTuneTheEscaperInOrderAndKeepTheProperties() {
        runner.withUserConfiguration(TwoCustomizers.class)
                .withPropertyValues("html-escape.context=html-attribute", "html-escape.escape-map-keys=false")
                .run(context -> {
                    Escaper escaper = context.getBean(Escaper.class);
                    assertThat(escaper.defaultContext()).isEqualTo(EscapeContext.HTML_ATTRIBUTE);
                    assertThat(escaper.escapesMapKeys()).isFalse();
                    assertThat(context.getBean(TwoCustomizers.class).calls).containsExactly("first", "second");
                    // the first customizer's maxDepth(2)
                    assertThatThrownBy(() -> escaper.escapeGraph(nested(3))).isInstanceOf(EscapeException.class)
                            .hasMessageContaining("maxDepth");
                });
    }

    @Test
    void failsStartupWhenACustomizerMakesASettingThePropertiesMade() {
        runner.withBean(EscaperBuilderCustomizer.class, () -> builder -> builder.strict(false))
                .run(context -> assertThat(context).hasFailed().getFailure()
                        .hasMessageContaining("strict was already set")
                        .hasMessageContaining("html-escape.* properties"));
    }

    @Test
    void aCustomizerSetsALimitNoPropertySet() {
        runner.withBean(EscaperBuilderCustomizer.class, () -> builder -> builder.maxNodes(2))
                .run(context -> assertThatThrownBy(() -> context.getBean(Escaper.class).escapeGraph(wide(2)))
                        .isInstanceOf(EscapeException.class).hasMessageContaining("maxNodes"));
    }

    @Test
    void ignoresCustomizersWhenTheApplicationHasItsOwnEscaper() {
        Escaper own = Escaper.builder().build();
        runner.withBean(Escaper.class, () -> own)
                .withBean(EscaperBuilderCustomizer.class, () -> builder -> {
                    throw new AssertionError("a customizer of an escaper the application built itself");
                })
                .run(context -> assertThat(context).hasNotFailed().getBean(Escaper.class).isSameAs(own));
    }

    @Test
    void everyAutoConfigurationIsPublicSoThatAnApplicationCanExcludeIt() throws Exception {
        List<String> names = autoConfigurationNames();

        assertThat(names).contains(HtmlEscapeAutoConfiguration.class.getName());
        for (String name : names) {
            Class<?> type = Class.forName(name, false, getClass().getClassLoader());
            assertThat(Modifier.isPublic(type.getModifiers())).as(name + " is public").isTrue();
        }
    }

    @Test
    void describesEveryPropertyInPlainText() throws IOException {
        Map<String, String> descriptions = propertyDescriptions();

        assertThat(descriptions).containsKeys("html-escape.enabled", "html-escape.context",
                "html-escape.escape-map-keys", "html-escape.strict", "html-escape.exclude-paths", "html-escape.phase",
                "html-escape.max-depth", "html-escape.max-nodes", "html-escape.jackson.request-bodies",
                "html-escape.validate-typed-text", "html-escape.thymeleaf.typed-text");
        descriptions.forEach((name, description) -> assertThat(description).as(name)
                .isNotBlank().doesNotContain("{@").doesNotContain("<"));
    }

    private static List<String> autoConfigurationNames() throws IOException {
        String imports = "META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports";
        // every jar of Spring Boot has one: the library's are the lines that name its package
        List<String> names = new ArrayList<>();
        for (URL resource : Collections.list(HtmlEscapeAutoConfiguration.class.getClassLoader().getResources(imports))) {
            try (InputStream in = resource.openStream()) {
                new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
                        .filter(line -> line.startsWith("dev.htmlescape.")).forEach(names::add);
            }
        }
        assertThat(names).as(imports).isNotEmpty();
        return names;
    }

    /**
     * The name and description of each property in escape-spring's configuration metadata, the
     * file the configuration processor writes from {@link HtmlEscapeProperties}. Read with a
     * pattern rather than a JSON library: the test runs on both Jackson lines.
     */
    private static Map<String, String> propertyDescriptions() throws IOException {
        Pattern property = Pattern.compile(
                "\"name\"\\s*:\\s*\"(html-escape\\.[^\"]+)\"[^}]*?\"description\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");
        Map<String, String> descriptions = new TreeMap<>();
        for (URL url : Collections.list(HtmlEscapeAutoConfiguration.class.getClassLoader()
                .getResources("META-INF/spring-configuration-metadata.json"))) {
            try (InputStream in = url.openStream()) {
                Matcher matcher = property.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                while (matcher.find()) {
                    descriptions.put(matcher.group(1), matcher.group(2));
                }
            }
        }
        return descriptions;
    }

    @Configuration(proxyBeanMethods = false)
    static class TwoCustomizers {
        final List<String> calls = new ArrayList<>();

        @Bean
        @Order(2)
        EscaperBuilderCustomizer second() {
            return builder -> calls.add("second");
        }

        @Bean
        @Order(1)
        EscaperBuilderCustomizer first() {
            return builder -> {
                calls.add("first");
                builder.maxDepth(2);
            };
        }
    }
}
