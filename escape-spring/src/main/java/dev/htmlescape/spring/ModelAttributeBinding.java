package dev.htmlescape.spring;

import dev.htmlescape.Escape;
import dev.htmlescape.EscapeContext;
import dev.htmlescape.Escaper;
import dev.htmlescape.NoEscape;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.beans.MutablePropertyValues;
import org.springframework.beans.PropertyValue;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.validation.AbstractPropertyBindingResult;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.MessageCodesResolver;
import org.springframework.web.bind.ServletRequestDataBinder;
import org.springframework.web.bind.support.WebBindingInitializer;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.InvocableHandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.ExtendedServletRequestDataBinder;
import org.springframework.web.servlet.mvc.method.annotation.ServletRequestDataBinderFactory;

/**
 * The binders of the model attributes this library escapes.
 *
 * <p><b>Shown as typed.</b> A form rendered from such a binder's result ({@code th:field}, Spring's
 * form tags) reads each String field the library escapes with its HTML references decoded once
 * ({@link ShownAsTyped}), and encodes it once itself: an edit form of stored text shows
 * {@code O'Brien}, and sends back what was typed, which is escaped once again, not twice. Fields the
 * library leaves alone ({@code @NoEscape}, credentials) are shown as they are.
 *
 * <p><b>Loaded before binding.</b> Into a model attribute that was in the model before the request
 * was bound (loaded by a {@code @ModelAttribute} method, as an entity from the database, or kept in
 * the session) only the values the request binds are escaped, as they are bound. The rest of such
 * an object did not come from this request; it was stored escaped already, and walking it would
 * escape it again, or stop at what a persistence library put in it.
 *
 * <p>Thread-safety: the factory is shared; a binder serves one argument of one request.
 */
final class ModelAttributeBinding extends ServletRequestDataBinderFactory {

    private final RequestInputEscaper inputs;

    ModelAttributeBinding(List<InvocableHandlerMethod> binderMethods, WebBindingInitializer initializer,
            RequestInputEscaper inputs) {
        super(binderMethods, initializer);
        this.inputs = inputs;
    }

    @Override
    protected ServletRequestDataBinder createBinderInstance(Object target, String objectName, NativeWebRequest request) {
        if (!(request.getNativeRequest() instanceof HttpServletRequest servlet)) {
            return new ExtendedServletRequestDataBinder(target, objectName);
        }
        EscapeContext escaped = inputs.modelAttributeContext(objectName, servlet);
        if (escaped == null) {
            return new ExtendedServletRequestDataBinder(target, objectName);
        }
        boolean preloaded = target != null && inputs.wasPreloaded(objectName, target, servlet);
        return new EscapingBinder(target, objectName, escaped, preloaded, inputs.escaper());
    }

    /** Escapes what it binds into a preloaded object, and shows escaped fields as typed. */
    private static final class EscapingBinder extends ExtendedServletRequestDataBinder {

        private final EscapeContext context;
        private final boolean escapeWhileBinding;
        private final Escaper escaper;
        private MessageCodesResolver messageCodes;

        EscapingBinder(Object target, String objectName, EscapeContext context, boolean escapeWhileBinding,
                Escaper escaper) {
            super(target, objectName);
            this.context = context;
            this.escapeWhileBinding = escapeWhileBinding;
            this.escaper = escaper;
        }

        @Override
        protected void doBind(MutablePropertyValues values) {
            if (escapeWhileBinding) {
                escape(values);
            }
            super.doBind(values);
        }

        private void escape(MutablePropertyValues values) {
            for (PropertyValue value : values.getPropertyValueList()) {
                EscapeContext own = contextOf(value.getName());
                if (own == null) {
                    continue;
                }
                if (value.getValue() instanceof String text) {
                    values.addPropertyValue(new PropertyValue(value.getName(), own.encode(text)));
                } else if (value.getValue() instanceof String[] texts) {
                    String[] escaped = new String[texts.length];
                    for (int i = 0; i < texts.length; i++) {
                        escaped[i] = own.encode(texts[i]);
                    }
                    values.addPropertyValue(new PropertyValue(value.getName(), escaped));
                }
            }
        }

        @Override
        public void setMessageCodesResolver(MessageCodesResolver messageCodesResolver) {
            // kept for the binding result made below, which the binder would otherwise configure itself
            this.messageCodes = messageCodesResolver;
            super.setMessageCodesResolver(messageCodesResolver);
        }

        @Override
        protected AbstractPropertyBindingResult createBeanPropertyBindingResult() {
            BeanPropertyBindingResult result = new ShownAsTypedResult(getTarget(), getObjectName(),
                    isAutoGrowNestedPaths(), getAutoGrowCollectionLimit());
            if (getConversionService() != null) {
                result.initConversion(getConversionService());
            }
            if (messageCodes != null) {
                result.setMessageCodesResolver(messageCodes);
            }
            return result;
        }

        /**
         * The context for the property at {@code path}, or {@code null} if it holds no text, opts out
         * or is a credential's.
         */
        private EscapeContext contextOf(String path) {
            TypeDescriptor type;
            try {
                if (!getPropertyAccessor().isWritableProperty(path)) {
                    return null;
                }
                type = getPropertyAccessor().getPropertyTypeDescriptor(path);
            } catch (RuntimeException notAProperty) {
                // a field marker, a parameter no property takes: binding ignores it too
                return null;
            }
            if (type == null || !holdsText(type) || type.hasAnnotation(NoEscape.class)) {
                return null;
            }
            Escape chosen = type.getAnnotation(Escape.class);
            if (chosen != null) {
                return chosen.value();
            }
            return escaper.isSecretName(lastSegment(path)) ? null : context;
        }

        /** {@code street} of {@code owner.addresses[0].street}. */
        private static String lastSegment(String path) {
            String property = path.endsWith("]") ? path.substring(0, path.lastIndexOf('[')) : path;
            return property.substring(property.lastIndexOf('.') + 1);
        }

        private static boolean holdsText(TypeDescriptor type) {
            if (type.getType() == String.class) {
                return true;
            }
            TypeDescriptor element = type.isArray() || type.isCollection() ? type.getElementTypeDescriptor() : null;
            return element != null && element.getType() == String.class;
        }

        /** The binding result forms are rendered from: the fields the library escapes, decoded once. */
        private final class ShownAsTypedResult extends BeanPropertyBindingResult {

            ShownAsTypedResult(Object target, String objectName, boolean autoGrowNestedPaths, int autoGrowCollectionLimit) {
                super(target, objectName, autoGrowNestedPaths, autoGrowCollectionLimit);
            }

            @Override
            protected Object formatFieldValue(String field, Object value) {
                Object formatted = super.formatFieldValue(field, value);
                return formatted instanceof String text && contextOf(fixedField(field)) != null
                        ? ShownAsTyped.decode(text) : formatted;
            }
        }
    }
}
