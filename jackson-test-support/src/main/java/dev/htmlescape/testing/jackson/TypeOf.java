package dev.htmlescape.testing.jackson;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.Objects;

/**
 * A generic type captured by a subclass, as Jackson's {@code TypeReference} does, for tables
 * that know neither Jackson line: {@code new TypeOf<List<Block>>() { }.type()}.
 *
 * @param <T> the type
 */
public abstract class TypeOf<T> {

    private final Type type;

    protected TypeOf() {
        this.type = ((ParameterizedType) getClass().getGenericSuperclass()).getActualTypeArguments()[0];
    }

    /** The captured type. */
    public Type type() {
        return type;
    }

    /**
     * {@code type} with every {@link JsonTree} replaced by {@code tree}, the line's {@code JsonNode}.
     *
     * @param type a class or a parameterized type
     * @param tree the class that stands in for {@code JsonTree}
     * @return the resolved type, which both lines' {@code TypeFactory.constructType} take
     */
    public static Type resolve(Type type, Class<?> tree) {
        if (type == JsonTree.class) {
            return tree;
        }
        if (!(type instanceof ParameterizedType)) {
            return type;
        }
        ParameterizedType parameterized = (ParameterizedType) type;
        Type[] arguments = parameterized.getActualTypeArguments().clone();
        boolean changed = false;
        for (int i = 0; i < arguments.length; i++) {
            Type resolved = resolve(arguments[i], tree);
            changed |= resolved != arguments[i];
            arguments[i] = resolved;
        }
        return changed ? new Resolved((Class<?>) parameterized.getRawType(), parameterized.getOwnerType(), arguments)
                : type;
    }

    /** A parameterized type with the line's tree class in it. */
    private record Resolved(Class<?> raw, Type owner, Type[] arguments) implements ParameterizedType {
        @Override
        public Type[] getActualTypeArguments() {
            return arguments.clone();
        }

        @Override
        public Type getRawType() {
            return raw;
        }

        @Override
        public Type getOwnerType() {
            return owner;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof ParameterizedType p && raw.equals(p.getRawType())
                    && Objects.equals(owner, p.getOwnerType()) && Arrays.equals(arguments, p.getActualTypeArguments());
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(arguments) ^ Objects.hashCode(owner) ^ raw.hashCode();
        }

        @Override
        public String toString() {
            return raw.getTypeName() + Arrays.stream(arguments).map(Type::getTypeName)
                    .collect(java.util.stream.Collectors.joining(", ", "<", ">"));
        }
    }
}
