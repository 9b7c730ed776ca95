package dev.htmlescape;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds a {@link Coverage} from declared types, deciding each path by the rules the walker
 * applies to instances: {@link TypeClassifier} for what a class is, the walker's choice of fields
 * and of {@code @Escape} and {@code @NoEscape}, and which holders can take a rebuilt value.
 * Iterative, like the walk.
 */
final class CoverageScanner {

    /**
     * A value of a declared type at a path, waiting to be looked at; or, with {@code decided}, a
     * path whose entry its holder already knows, waiting for its turn in the walker's order.
     */
    private record Item(String path, Type type, Map<TypeVariable<?>, Type> bindings, EscapeContext context,
            String unwritable, Ancestors ancestors, Coverage.Entry decided) {

        Item(String path, Type type, Map<TypeVariable<?>, Type> bindings, EscapeContext context, String unwritable,
                Ancestors ancestors) {
            this(path, type, bindings, context, unwritable, ancestors, null);
        }

        static Item decided(String path, Type type, Coverage.Treatment treatment, String reason) {
            return new Item(path, type, Map.of(), null, null, null, new Coverage.Entry(path, treatment, null, reason));
        }
    }

    /** The classes expanded on the way to an item, so that a recursive type ends. */
    private record Ancestors(Class<?> type, Ancestors parent) {
        boolean contains(Class<?> candidate) {
            for (Ancestors a = this; a != null; a = a.parent) {
                if (a.type == candidate) {
                    return true;
                }
            }
            return false;
        }
    }

    private final Policy policy;
    private final List<Coverage.Entry> entries = new ArrayList<>();
    /** Depth first, in the walker's order: the children of an item are pushed in reverse. */
    private final Deque<Item> pending = new ArrayDeque<>();

    private CoverageScanner(Policy policy) {
        this.policy = policy;
    }

    static Coverage scan(Type root, Policy policy) {
        CoverageScanner scanner = new CoverageScanner(policy);
        scanner.pending.push(new Item(Messages.rootName(rawClass(root, Map.of())), root, Map.of(), null, null, null));
        while (!scanner.pending.isEmpty()) {
            scanner.look(scanner.pending.pop());
        }
        return new Coverage(root, scanner.entries);
    }

    private void look(Item item) {
        if (item.decided() != null) {
            entries.add(item.decided());
            return;
        }
        Class<?> raw = rawClass(item.type(), item.bindings());
        if (raw == String.class) {
            if (item.unwritable() != null) {
                add(item.path(), Coverage.Treatment.NOT_WRITABLE, null, item.unwritable());
            } else {
                EscapeContext context = item.context() != null ? item.context() : policy.defaultContext();
                add(item.path(), Coverage.Treatment.ESCAPED, context, null);
            }
            return;
        }
        if (raw.isPrimitive() || raw.isEnum() || raw.isArray() && raw.getComponentType().isPrimitive()) {
            return;
        }
        String declined = TypeClassifier.declineReason(raw);
        if (declined != null) {
            add(item.path(), Coverage.Treatment.NOT_ENTERED, null, raw.getName() + " is " + declined);
            return;
        }
        if (raw == Object.class || raw.isInterface() && !isContainerInterface(raw)) {
            add(item.path(), Coverage.Treatment.AT_RUN_TIME, null, "declared " + raw.getName()
                    + ", so what it holds is decided by the object there");
            return;
        }
        switch (TypeClassifier.kindOf(raw)) {
            case OPAQUE -> notEntered(item, raw);
            case BEAN -> expandBean(item, raw);
            case RECORD -> expandRecord(item, raw);
            case ARRAY -> push(item.path() + "[]", elementType(item.type(), item.bindings()), item.bindings(),
                    item.context(), null, item.ancestors());
            case LIST, SET, COLLECTION -> push(item.path() + "[]",
                    typeArgument(item.type(), item.bindings(), Collection.class, 0), item.bindings(), item.context(),
                    copiedIfImmutable(item, raw), item.ancestors());
            case MAP -> expandMap(item, raw);
            case OPTIONAL -> push(item.path() + "?", typeArgument(item.type(), item.bindings(), Optional.class, 0),
                    item.bindings(), item.context(), item.unwritable(), item.ancestors());
            default -> throw new AssertionError(raw);
        }
    }

    private void notEntered(Item item, Class<?> raw) {
        if (raw.isAnnotationPresent(NoEscape.class)) {
            add(item.path(), Coverage.Treatment.LEFT_ALONE, null, "type " + raw.getName() + " is @NoEscape");
            return;
        }
        if (isTextOfTheJdk(raw)) {
            add(item.path(), Coverage.Treatment.NOT_ENTERED, null, jdkNotEntered(raw));
        }
        // every other JDK value (numbers, dates, UUID, Class) holds no text of a user's
    }

    /** JDK classes that hold text or reach objects that may, which a reader of the report would look for. */
    private static boolean isTextOfTheJdk(Class<?> type) {
        return CharSequence.class.isAssignableFrom(type) && type != String.class || Thread.class.isAssignableFrom(type)
                || ClassLoader.class.isAssignableFrom(type);
    }

    private static String jdkNotEntered(Class<?> type) {
        return type.getName() + " is a class of the JDK, whose objects are not entered: only String is escaped";
    }

    /** The ancestors of {@code item}'s children; {@code null} if {@code raw} is expanded above already. */
    private static Ancestors entered(Item item, Class<?> raw) {
        if (item.ancestors() != null && item.ancestors().contains(raw)) {
            return null;
        }
        return new Ancestors(raw, item.ancestors());
    }

    private void expandBean(Item item, Class<?> raw) {
        Ancestors ancestors = entered(item, raw);
        if (ancestors == null) {
            return;
        }
        Map<TypeVariable<?>, Type> bindings = bindingsOf(item.type(), item.bindings());
        List<Item> children = new ArrayList<>();
        List<Item> textChildren = new ArrayList<>();
        for (Class<?> c = raw; c != null && !TypeClassifier.isJdk(c); c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers()) || field.isSynthetic()) {
                    continue;
                }
                String path = item.path() + "." + field.getName();
                Item child;
                if (field.isAnnotationPresent(NoEscape.class)) {
                    child = Item.decided(path, field.getType(), Coverage.Treatment.LEFT_ALONE,
                            "@NoEscape on field " + c.getSimpleName() + "." + field.getName());
                } else if (isSecret(field, field.getName())) {
                    child = Item.decided(path, field.getType(), Coverage.Treatment.SECRET, secretReason(field.getName()));
                } else if (TypeClassifier.neverEntered(field.getType())) {
                    if (!isTextOfTheJdk(field.getType())) {
                        continue;
                    }
                    child = Item.decided(path, field.getType(), Coverage.Treatment.NOT_ENTERED,
                            jdkNotEntered(field.getType()));
                } else {
                    EscapeContext context = ClassPlans.fieldContext(field, raw);
                    String unwritable = Modifier.isFinal(field.getModifiers())
                            ? "final field of " + c.getName() + ", which is not a record" : null;
                    child = new Item(path, field.getGenericType(), bindings, context, unwritable, ancestors);
                }
                // as the walker does: fields declared String first
                (field.getType() == String.class ? textChildren : children).add(child);
            }
        }
        textChildren.addAll(children);
        pushAll(textChildren);
    }

    private void expandRecord(Item item, Class<?> raw) {
        Ancestors ancestors = entered(item, raw);
        if (ancestors == null) {
            return;
        }
        Map<TypeVariable<?>, Type> bindings = bindingsOf(item.type(), item.bindings());
        List<Item> children = new ArrayList<>();
        for (RecordComponent component : raw.getRecordComponents()) {
            String path = item.path() + "." + component.getName();
            if (component.isAnnotationPresent(NoEscape.class)) {
                children.add(Item.decided(path, component.getType(), Coverage.Treatment.LEFT_ALONE,
                        "@NoEscape on component " + raw.getSimpleName() + "." + component.getName()));
                continue;
            }
            if (TypeClassifier.neverEntered(component.getType())) {
                continue;
            }
            if (isSecret(component, component.getName())) {
                children.add(Item.decided(path, component.getType(), Coverage.Treatment.SECRET,
                        secretReason(component.getName())));
                continue;
            }
            EscapeContext context = ClassPlans.componentContext(component);
            // a record is rebuilt: its text can be written only where the record itself can be replaced
            children.add(new Item(path, component.getGenericType(), bindings, context, item.unwritable(), ancestors));
        }
        pushAll(children);
    }

    private boolean isSecret(AnnotatedElement element, String name) {
        return ClassPlans.isSecret(element, name, policy.secretNames());
    }

    private static String secretReason(String name) {
        return "\"" + name + "\" is named like a credential, so it is left exactly as typed";
    }

    private void expandMap(Item item, Class<?> raw) {
        Type keyType = typeArgument(item.type(), item.bindings(), Map.class, 0);
        Type valueType = typeArgument(item.type(), item.bindings(), Map.class, 1);
        String copied = copiedIfImmutable(item, raw);
        List<Item> children = new ArrayList<>();
        if (policy.escapeMapKeys()) {
            children.add(new Item(item.path() + "{key}", keyType, item.bindings(), item.context(), copied,
                    item.ancestors()));
        } else if (rawClass(keyType, item.bindings()) == String.class) {
            children.add(Item.decided(item.path() + "{key}", keyType, Coverage.Treatment.LEFT_ALONE,
                    "map keys are not escaped (escapeMapKeys(false))"));
        }
        children.add(new Item(item.path() + "{value}", valueType, item.bindings(), item.context(), copied,
                item.ancestors()));
        pushAll(children);
    }

    /**
     * Why the contents of a container cannot be written when it is of a type that is always
     * copied (Guava's immutable ones) and its holder cannot take the copy; {@code null} otherwise.
     * A container declared with a JDK interface may be mutable: the walker then writes it in place.
     */
    private String copiedIfImmutable(Item item, Class<?> raw) {
        return LibraryCopies.isImmutable(raw) || policy.copyOf(raw) != null ? item.unwritable() : null;
    }

    private void push(String path, Type type, Map<TypeVariable<?>, Type> bindings, EscapeContext context,
            String unwritable, Ancestors ancestors) {
        pending.push(new Item(path, type, bindings, context, unwritable, ancestors));
    }

    private void pushAll(List<Item> inOrder) {
        for (int i = inOrder.size() - 1; i >= 0; i--) {
            pending.push(inOrder.get(i));
        }
    }

    private void add(String path, Coverage.Treatment treatment, EscapeContext context, String reason) {
        entries.add(new Coverage.Entry(path, treatment, context, reason));
    }

    private static boolean isContainerInterface(Class<?> type) {
        return Collection.class.isAssignableFrom(type) || Map.class.isAssignableFrom(type);
    }

    // ---- generics: what a declared type is, with the type variables of its holders bound ----

    /** The class of {@code type}; an unbound type variable or a wildcard stands for its first bound. */
    static Class<?> rawClass(Type type, Map<TypeVariable<?>, Type> bindings) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p) {
            return (Class<?>) p.getRawType();
        }
        if (type instanceof GenericArrayType array) {
            return rawClass(array.getGenericComponentType(), bindings).arrayType();
        }
        if (type instanceof TypeVariable<?> variable) {
            Type bound = bindings.get(variable);
            return rawClass(bound != null ? bound : variable.getBounds()[0], bindings);
        }
        if (type instanceof WildcardType wildcard) {
            return rawClass(wildcard.getUpperBounds()[0], bindings);
        }
        return Object.class;
    }

    private static Type resolve(Type type, Map<TypeVariable<?>, Type> bindings) {
        if (type instanceof TypeVariable<?> variable && bindings.containsKey(variable)) {
            return bindings.get(variable);
        }
        if (type instanceof WildcardType wildcard) {
            return resolve(wildcard.getUpperBounds()[0], bindings);
        }
        return type;
    }

    /** The type variables of {@code type}'s class and of its superclasses, bound as {@code type} binds them. */
    private static Map<TypeVariable<?>, Type> bindingsOf(Type type, Map<TypeVariable<?>, Type> outer) {
        Map<TypeVariable<?>, Type> bindings = new HashMap<>(outer);
        Type current = resolve(type, outer);
        while (current != null) {
            Class<?> raw = rawClass(current, bindings);
            if (current instanceof ParameterizedType p) {
                TypeVariable<?>[] variables = raw.getTypeParameters();
                Type[] arguments = p.getActualTypeArguments();
                for (int i = 0; i < variables.length; i++) {
                    bindings.put(variables[i], resolve(arguments[i], bindings));
                }
            }
            current = raw.getGenericSuperclass();
        }
        return bindings;
    }

    private static Type elementType(Type arrayType, Map<TypeVariable<?>, Type> bindings) {
        Type resolved = resolve(arrayType, bindings);
        if (resolved instanceof GenericArrayType array) {
            return array.getGenericComponentType();
        }
        return rawClass(resolved, bindings).getComponentType();
    }

    /**
     * The type {@code type} gives the {@code index}th type parameter of {@code target}, one of its
     * supertypes ({@code Collection}, {@code Map}, {@code Optional}); {@code Object} where it gives none
     * (a raw type).
     */
    static Type typeArgument(Type type, Map<TypeVariable<?>, Type> outer, Class<?> target, int index) {
        Deque<Type> toSearch = new ArrayDeque<>();
        toSearch.push(resolve(type, outer));
        Map<TypeVariable<?>, Type> bindings = new HashMap<>(outer);
        while (!toSearch.isEmpty()) {
            Type current = toSearch.pop();
            Class<?> raw = rawClass(current, bindings);
            if (current instanceof ParameterizedType p) {
                TypeVariable<?>[] variables = raw.getTypeParameters();
                Type[] arguments = p.getActualTypeArguments();
                for (int i = 0; i < variables.length; i++) {
                    bindings.put(variables[i], resolve(arguments[i], bindings));
                }
            }
            if (raw == target) {
                TypeVariable<?> variable = target.getTypeParameters()[index];
                Type bound = bindings.get(variable);
                return bound != null ? bound : Object.class;
            }
            if (!target.isAssignableFrom(raw)) {
                continue;
            }
            if (raw.getGenericSuperclass() != null) {
                toSearch.push(raw.getGenericSuperclass());
            }
            for (Type implemented : raw.getGenericInterfaces()) {
                toSearch.push(implemented);
            }
        }
        return Object.class;
    }
}
