package dev.htmlescape;

import java.lang.reflect.Type;
import java.util.Objects;

/**
 * Escapes every String reachable from an object graph, in place.
 *
 * <pre>{@code
 * form = Escaper.escape(form);                     // default policy: HTML, map keys too
 *
 * Escaper escaper = Escaper.builder()              // or a configured instance, built once
 *         .defaultContext(EscapeContext.HTML_CONTENT)
 *         .escapeMapKeys(false)
 *         .strict(true)
 *         .build();
 * form = escaper.escapeGraph(form);
 * }</pre>
 *
 * <p>The walk follows instance fields (of the class and all its superclasses), array slots,
 * collection elements, map keys and values, {@code Optional} contents and record components. Each
 * String it reaches is replaced by its encoded form, exactly once per call; {@code null} stays
 * {@code null}, and a String that needs no encoding is not written back. Each object is entered at
 * most once per call, so shared references are escaped once and cycles end. The walk is iterative:
 * deep graphs do not overflow the stack.
 *
 * <p>Mutable holders are written in place. Immutable values (records, {@code List.of},
 * unmodifiable views, {@code Optional}) are rebuilt and the copy is put back into their holder;
 * hash-based and sorted containers whose elements changed are rebuilt so lookups keep working.
 * Enums, boxed primitives, {@code java.time}, other JDK classes, lambdas, run-time proxies and
 * framework infrastructure (an application context, a servlet request, a lazy persistence
 * collection: recognised by type, never by package) are never entered; {@link #coverageOf} shows,
 * path by path, what is escaped and what is not.
 *
 * <p>A {@code final} field of a plain class cannot be written. By default a String in such a field
 * is left as it is; with {@link EscaperBuilder#strict(boolean) strict(true)} it is an
 * {@link EscapeException} whenever it would have changed.
 *
 * <p>Thread-safety: an {@code Escaper} is immutable and may be shared by any number of threads.
 * The per-class metadata it computes on first use is cached for its lifetime, with a reader
 * compiled per class; neither keeps a class loader alive. Each platform thread keeps its walk's
 * bookkeeping for the next call, cleared of the graph and trimmed after a large one; virtual
 * threads borrow it from a small pool they share. A graph is written in
 * place, so <b>one mutable graph must not be escaped by two threads at once</b> (each would escape
 * what the other already escaped, or read it half written), nor changed by another thread while it
 * is being escaped. Graphs escaped at the same time may share immutable parts (records, {@code
 * List.of}, {@code Optional}, Strings): those are never written, and each call makes its own copies.
 */
public final class Escaper {

    private static final Escaper DEFAULT = builder().build();

    private final Policy policy;
    private final ClassPlans plans;
    /** Kept from call to call, so a call allocates no bookkeeping. */
    private final Walkers walkers;

    private Escaper(Policy policy) {
        this.policy = policy;
        this.plans = new ClassPlans(policy);
        this.walkers = new Walkers(() -> new GraphWalker(policy, plans));
    }

    /**
     * Escapes every String reachable from {@code root} with the default policy: HTML context, map
     * keys included, lenient about {@code final} fields, at most 10,000 levels deep and 10,000,000
     * objects.
     *
     * @param root the object graph to escape; may be {@code null}
     * @param <T> the type of the root
     * @return {@code root} itself, escaped in place; or an escaped copy when the root is immutable
     *     (a record, an immutable collection, an {@code Optional}, a String)
     * @throws EscapeException if a limit is crossed, escaping made two keys of a map or two elements
     *     of a set equal, or a class cannot be read
     */
    public static <T> T escape(T root) {
        return DEFAULT.escapeGraph(root);
    }

    /**
     * Escapes every String reachable from {@code root} with this instance's policy.
     *
     * @param root the object graph to escape; may be {@code null}
     * @param <T> the type of the root
     * @return {@code root} itself, escaped in place; or an escaped copy when the root is immutable
     * @throws EscapeException if a limit is crossed, escaping made two keys of a map or two elements
     *     of a set equal, a class cannot be read, or (when strict) a String cannot be written
     */
    public <T> T escapeGraph(T root) {
        return escapeGraph(root, policy.defaultContext());
    }

    /**
     * Escapes every String reachable from {@code root} with this instance's policy, but with
     * {@code defaultContext} for the Strings that have no {@link Escape} of their own: for a value
     * whose holder chose the context, such as an {@code @Escape} property read by a JSON mapper.
     *
     * @param root the object graph to escape; may be {@code null}
     * @param defaultContext the context for Strings without an {@code @Escape} of their own
     * @param <T> the type of the root
     * @return {@code root} itself, escaped in place; or an escaped copy when the root is immutable
     * @throws EscapeException as {@link #escapeGraph(Object)} does
     */
    public <T> T escapeGraph(T root, EscapeContext defaultContext) {
        Objects.requireNonNull(defaultContext, "defaultContext");
        if (root == null) {
            return null;
        }
        GraphWalker walker = walkers.acquire();
        try {
            @SuppressWarnings("unchecked")
            T escaped = (T) walker.walk(root, defaultContext);
            return escaped;
        } finally {
            walkers.release(walker);
        }
    }

    /**
     * What the default policy does with every String that {@code type} can hold, read from the
     * declared types: see {@link Coverage}.
     *
     * <pre>{@code
     * System.out.println(Escaper.coverage(OrderForm.class));
     * }</pre>
     *
     * @param type a class, or a parameterized type ({@code new TypeReference<Page<Order>>(){}.getType()}
     *     from a JSON library, say) whose type arguments bind its fields' type variables
     * @return an immutable report, one entry per path
     * @throws NullPointerException if {@code type} is null
     */
    public static Coverage coverage(Type type) {
        return DEFAULT.coverageOf(type);
    }

    /**
     * What this escaper's policy does with every String that {@code type} can hold: its default
     * context and whether it escapes map keys decide. See {@link Coverage}.
     *
     * @param type a class or a parameterized type
     * @return an immutable report, one entry per path
     * @throws NullPointerException if {@code type} is null
     */
    public Coverage coverageOf(Type type) {
        Objects.requireNonNull(type, "type");
        return CoverageScanner.scan(type, policy);
    }

    /**
     * What this escaper's policy does with every String that {@code type} can hold when escaped with
     * {@link #escapeGraph(Object, EscapeContext) escapeGraph(root, defaultContext)}: for a value whose
     * holder chose the context, such as an {@code @Escape} request parameter.
     *
     * @param type a class or a parameterized type
     * @param defaultContext the context for Strings without an {@code @Escape} of their own
     * @return an immutable report, one entry per path
     * @throws NullPointerException if {@code type} or {@code defaultContext} is null
     */
    public Coverage coverageOf(Type type, EscapeContext defaultContext) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(defaultContext, "defaultContext");
        return CoverageScanner.scan(type, policy.withDefaultContext(defaultContext));
    }

    /** The plan this escaper walks instances of {@code type} with: for tests of this package. */
    ClassPlan planFor(Class<?> type) {
        return plans.get(type);
    }

    /**
     * The context this escaper uses for Strings without an {@link Escape} of their own.
     *
     * @return the default context; {@link EscapeContext#HTML} unless the builder set another
     */
    public EscapeContext defaultContext() {
        return policy.defaultContext();
    }

    /**
     * Whether this escaper escapes map keys.
     *
     * @return {@code true} unless the builder turned it off
     */
    public boolean escapesMapKeys() {
        return policy.escapeMapKeys();
    }

    /**
     * Whether {@code name} is named like a credential under this escaper's secret names (see
     * {@link EscaperBuilder#secretNames}): its Strings are left exactly as typed, for the adapters that
     * see names the walk does not (JSON properties, request parameters, headers).
     *
     * @param name a field, property, parameter, header or map key name; may be {@code null}
     * @return whether it is a secret name
     */
    public boolean isSecretName(String name) {
        return policy.secretNames().matches(name);
    }

    /**
     * Starts a configuration. Each setting may be given at most once.
     *
     * @return a new builder with the default policy
     */
    public static EscaperBuilder builder() {
        return new EscaperBuilder();
    }

    /** An escaper with {@code policy}: what {@link EscaperBuilder#build()} returns. */
    static Escaper of(Policy policy) {
        return new Escaper(policy);
    }
}
