package dev.htmlescape;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Leaves a value alone: the annotated field, record component or parameter is neither escaped nor
 * entered, and instances of an annotated type are never entered.
 *
 * <pre>{@code
 * class Login {
 *     String user;
 *     @NoEscape String password; // compared as typed, never rendered
 * }
 * }</pre>
 *
 * <p>An object reached through a {@code @NoEscape} field is still escaped when it is also reachable
 * through another path that is not excluded.
 *
 * <p>On a method, a setter, it counts where values are bound through setters: the Jackson modules
 * and Spring data binding. {@link Escaper} reads fields, so it follows the field's annotations.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER, ElementType.METHOD,
        ElementType.TYPE})
public @interface NoEscape {
}
