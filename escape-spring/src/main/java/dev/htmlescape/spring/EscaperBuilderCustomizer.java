package dev.htmlescape.spring;

import dev.htmlescape.Escaper;
import dev.htmlescape.EscaperBuilder;

/**
 * Tunes the {@link Escaper} that the auto-configuration builds from the {@code html-escape.*}
 * properties, without replacing it: every bean of this type is called, in {@code @Order}, with the
 * builder after the properties were applied, and before {@code build()}. A setting that a property
 * already made cannot be made again (the builder takes each setting once): the startup then fails
 * naming it, and the setting belongs in one of the two places.
 *
 * <pre>{@code
 * @Bean
 * EscaperBuilderCustomizer readOurModule() {
 *     return builder -> builder.lookup(MethodHandles.lookup());  // a module that does not open its DTOs
 * }
 * }</pre>
 *
 * <p>Thread-safety: called once, at startup, on the thread that creates the escaper bean.
 */
@FunctionalInterface
public interface EscaperBuilderCustomizer {

    /**
     * Changes {@code builder}; called once, with the properties already applied.
     *
     * @param builder the builder of the application's escaper
     */
    void customize(EscaperBuilder builder);
}
