package dev.htmlescape.spi;

import dev.htmlescape.Escape;
import dev.htmlescape.EscapeContext;
import dev.htmlescape.EscapeException;
import dev.htmlescape.Escaper;
import dev.htmlescape.NoEscape;
import dev.htmlescape.internal.CoreAccess;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What an adapter (a JSON module, a web framework's binding) needs of the core beyond escaping a
 * graph: the context of a value it holds, decided from annotations as the walk decides it for a
 * field; and the escaping of a map's keys once it filled the map with values it escaped itself.
 *
 * <pre>{@code
 * EscapeContext context = AdapterSupport.contextFor(escaper, parameter::getAnnotation,
 *         controllerType::getAnnotation);
 * if (context != null) {
 *     value = escaper.escapeGraph(value, context);
 * }
 * }</pre>
 *
 * <p>Thread-safety: every method is safe to call from any thread; a map given to {@link
 * #escapeKeys} must not be changed by another thread meanwhile.
 */
public final class AdapterSupport {

    private AdapterSupport() {
    }

    /**
     * The context for text held by something the escaper does not walk itself, such as a property
     * a JSON mapper binds or a controller parameter: the closest of {@code closestFirst} that
     * carries {@link NoEscape} or {@link Escape} decides, and the escaper's default context applies
     * when none does, as the walk decides for a field, its declaring type and the default.
     *
     * @param escaper the escaper whose default context applies
     * @param closestFirst where to look, closest first: the holder itself, then what encloses it
     * @return the context; {@code null} if the closest annotation is {@code @NoEscape} (the value
     *     stays as it is)
     * @throws NullPointerException if an argument or one of {@code closestFirst} is null
     */
    public static EscapeContext contextFor(Escaper escaper, AnnotationSource... closestFirst) {
        Objects.requireNonNull(escaper, "escaper");
        for (AnnotationSource source : closestFirst) {
            if (source.getAnnotation(NoEscape.class) != null) {
                return null;
            }
            Escape escape = source.getAnnotation(Escape.class);
            if (escape != null) {
                return escape.value();
            }
        }
        return escaper.defaultContext();
    }

    /**
     * Escapes the String keys of {@code map} for {@code context}, in place and in the map's order,
     * and nothing else: for an adapter that escapes values as it reads them and gets the keys
     * afterwards, such as a JSON mapper's map deserializer. A key that needs no escaping stays the
     * same instance; when none does, the map is not touched.
     *
     * @param context the context to escape the keys for
     * @param map a mutable map
     * @param keep keys to leave as they are, found by identity (those the map held before a JSON
     *     document was merged into it); usually empty
     * @param <M> the map's type
     * @return {@code map}
     * @throws EscapeException with an empty path (the caller knows where the map is) if escaping
     *     makes two keys equal, or the map then holds fewer entries (its comparator judges two
     *     escaped keys equal); the map is then as it was, and no entry is lost
     * @throws NullPointerException if an argument is null
     */
    public static <M extends Map<?, ?>> M escapeKeys(EscapeContext context, M map, Set<?> keep) {
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(map, "map");
        Objects.requireNonNull(keep, "keep");
        return CoreAccess.keyEscaping().escapeKeys(map, context, keep);
    }
}
