package dev.htmlescape;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.RandomAccess;
import java.util.WeakHashMap;
import java.util.function.Function;

/**
 * The {@link ClassPlan} of each class, computed on first use and cached for the life of the
 * {@link Escaper}. A {@link ClassValue} keeps the plan with the class, so it does not keep the
 * class's loader alive. Not final, so that a test can plant a plan whose reader fails as a bug of
 * the walk would.
 */
class ClassPlans extends ClassValue<ClassPlan> {

    private static final MethodType GETTER = MethodType.methodType(Object.class, Object.class);
    private static final MethodType SETTER = MethodType.methodType(void.class, Object.class, Object.class);
    private static final MethodType CONSTRUCTOR = MethodType.methodType(Object.class, Object[].class);

    private final Policy policy;

    ClassPlans(Policy policy) {
        this.policy = policy;
    }

    @Override
    protected ClassPlan computeValue(Class<?> type) {
        NodeKind kind = TypeClassifier.kindOf(type);
        switch (kind) {
            case BEAN:
            case RECORD:
                try {
                    MethodHandles.Lookup lookup = lookupFor(type);
                    return kind == NodeKind.BEAN ? beanPlan(type, lookup) : recordPlan(type, lookup);
                } catch (IllegalAccessException e) {
                    return new ClassPlan.Unreadable(type, kind, Messages.notOpen(type));
                }
            case LIST:
            case SET:
            case COLLECTION:
            case MAP:
                Function<Object, Object> registered = policy.copyOf(type);
                return new ClassPlan.Container(type, kind,
                        registered != null ? ContainerMode.UNMODIFIABLE_COPY : TypeClassifier.containerMode(type),
                        TypeClassifier.isContentPlaced(type), WeakHashMap.class.isAssignableFrom(type),
                        isIndexedList(type), textFieldsOf(type),
                        registered != null ? registered : LibraryCopies.factoryFor(type));
            case OPAQUE:
                String declined = TypeClassifier.declineReason(type);
                return declined != null && TypeClassifier.reportsDecline(type)
                        ? new ClassPlan.Declined(type, declined) : new ClassPlan.Simple(type, kind);
            default:
                return new ClassPlan.Simple(type, kind);
        }
    }

    private MethodHandles.Lookup lookupFor(Class<?> type) throws IllegalAccessException {
        Module module = type.getModule();
        for (MethodHandles.Lookup given : policy.lookups()) {
            if (given.lookupClass().getModule() == module) {
                return MethodHandles.privateLookupIn(type, given);
            }
        }
        // a named module reads only what it requires; reflection on user classes needs the edge
        ClassPlans.class.getModule().addReads(module);
        return MethodHandles.privateLookupIn(type, MethodHandles.lookup());
    }

    private ClassPlan beanPlan(Class<?> type, MethodHandles.Lookup lookup) throws IllegalAccessException {
        List<FieldSlot> slots = new ArrayList<>();
        for (Class<?> c = type; c != null && !TypeClassifier.isJdk(c); c = c.getSuperclass()) {
            MethodHandles.Lookup declaring;
            try {
                declaring = c == type ? lookup : lookupFor(c);
            } catch (IllegalAccessException e) {
                return new ClassPlan.Unreadable(type, NodeKind.BEAN, Messages.notOpen(c));
            }
            for (Field field : c.getDeclaredFields()) {
                if (!mayHoldText(field) || isSecret(field)) {
                    continue;
                }
                int modifiers = field.getModifiers();
                EscapeContext context = fieldContext(field, type);
                MethodHandle getter = declaring.unreflectGetter(field).asType(GETTER);
                MethodHandle setter = Modifier.isFinal(modifiers)
                        ? null : declaring.unreflectSetter(field).asType(SETTER);
                slots.add(new FieldSlot(type, field.getName(), field.getType(), false, context, getter, setter));
            }
        }
        // fields declared String first: a bean's own text is escaped before anything below it is
        // entered, so a set that reaches the bean again through a cycle hashes its escaped text
        slots.sort(Comparator.comparing((FieldSlot slot) -> !slot.string));
        FieldSlot[] fields = slots.toArray(new FieldSlot[0]);
        return new ClassPlan.Bean(type, fields, SlotReaders.of(type, fields, policy.compileReaders()));
    }

    private static boolean isIndexedList(Class<?> type) {
        return List.class.isAssignableFrom(type) && RandomAccess.class.isAssignableFrom(type)
                && TypeClassifier.isJdk(type);
    }

    private boolean isSecret(Field field) {
        return isSecret(field, field.getName(), policy.secretNames());
    }

    private boolean isSecret(RecordComponent component) {
        return isSecret(component, component.getName(), policy.secretNames());
    }

    /**
     * Whether a field or component is named like a credential and has no {@code @Escape} of its
     * own: left as typed, by the walk and in the coverage report alike.
     */
    static boolean isSecret(AnnotatedElement element, String name, SecretNames secretNames) {
        return !element.isAnnotationPresent(Escape.class) && secretNames.matches(name);
    }

    /** Whether a field may hold text the walker would look at. */
    private static boolean mayHoldText(Field field) {
        return !Modifier.isStatic(field.getModifiers()) && !field.isSynthetic()
                && !field.isAnnotationPresent(NoEscape.class)
                && !TypeClassifier.neverEntered(field.getType());
    }

    /**
     * The fields declared {@code String} or {@code String[]} outside the JDK's part of a container
     * class's hierarchy: text of its own beside its elements. Fields of other types are taken for
     * its storage (the map a framework's map class delegates to, a library's element array), which
     * the walk reaches through the container's own methods.
     */
    private static String textFieldsOf(Class<?> type) {
        List<String> names = new ArrayList<>();
        for (Class<?> c = type; c != null && !TypeClassifier.isJdk(c); c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                if (mayHoldText(field) && (field.getType() == String.class || field.getType() == String[].class)) {
                    names.add(field.getName());
                }
            }
        }
        return names.isEmpty() ? null : String.join(", ", names);
    }

    private ClassPlan recordPlan(Class<?> type, MethodHandles.Lookup lookup) throws IllegalAccessException {
        RecordComponent[] recordComponents = type.getRecordComponents();
        FieldSlot[] slots = new FieldSlot[recordComponents.length];
        Class<?>[] parameterTypes = new Class<?>[recordComponents.length];
        for (int i = 0; i < recordComponents.length; i++) {
            RecordComponent component = recordComponents[i];
            parameterTypes[i] = component.getType();
            // read the private field, not the accessor, which may be overridden to return a copy
            MethodHandle getter = componentField(type, component, lookup);
            boolean excluded = component.isAnnotationPresent(NoEscape.class)
                    || TypeClassifier.neverEntered(component.getType()) || isSecret(component);
            EscapeContext context = componentContext(component);
            slots[i] = new FieldSlot(type, component.getName(), component.getType(), excluded, context, getter, null);
        }
        MethodHandle constructor;
        try {
            constructor = lookup.findConstructor(type, MethodType.methodType(void.class, parameterTypes));
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("a record always has a canonical constructor", e);
        }
        constructor = constructor.asSpreader(Object[].class, parameterTypes.length).asType(CONSTRUCTOR);
        return new ClassPlan.Record(type, slots, SlotReaders.of(type, slots, policy.compileReaders()), constructor);
    }

    private static MethodHandle componentField(Class<?> type, RecordComponent component,
            MethodHandles.Lookup lookup) throws IllegalAccessException {
        try {
            return lookup.findGetter(type, component.getName(), component.getType()).asType(GETTER);
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException("a record always has a field per component", e);
        }
    }

    /**
     * The context of a field's Strings, and of those in a container it holds, in an instance of
     * {@code runtimeType}: the field's {@code @Escape}, else its declaring class's, else the runtime
     * class's; {@code null} for the walk's default. The coverage report decides by the same rule.
     */
    static EscapeContext fieldContext(Field field, Class<?> runtimeType) {
        return firstNonNull(contextOf(field), contextOf(field.getDeclaringClass()), contextOf(runtimeType));
    }

    /** The context of a record component's Strings: its {@code @Escape}, else its record's; {@code null} for the default. */
    static EscapeContext componentContext(RecordComponent component) {
        return firstNonNull(contextOf(component), contextOf(component.getDeclaringRecord()), null);
    }

    private static EscapeContext contextOf(AnnotatedElement element) {
        Escape escape = element.getAnnotation(Escape.class);
        return escape == null ? null : escape.value();
    }

    private static EscapeContext firstNonNull(EscapeContext a, EscapeContext b, EscapeContext c) {
        return a != null ? a : b != null ? b : c;
    }
}
