package dev.htmlescape;

import java.lang.invoke.MethodHandles;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

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
 * is left as it is; with {@link Builder#strict(boolean) strict(true)} it is an
 * {@link EscapeException} whenever it would have changed.
 *
 * <p>Thread-safety: an {@code Escaper} is immutable and may be shared by any number of threads.
 * The per-class metadata it computes on first use is cached for its lifetime, with a reader
 * compiled per class; neither keeps a class loader alive. Each thread keeps its walk's bookkeeping
 * for the next call, cleared of the graph and trimmed after a large one. A graph is written in
 * place, so <b>one mutable graph must not be escaped by two threads at once</b> (each would escape
 * what the other already escaped, or read it half written), nor changed by another thread while it
 * is being escaped. Graphs escaped at the same time may share immutable parts (records, {@code
 * List.of}, {@code Optional}, Strings): those are never written, and each call makes its own copies.
 */
public final class Escaper {

    /** The default depth limit: deeper graphs are rejected. */
    static final int DEFAULT_MAX_DEPTH = 10_000;

    /** The default node limit: larger graphs are rejected. */
    static final int DEFAULT_MAX_NODES = 10_000_000;

    private static final Escaper DEFAULT = builder().build();

    private final Policy policy;
    private final ClassPlans plans;
    /** One walker per thread, reused call after call, so a call allocates no bookkeeping. */
    private final ThreadLocal<GraphWalker> walkers;

    private Escaper(Policy policy) {
        this.policy = policy;
        this.plans = new ClassPlans(policy);
        this.walkers = ThreadLocal.withInitial(() -> new GraphWalker(policy, plans));
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
        GraphWalker walker = walkers.get();
        if (walker.isWalking()) {
            // escaping again from inside a walk, say from a hashCode or a comparator
            walker = new GraphWalker(policy, plans);
        }
        @SuppressWarnings("unchecked")
        T escaped = (T) walker.walk(root, defaultContext);
        return escaped;
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
     * The context for text held by something this escaper does not walk itself, such as a
     * property a JSON mapper binds or a controller parameter: the closest of {@code closestFirst}
     * that carries {@link NoEscape} or {@link Escape} decides, and this escaper's default context
     * applies when none does. The walker decides the same way for a field, its declaring type and
     * the default.
     *
     * <pre>{@code
     * EscapeContext context = escaper.contextFor(property::getAnnotation, declaringClass::getAnnotation);
     * }</pre>
     *
     * @param closestFirst where to look, closest first: the holder itself, then what encloses it
     * @return the context; {@code null} if the closest annotation is {@code @NoEscape} (the value
     *     stays as it is)
     * @throws NullPointerException if {@code closestFirst} or one of its elements is null
     */
    public EscapeContext contextFor(AnnotationSource... closestFirst) {
        for (AnnotationSource source : closestFirst) {
            if (source.getAnnotation(NoEscape.class) != null) {
                return null;
            }
            Escape escape = source.getAnnotation(Escape.class);
            if (escape != null) {
                return escape.value();
            }
        }
        return policy.defaultContext();
    }

    /**
     * Whether {@code name} is named like a credential under this escaper's secret names (see
     * {@link Builder#secretNames}): its Strings are left exactly as typed, for the adapters that
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
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Configures an {@link Escaper}. Each method checks its argument at once and may be called at
     * most once (except {@link #lookup}); {@link #build()} returns an immutable instance.
     *
     * <p>Thread-safety: a builder is not thread-safe; the {@code Escaper} it builds is.
     */
    public static final class Builder {

        private EscapeContext defaultContext;
        private Boolean escapeMapKeys;
        private boolean compileReaders = true;
        private Boolean strict;
        private int maxDepth = -1;
        private int maxNodes = -1;
        private SecretNames secretNames;
        private final List<String> additionalSecretNames = new ArrayList<>();
        private final List<MethodHandles.Lookup> lookups = new ArrayList<>();
        private final List<Policy.ImmutableType> immutableTypes = new ArrayList<>();

        private Builder() {
        }

        /**
         * The context for Strings without an {@link Escape} annotation. Default {@link
         * EscapeContext#HTML}.
         *
         * @param context the context
         * @return this builder
         * @throws NullPointerException if {@code context} is null
         * @throws IllegalStateException if the default context was already set
         */
        public Builder defaultContext(EscapeContext context) {
            Objects.requireNonNull(context, "context");
            requireUnset(defaultContext == null, "defaultContext", defaultContext);
            this.defaultContext = context;
            return this;
        }

        /**
         * Whether map keys are escaped (and, when they are objects, entered). Default {@code true}:
         * user text reaches maps as keys as often as values. With {@code false}, a key object that
         * is escaped through another path before its map is walked gets the map rehashed; one
         * escaped through another path after that leaves the map's lookups stale.
         *
         * @param escapeKeys {@code false} to leave every map key as it is
         * @return this builder
         * @throws IllegalStateException if this was already set
         */
        public Builder escapeMapKeys(boolean escapeKeys) {
            requireUnset(escapeMapKeys == null, "escapeMapKeys", escapeMapKeys);
            this.escapeMapKeys = escapeKeys;
            return this;
        }

        /**
         * Whether a String that needs escaping but cannot be written (a {@code final} field of a
         * plain class, or an immutable value held in a {@code final} field) is an {@link
         * EscapeException} naming its path. Default {@code false}: such values are left as they are.
         *
         * @param strictMode {@code true} to fail instead of leaving a String unescaped
         * @return this builder
         * @throws IllegalStateException if this was already set
         */
        public Builder strict(boolean strictMode) {
            requireUnset(strict == null, "strict", strict);
            this.strict = strictMode;
            return this;
        }

        /**
         * The deepest nesting the walk accepts: the most objects and containers open at once on a
         * path from the root, the root included. Default 10,000.
         *
         * @param depth at least 1
         * @return this builder
         * @throws IllegalArgumentException if {@code depth} is less than 1
         * @throws IllegalStateException if this was already set
         */
        public Builder maxDepth(int depth) {
            requireUnset(maxDepth == -1, "maxDepth", maxDepth);
            if (depth < 1) {
                throw new IllegalArgumentException("maxDepth must be at least 1, but was " + depth);
            }
            this.maxDepth = depth;
            return this;
        }

        /**
         * The most objects and containers one call enters. Default 10,000,000. An object of text
         * only (a bean whose fields are all Strings, a list of Strings) that is reached more than
         * once and needs no escaping is scanned, and counted, each time it is reached.
         *
         * @param nodes at least 1
         * @return this builder
         * @throws IllegalArgumentException if {@code nodes} is less than 1
         * @throws IllegalStateException if this was already set
         */
        public Builder maxNodes(int nodes) {
            requireUnset(maxNodes == -1, "maxNodes", maxNodes);
            if (nodes < 1) {
                throw new IllegalArgumentException("maxNodes must be at least 1, but was " + nodes);
            }
            this.maxNodes = nodes;
            return this;
        }

        /**
         * Reads the classes of the lookup's module through {@code lookup}, for modules that do not
         * open their packages to {@code dev.htmlescape}. Pass {@code MethodHandles.lookup()} from a
         * class of that module. May be called once per module.
         *
         * @param lookup a lookup with full privilege access
         * @return this builder
         * @throws NullPointerException if {@code lookup} is null
         * @throws IllegalArgumentException if {@code lookup} lacks full privilege access
         * @throws IllegalStateException if a lookup for the same module was already given
         */
        public Builder lookup(MethodHandles.Lookup lookup) {
            Objects.requireNonNull(lookup, "lookup");
            if ((lookup.lookupModes() & MethodHandles.Lookup.PRIVATE) == 0
                    || (lookup.lookupModes() & MethodHandles.Lookup.MODULE) == 0) {
                throw new IllegalArgumentException("lookup for " + lookup.lookupClass().getName()
                        + " lacks private access; pass MethodHandles.lookup() called in that module");
            }
            Module module = lookup.lookupClass().getModule();
            for (MethodHandles.Lookup given : lookups) {
                if (given.lookupClass().getModule() == module) {
                    throw new IllegalStateException("a lookup for " + module + " was already set ("
                            + given.lookupClass().getName() + ")");
                }
            }
            lookups.add(lookup);
            return this;
        }

        /**
         * Declares a collection class of another library whose instances refuse writes, and how to
         * make an escaped copy of one in its own type, so that the copy fits a field declared with
         * that type. Guava's immutable collections are known without this. The copy is made from
         * the escaped elements, an unmodifiable JDK collection in the original's order (sorted by
         * the original's comparator when the original is a {@code SortedSet}); a clean collection is
         * never copied. Subclasses of {@code type} are copied the same way; the first declaration
         * that fits wins.
         *
         * <pre>{@code
         * Escaper.builder().immutableCollection(PVector.class, TreePVector::from).build();
         * }</pre>
         *
         * @param type the collection class or interface
         * @param copyOf makes the copy from the escaped elements; what it throws is reported as an
         *     {@link EscapeException} with the path
         * @param <C> the collection type
         * @return this builder
         * @throws NullPointerException if an argument is null
         * @throws IllegalStateException if {@code type} was already declared
         */
        @SuppressWarnings("unchecked")
        public <C extends Collection<?>> Builder immutableCollection(Class<C> type,
                Function<? super Collection<Object>, ? extends C> copyOf) {
            return immutableType(type, Collection.class, contents -> copyOf.apply((Collection<Object>) contents),
                    copyOf);
        }

        /**
         * Declares a map class of another library whose instances refuse writes, and how to make an
         * escaped copy of one in its own type; see {@link #immutableCollection}. The copy is made
         * from the escaped entries, an unmodifiable JDK map in the original's order (sorted by the
         * original's comparator when the original is a {@code SortedMap}).
         *
         * <pre>{@code
         * Escaper.builder().immutableMap(PMap.class, HashTreePMap::from).build();
         * }</pre>
         *
         * @param type the map class or interface
         * @param copyOf makes the copy from the escaped entries
         * @param <M> the map type
         * @return this builder
         * @throws NullPointerException if an argument is null
         * @throws IllegalStateException if {@code type} was already declared
         */
        @SuppressWarnings("unchecked")
        public <M extends Map<?, ?>> Builder immutableMap(Class<M> type,
                Function<? super Map<Object, Object>, ? extends M> copyOf) {
            return immutableType(type, Map.class, contents -> copyOf.apply((Map<Object, Object>) contents), copyOf);
        }

        /**
         * Replaces the names of credentials, whose Strings are left exactly as typed. By default: {@code
         * password}, {@code passwd}, {@code pwd}, {@code secret}, {@code token}, {@code credentials},
         * {@code apikey}, {@code privatekey}, {@code secretkey}, {@code accesskey}, {@code pin} and
         * {@code otp}. A field, record component, JSON property, request parameter, header or map key
         * is named like a credential when, ignoring case and the separators {@code - _ .}, its name
         * equals one of them or ends with one; a name shorter than five characters must be the last
         * word ({@code userPin}, never {@code spin}). An {@code @Escape} on the element itself wins.
         *
         * <pre>{@code
         * Escaper.builder().secretNames().build();                      // no name is a credential's
         * Escaper.builder().addSecretNames("ssn", "iban").build();      // the defaults and two more
         * }</pre>
         *
         * @param names the terms; none turns the rule off
         * @return this builder
         * @throws IllegalArgumentException if a name is blank or holds anything but letters, digits and {@code - _ .}
         * @throws IllegalStateException if the names were already set
         */
        public Builder secretNames(String... names) {
            requireUnset(secretNames == null, "secretNames", secretNames == null ? null : secretNames.terms());
            this.secretNames = SecretNames.of(Arrays.asList(names));
            return this;
        }

        /**
         * Adds names of credentials to the defaults, or to those {@link #secretNames} set; may be
         * called more than once.
         *
         * @param names more terms
         * @return this builder
         * @throws IllegalArgumentException if a name is blank or holds anything but letters, digits and {@code - _ .}
         */
        public Builder addSecretNames(String... names) {
            SecretNames.of(Arrays.asList(names));
            additionalSecretNames.addAll(Arrays.asList(names));
            return this;
        }

        private Builder immutableType(Class<?> type, Class<?> kind, Function<Object, Object> copy, Object given) {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(given, "copyOf");
            if (!kind.isAssignableFrom(type)) {
                throw new IllegalArgumentException(type.getName() + " is not a " + kind.getSimpleName());
            }
            for (Policy.ImmutableType declared : immutableTypes) {
                if (declared.type() == type) {
                    throw new IllegalStateException("the copy of " + type.getName() + " was already set");
                }
            }
            immutableTypes.add(new Policy.ImmutableType(type, copy));
            return this;
        }

        /**
         * Builds the immutable, thread-safe {@link Escaper}.
         *
         * @return the configured escaper
         */
        public Escaper build() {
            return new Escaper(new Policy(
                    defaultContext == null ? EscapeContext.HTML : defaultContext,
                    escapeMapKeys == null || escapeMapKeys,
                    strict != null && strict,
                    maxDepth == -1 ? DEFAULT_MAX_DEPTH : maxDepth,
                    maxNodes == -1 ? DEFAULT_MAX_NODES : maxNodes,
                    List.copyOf(lookups),
                    compileReaders,
                    List.copyOf(immutableTypes),
                    (secretNames == null ? SecretNames.DEFAULT : secretNames).with(additionalSecretNames)));
        }

        /**
         * Reads fields through their method handles one by one instead of a compiled reader: the
         * path taken when a reader cannot be compiled, kept reachable so tests cover it.
         */
        Builder withoutCompiledReaders() {
            compileReaders = false;
            return this;
        }

        private static void requireUnset(boolean unset, String setting, Object current) {
            if (!unset) {
                throw new IllegalStateException(setting + " was already set to " + current);
            }
        }
    }
}
