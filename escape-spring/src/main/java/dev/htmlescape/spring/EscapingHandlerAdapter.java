package dev.htmlescape.spring;

import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Method;
import java.util.List;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.method.annotation.InitBinderDataBinderFactory;
import org.springframework.web.method.support.InvocableHandlerMethod;
import org.springframework.web.method.support.HandlerMethodArgumentResolverComposite;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;
import org.springframework.web.servlet.mvc.method.annotation.ServletInvocableHandlerMethod;

/**
 * Spring MVC's handler adapter, but each handler method escapes its request arguments after Spring
 * has resolved and validated them and before the method runs: the one point where every argument
 * exists, validation has judged the raw text, and an immutable argument can still be replaced. For a
 * controller behind an AOP proxy that point is inside the proxy, after its advice (see
 * {@link InnermostEscaping}).
 */
final class EscapingHandlerAdapter extends RequestMappingHandlerAdapter {

    private final RequestInputEscaper inputs;
    private final InnermostEscaping innermost = new InnermostEscaping();
    private HandlerMethodArgumentResolverComposite resolvers;

    EscapingHandlerAdapter(RequestInputEscaper inputs) {
        this.inputs = inputs;
    }

    @Override
    public void afterPropertiesSet() {
        if (inputs.jacksonEscapesWhileReading()) {
            setMessageConverters(JacksonReaders.escapingWhileReading(getMessageConverters(), inputs.escaper()));
        }
        super.afterPropertiesSet();
        // the same resolvers in the same order as the adapter's own, to learn which one each parameter gets
        resolvers = new HandlerMethodArgumentResolverComposite().addResolvers(getArgumentResolvers());
        inputs.messageConvertersChosen(getMessageConverters());
    }

    @Override
    protected InitBinderDataBinderFactory createDataBinderFactory(List<InvocableHandlerMethod> binderMethods) {
        return new ModelAttributeBinding(binderMethods, getWebBindingInitializer(), inputs);
    }

    /** The argument resolvers in the adapter's order, once it is initialised; {@code null} before. */
    HandlerMethodArgumentResolverComposite resolvers() {
        return resolvers;
    }

    @Override
    protected ServletInvocableHandlerMethod createInvocableHandlerMethod(HandlerMethod handlerMethod) {
        return new EscapingHandlerMethod(handlerMethod, inputs, resolvers, innermost);
    }

    /** One invocation of a handler method: created per request by the adapter. */
    private static final class EscapingHandlerMethod extends ServletInvocableHandlerMethod
            implements InnermostEscaping.Pending {

        private final RequestInputEscaper inputs;
        private final HandlerMethodArgumentResolverComposite resolvers;
        private final InnermostEscaping innermost;
        /** The handler method as registered, the same on every request: the key of its plan. */
        private final HandlerMethod registered;
        private HttpServletRequest request;
        private ModelAndViewContainer model;

        EscapingHandlerMethod(HandlerMethod handlerMethod, RequestInputEscaper inputs,
                HandlerMethodArgumentResolverComposite resolvers, InnermostEscaping innermost) {
            super(handlerMethod);
            this.innermost = innermost;
            this.registered = RequestInputEscaper.registered(handlerMethod);
            this.inputs = inputs;
            this.resolvers = resolvers;
        }

        @Override
        public void invokeAndHandle(ServletWebRequest webRequest, ModelAndViewContainer mavContainer,
                Object... providedArgs) throws Exception {
            this.request = webRequest.getRequest();
            this.model = mavContainer;
            // the model as @ModelAttribute methods and the session left it, before any argument is bound
            inputs.noteModelAttributes(registered, resolvers, mavContainer, request);
            super.invokeAndHandle(webRequest, mavContainer, providedArgs);
        }

        @Override
        protected Object doInvoke(Object... args) throws Exception {
            // called after argument resolution and Spring MVC's own validation
            if (request == null) {
                return super.doInvoke(args);
            }
            if (innermost.runsInside(getBean())) {
                // the proxy's advice (method validation among them) sees the arguments as typed
                return innermost.around(this, () -> super.doInvoke(args));
            }
            escape(args);
            return super.doInvoke(args);
        }

        @Override
        public Method method() {
            return getMethod();
        }

        @Override
        public void escape(Object[] arguments) {
            inputs.escapeArguments(registered, resolvers, arguments, request, model);
        }
    }
}
