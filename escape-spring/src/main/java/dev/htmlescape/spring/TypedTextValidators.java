package dev.htmlescape.spring;

import dev.htmlescape.TypedText;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorFactory;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.util.ClassUtils;

/**
 * A Bean Validation {@link ConstraintValidatorFactory} whose validators judge text this library
 * escaped as it was typed: each validator the delegate makes is handed, for a String value, its
 * {@link TypedText}. Validation that runs after escaping (an entity validated before insert, a
 * {@code @Validated} service) then accepts {@code O'Brien} for a {@code @Pattern} that allows an
 * apostrophe, and a 30-character name for {@code @Size(max = 30)}, though both grew when escaped.
 * Text that did not come from this library's escaping is judged as it is.
 *
 * <p>Thread-safety: as thread-safe as the delegate; the validators it returns are as thread-safe as
 * the delegate's.
 */
final class TypedTextValidators implements ConstraintValidatorFactory {

    private static final System.Logger LOG = System.getLogger("dev.htmlescape.spring");
    private static final Set<Class<?>> UNPROXYABLE = ConcurrentHashMap.newKeySet();

    private final ConstraintValidatorFactory delegate;

    TypedTextValidators(ConstraintValidatorFactory delegate) {
        this.delegate = delegate;
    }

    @Override
    public <T extends ConstraintValidator<?, ?>> T getInstance(Class<T> key) {
        T validator = delegate.getInstance(key);
        return validator == null ? null : judgingTypedText(validator);
    }

    @Override
    public void releaseInstance(ConstraintValidator<?, ?> instance) {
        delegate.releaseInstance(instance != null && Proxy.isProxyClass(instance.getClass())
                && Proxy.getInvocationHandler(instance) instanceof JudgingTypedText judging ? judging.validator : instance);
    }

    /**
     * The validator behind a proxy of all its interfaces (Hibernate Validator's own initialisation
     * interface among them), so that it is initialised and called as it would be itself.
     */
    @SuppressWarnings("unchecked")
    private static <T extends ConstraintValidator<?, ?>> T judgingTypedText(T validator) {
        ClassLoader loader = validator.getClass().getClassLoader();
        Class<?>[] interfaces = ClassUtils.getAllInterfacesForClass(validator.getClass(), loader);
        try {
            return (T) Proxy.newProxyInstance(loader, interfaces, new JudgingTypedText(validator));
        } catch (IllegalArgumentException notProxyable) {
            // a package-private interface of another package, say: judged as escaped, and said so
            if (UNPROXYABLE.add(validator.getClass())) {
                LOG.log(System.Logger.Level.WARNING, "html-escape: the constraint validator {0} cannot be wrapped ({1});"
                        + " it judges escaped text, not the text as typed", validator.getClass().getName(),
                        notProxyable.getMessage());
            }
            return validator;
        }
    }

    private static final class JudgingTypedText implements InvocationHandler {

        private final ConstraintValidator<?, ?> validator;

        JudgingTypedText(ConstraintValidator<?, ?> validator) {
            this.validator = validator;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            if (method.getDeclaringClass() == Object.class) {
                return BootInterfaces.objectMethod(proxy, method, args, "typed text of " + validator);
            }
            if (method.getName().equals("isValid") && args != null && args.length == 2 && args[0] instanceof String text) {
                args[0] = TypedText.of(text);
            }
            try {
                return method.invoke(validator, args);
            } catch (InvocationTargetException thrown) {
                throw thrown.getCause();
            }
        }
    }
}
