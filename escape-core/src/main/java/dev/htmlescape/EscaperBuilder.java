package dev.htmlescape;

import java.lang.invoke.MethodHandles;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Configures an {@link Escaper}. Each method checks its argument at once and may be called at
 * most once (except {@link #lookup} and {@link #addSecretNames}); {@link #build()} returns an
 * immutable instance.
 *
 * <pre>{@code
 * Escaper escaper = Escaper.builder()
 *         .escapeMapKeys(false)
 *         .strict(true)
 *         .build();
 * }</pre>
 *
 * <p>Thread-safety: a builder is not thread-safe; the {@code Escaper} it builds is.
 */
public final class EscaperBuilder {

    /** The default depth limit: deeper graphs are rejected. */
    static final int DEFAULT_MAX_DEPTH = 10_000;

    /** The default node limit: larger graphs are rejected. */
    static final int DEFAULT_MAX_NODES = 10_000_000;

    private EscapeContext defaultContext;
    private Boolean escapeMapKeys;
    private boolean compileReaders = true;
    private boolean fastWalk = true;
    private Boolean strict;
    private int maxDepth = -1;
    private int maxNodes = -1;
    private SecretNames secretNames;
    private final List<String> additionalSecretNames = new ArrayList<>();
    private final List<MethodHandles.Lookup> lookups = new ArrayList<>();
    private final List<Policy.ImmutableType> immutableTypes = new ArrayList<>();

    EscaperBuilder() {
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
    public EscaperBuilder defaultContext(EscapeContext context) {
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
    public EscaperBuilder escapeMapKeys(boolean escapeKeys) {
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
    public EscaperBuilder strict(boolean strictMode) {
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
    public EscaperBuilder maxDepth(int depth) {
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
    public EscaperBuilder maxNodes(int nodes) {
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
    public EscaperBuilder lookup(MethodHandles.Lookup lookup) {
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
    public <C extends Collection<?>> EscaperBuilder immutableCollection(Class<C> type,
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
    public <M extends Map<?, ?>> EscaperBuilder immutableMap(Class<M> type,
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
    public EscaperBuilder secretNames(String... names) {
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
    public EscaperBuilder addSecretNames(String... names) {
        SecretNames.of(Arrays.asList(names));
        additionalSecretNames.addAll(Arrays.asList(names));
        return this;
    }

    private EscaperBuilder immutableType(Class<?> type, Class<?> kind, Function<Object, Object> copy, Object given) {
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
        return Escaper.of(new Policy(
                defaultContext == null ? EscapeContext.HTML : defaultContext,
                escapeMapKeys == null || escapeMapKeys,
                strict != null && strict,
                maxDepth == -1 ? DEFAULT_MAX_DEPTH : maxDepth,
                maxNodes == -1 ? DEFAULT_MAX_NODES : maxNodes,
                List.copyOf(lookups),
                compileReaders,
                fastWalk,
                List.copyOf(immutableTypes),
                (secretNames == null ? SecretNames.DEFAULT : secretNames).with(additionalSecretNames)));
    }

    /**
     * Reads fields through their method handles one by one instead of a compiled reader: the
     * path taken when a reader cannot be compiled, kept reachable so tests cover it.
     */
    EscaperBuilder withoutCompiledReaders() {
        compileReaders = false;
        return this;
    }

    /**
     * Escapes every graph with the full walk alone: the fast walk must give every graph it takes
     * the full walk's result, which the tests that compare the two show.
     */
    EscaperBuilder withoutFastWalk() {
        fastWalk = false;
        return this;
    }

    private static void requireUnset(boolean unset, String setting, Object current) {
        if (!unset) {
            throw new IllegalStateException(setting + " was already set to " + current);
        }
    }
}
