package dev.htmlescape.spring;

import java.lang.reflect.Type;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

/**
 * Sees each request body as soon as it is read, before validation: escapes it there when bodies are
 * escaped while read, and notes a body that a Jackson mapper with the htmlescape module has already
 * escaped, so that it is escaped exactly once.
 */
@ControllerAdvice
final class BodyReadAdvice extends RequestBodyAdviceAdapter {

    private final RequestInputEscaper inputs;

    BodyReadAdvice(RequestInputEscaper inputs) {
        this.inputs = inputs;
    }

    @Override
    public boolean supports(MethodParameter methodParameter, Type targetType,
            Class<? extends HttpMessageConverter<?>> converterType) {
        return inputs.watchesBodiesReadBy(converterType);
    }

    @Override
    public Object afterBodyRead(Object body, HttpInputMessage inputMessage, MethodParameter parameter, Type targetType,
            Class<? extends HttpMessageConverter<?>> converterType) {
        if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
            return body;
        }
        return inputs.bodyRead(body, parameter, converterType, attributes.getRequest());
    }
}
