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
import org.springframework.web.bind.ServletRequestDataBinder;
import org.springframework.web.bind.support.WebBindingInitializer;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.InvocableHandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.ExtendedServletRequestDataBinder;
import org.springframework.web.servlet.mvc.method.annotation.ServletRequestDataBinderFactory;

/**
 * Binding into a model attribute that was in the model before the request was bound (loaded by a
 * {@code @ModelAttribute} method, as an entity from the database, or kept in the session): only
 * the values the request binds are escaped, as they are bound. The rest of such an object did not
 * come from this request; it was stored escaped already, and walking it would escape it again, or
 * stop at what a persistence library put in it.
 *
 * <p>Every binder it makes shows String fields as typed in the forms rendered from it
 * ({@link TypedTextEditor}).
 *
 * <p>Thread-safety: the factory is shared; a binder serves one argument of one request.
 */
final class PreloadedModelBinding extends ServletRequestDataBinderFactory {

    private final RequestInputEscaper inputs;

    PreloadedModelBinding(List<InvocableHandlerMethod> binderMethods, WebBindingInitializer initializer,
            RequestInputEscaper inputs) {
        super(binderMethods, binder -> {
            if (initializer != null) {
                initializer.initBinder(binder);
            }
            // after the settings that must come first, before the application's @InitBinder methods,
            // which may register a String editor of their own
            binder.registerCustomEditor(String.class, new TypedTextEditor());
        });
        this.inputs = inputs;
    }

    @Override
    protected ServletRequestDataBinder createBinderInstance(Object target, String objectName, NativeWebRequest request) {
        EscapeContext context = request.getNativeRequest() instanceof HttpServletRequest servlet
                ? inputs.preloadedContext(objectName, target, servlet) : null;
        return context == null ? new ExtendedServletRequestDataBinder(target, objectName)
                : new EscapingBinder(target, objectName, context, inputs.escaper());
    }

    /** Escapes each text value before it is bound into the preloaded object. */
    private static final class EscapingBinder extends ExtendedServletRequestDataBinder {

        private final EscapeContext context;
        private final Escaper escaper;

        EscapingBinder(Object target, String objectName, EscapeContext context, Escaper escaper) {
            super(target, objectName);
            this.context = context;
            this.escaper = escaper;
        }

        @Override
        protected void doBind(MutablePropertyValues values) {
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
            super.doBind(values);
        }

        /** The context for the property at {@code path}, or {@code null} if it holds no text or opts out. */
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
    }
}
