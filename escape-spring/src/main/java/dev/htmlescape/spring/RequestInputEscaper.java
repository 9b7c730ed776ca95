package dev.htmlescape.spring;

import dev.htmlescape.Escape;
import dev.htmlescape.EscapeContext;
import dev.htmlescape.Escaper;
import dev.htmlescape.NoEscape;
import dev.htmlescape.spi.AdapterSupport;
import dev.htmlescape.spi.AnnotationSource;
import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.BeanUtils;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.RequestEntity;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.RequestPath;
import org.springframework.util.ClassUtils;
import org.springframework.util.MultiValueMap;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.method.annotation.ModelFactory;
import org.springframework.web.method.support.HandlerMethodArgumentResolverComposite;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Escapes the arguments of a handler method that come from the request: bodies, bound model
 * attributes, request parameters, path and matrix variables, headers and cookies. Arguments that
 * Spring makes up itself (the request, the principal, a {@code Model}) and those of resolvers it
 * does not know are left alone.
 *
 * <p>Which argument is which is decided once per handler method, from the resolver Spring chose for
 * it and the {@link NoEscape} / {@link Escape} annotations on the parameter, the method and the
 * controller class.
 */
final class RequestInputEscaper {

    /** Request attribute: the model attributes escaped, by name, with their contexts and values before binding. */
    private static final String MODEL_ARGUMENTS = RequestInputEscaper.class.getName() + ".modelArguments";

    /** Request attribute: the body parameters already escaped while their body was read. */
    private static final String ESCAPED_WHILE_READ = RequestInputEscaper.class.getName() + ".escapedWhileRead";

    private final Escaper escaper;
    private final List<PathPattern> excludedPaths;
    private final boolean escapeBodiesWhileReading;
    private final boolean jacksonEscapesWhileReading;
    /**
     * By the handler method Spring registered: the same instance on every request, so a lookup is
     * an identity hit, not an {@code equals} of methods.
     */
    private final Map<HandlerMethod, ArgumentPlan[]> plans = new ConcurrentHashMap<>();
    private volatile Set<Class<?>> convertersThatEscape = Set.of();

    RequestInputEscaper(Escaper escaper, HtmlEscapeProperties properties) {
        this.escaper = escaper;
        this.excludedPaths = properties.getExcludePaths().stream().map(PathPatternParser.defaultInstance::parse).toList();
        this.escapeBodiesWhileReading = properties.getPhase() == HtmlEscapeProperties.Phase.WHILE_READING;
        this.jacksonEscapesWhileReading = properties.getJackson().isRequestBodies();
    }

    Escaper escaper() {
        return escaper;
    }

    /** Whether the JSON converters of request bodies get a copy of their mapper with the Jackson module. */
    boolean jacksonEscapesWhileReading() {
        return jacksonEscapesWhileReading;
    }

    /**
     * Remembers which message converters escape while they read (a Jackson mapper with the
     * htmlescape module), so the bodies they read are not escaped a second time.
     */
    void messageConvertersChosen(List<HttpMessageConverter<?>> converters) {
        convertersThatEscape = JacksonReaders.classesThatEscape(converters);
    }

    /** Whether the body advice has anything to do with a body read by {@code converterType}. */
    boolean watchesBodiesReadBy(Class<?> converterType) {
        return escapeBodiesWhileReading || convertersThatEscape.contains(converterType);
    }

    /**
     * A request body was just read, before validation: escapes it now if bodies are escaped while
     * read, and notes that it need not be escaped again.
     */
    Object bodyRead(Object body, MethodParameter parameter, Class<?> converterType, HttpServletRequest request) {
        if (convertersThatEscape.contains(converterType)) {
            markEscapedWhileRead(parameter, request);
            return body;
        }
        if (!escapeBodiesWhileReading) {
            return body;
        }
        markEscapedWhileRead(parameter, request);
        EscapeContext context = contextFor(parameter, parameter.getContainingClass());
        if (context == null || isExcluded(request)) {
            return body;
        }
        return escaper.escapeGraph(body, context);
    }

    /**
     * Escapes, in {@code arguments}, every argument that came from the request, just before the
     * handler method is called (after validation). A model attribute replaced by an escaped copy is
     * replaced in the model too.
     */
    void escapeArguments(HandlerMethod handler, HandlerMethodArgumentResolverComposite resolvers, Object[] arguments,
            HttpServletRequest request, ModelAndViewContainer model) {
        ArgumentPlan[] plan = planOf(handler, resolvers);
        if (plan.length == 0 || isExcluded(request)) {
            return;
        }
        for (int i = 0; i < arguments.length && i < plan.length; i++) {
            ArgumentPlan argument = plan[i];
            Object raw = arguments[i];
            if (argument == null || raw == null
                    || (argument.kind == InputSource.Kind.BODY && wasEscapedWhileRead(handler.getMethod(), i, request))
                    || (argument.kind == InputSource.Kind.MODEL_ATTRIBUTE && wasPreloaded(argument.modelName, raw, request))) {
                continue;
            }
            Object escaped = escape(argument, raw);
            if (escaped != raw) {
                arguments[i] = escaped;
                if (argument.kind == InputSource.Kind.MODEL_ATTRIBUTE && model != null) {
                    model.getModel().replaceAll((name, value) -> value == raw ? escaped : value);
                }
            }
        }
    }

    /**
     * Notes, before any argument of {@code handler} is resolved, its model attributes that this
     * library escapes, and which of them are in the model already ({@code @ModelAttribute} methods,
     * session attributes): those are escaped as the request is bound into them
     * ({@link ModelAttributeBinding}), not walked afterwards.
     */
    void noteModelAttributes(HandlerMethod handler, HandlerMethodArgumentResolverComposite resolvers,
            ModelAndViewContainer model, HttpServletRequest request) {
        if (isExcluded(request)) {
            return;
        }
        Map<String, ModelArgument> arguments = null;
        for (ArgumentPlan argument : planOf(handler, resolvers)) {
            if (argument != null && argument.modelName != null) {
                if (arguments == null) {
                    arguments = new HashMap<>();
                }
                arguments.put(argument.modelName, new ModelArgument(model.getModel().get(argument.modelName),
                        argument.context));
            }
        }
        if (arguments != null) {
            request.setAttribute(MODEL_ARGUMENTS, arguments);
        }
    }

    /** The context a model attribute of this request is escaped for, or {@code null} if it is not escaped. */
    EscapeContext modelAttributeContext(String name, HttpServletRequest request) {
        ModelArgument argument = modelArguments(request).get(name);
        return argument == null ? null : argument.context;
    }

    /** Whether {@code value} is the model attribute {@code name} as it was before binding. */
    boolean wasPreloaded(String name, Object value, HttpServletRequest request) {
        ModelArgument argument = modelArguments(request).get(name);
        return argument != null && argument.preloaded != null && argument.preloaded == value;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, ModelArgument> modelArguments(HttpServletRequest request) {
        Object noted = request.getAttribute(MODEL_ARGUMENTS);
        return noted == null ? Map.of() : (Map<String, ModelArgument>) noted;
    }

    /** @param preloaded the value in the model before binding, or {@code null} */
    private record ModelArgument(Object preloaded, EscapeContext context) {
    }

    private ArgumentPlan[] planOf(HandlerMethod handler, HandlerMethodArgumentResolverComposite resolvers) {
        HandlerMethod key = registered(handler);
        ArgumentPlan[] plan = plans.get(key);
        return plan != null ? plan : plans.computeIfAbsent(key, registeredMethod -> planFor(registeredMethod, resolvers));
    }

    private Object escape(ArgumentPlan argument, Object raw) {
        if (raw instanceof HttpHeaders headers) {
            return escapeHeaders(headers, argument.context);
        }
        if (raw instanceof HttpEntity<?> entity) {
            return escapeEntity(entity, argument.context);
        }
        return escaper.escapeGraph(raw, argument.context);
    }

    private HttpHeaders escapeHeaders(HttpHeaders headers, EscapeContext context) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        headers.forEach(values::put);
        Map<String, List<String>> escaped = escaper.escapeGraph(values, context);
        HttpHeaders copy = new HttpHeaders();
        escaped.forEach(copy::put);
        return copy;
    }

    private HttpEntity<?> escapeEntity(HttpEntity<?> entity, EscapeContext context) {
        Object body = entity.getBody();
        Object escapedBody = escaper.escapeGraph(body, context);
        if (escapedBody == body) {
            return entity;
        }
        if (entity instanceof RequestEntity<?> request) {
            return BeanUtils.instantiateClass(REQUEST_ENTITY_WITH_HEADERS, escapedBody, request.getHeaders(),
                    request.getMethod(), request.getUrl(), request.getType());
        }
        return BeanUtils.instantiateClass(HTTP_ENTITY_WITH_HEADERS, escapedBody, entity.getHeaders());
    }

    // Spring 7 takes HttpHeaders, Spring 6.2 (where HttpHeaders is a MultiValueMap) takes a MultiValueMap
    private static final Constructor<HttpEntity> HTTP_ENTITY_WITH_HEADERS = headersConstructor(HttpEntity.class,
            Object.class);
    @SuppressWarnings("rawtypes")
    private static final Constructor<RequestEntity> REQUEST_ENTITY_WITH_HEADERS = headersConstructor(
            RequestEntity.class, Object.class, HttpMethod.class, URI.class, Type.class);

    /** The constructor of {@code type} taking a body, the headers, then {@code rest}. */
    private static <T> Constructor<T> headersConstructor(Class<T> type, Class<?> body, Class<?>... rest) {
        for (Class<?> headers : List.of(HttpHeaders.class, MultiValueMap.class)) {
            Class<?>[] parameters = new Class<?>[rest.length + 1];
            parameters[0] = headers;
            System.arraycopy(rest, 0, parameters, 1, rest.length);
            Class<?>[] withBody = new Class<?>[parameters.length + 1];
            withBody[0] = body;
            System.arraycopy(parameters, 0, withBody, 1, parameters.length);
            Constructor<T> constructor = ClassUtils.getConstructorIfAvailable(type, withBody);
            if (constructor != null) {
                return constructor;
            }
        }
        throw new IllegalStateException("No constructor of " + type + " takes a body and headers");
    }

    /** How many handler methods have a plan: one per method requests reached, however many requests. */
    int plannedHandlerMethods() {
        return plans.size();
    }

    /**
     * The handler method as Spring registered it. A request's copy points back to it; a copy made
     * from the registered one itself (when the controller bean was already resolved) does not.
     */
    static HandlerMethod registered(HandlerMethod handler) {
        HandlerMethod registered = handler.getResolvedFromHandlerMethod();
        return registered != null ? registered : handler;
    }

    private ArgumentPlan[] planFor(HandlerMethod handler, HandlerMethodArgumentResolverComposite resolvers) {
        MethodParameter[] parameters = handler.getMethodParameters();
        ArgumentPlan[] plan = new ArgumentPlan[parameters.length];
        boolean any = false;
        for (int i = 0; i < parameters.length; i++) {
            InputSource source = InputSource.of(resolvers.getArgumentResolver(parameters[i]), parameters[i]);
            EscapeContext context = source == null || isSecret(parameters[i], source)
                    ? null : contextFor(parameters[i], handler.getBeanType());
            if (context != null) {
                plan[i] = new ArgumentPlan(source.kind, context,
                        source.kind == InputSource.Kind.MODEL_ATTRIBUTE ? ModelFactory.getNameForParameter(parameters[i]) : null);
                any = true;
            }
        }
        return any ? plan : new ArgumentPlan[0];
    }

    /**
     * Each request input of {@code handler} and what is done with every String path of it, as the
     * core's coverage report reads the parameter's declared type.
     */
    List<HandlerCoverage.Input> coverageOf(HandlerMethod handler, HandlerMethodArgumentResolverComposite resolvers) {
        List<HandlerCoverage.Input> inputs = new ArrayList<>();
        for (MethodParameter parameter : handler.getMethodParameters()) {
            InputSource source = InputSource.of(resolvers.getArgumentResolver(parameter), parameter);
            if (source != null) {
                if (isSecret(parameter, source)) {
                    inputs.add(HandlerCoverage.secretInput(parameter, source.name));
                    continue;
                }
                EscapeContext context = contextFor(parameter, handler.getBeanType());
                Type type = HandlerCoverage.declaredInput(parameter);
                inputs.add(HandlerCoverage.input(parameter, source.name, context == null ? null
                        : escaper.coverageOf(type, context)));
            }
        }
        return inputs;
    }

    /**
     * Whether a single value (a parameter, a path variable, a header, a cookie) is named like a
     * credential and has no {@code @Escape} of its own: it stays as typed. Maps of them are
     * decided key by key by the walk; bodies and model attributes field by field.
     */
    private boolean isSecret(MethodParameter parameter, InputSource source) {
        return source.kind == InputSource.Kind.VALUE && !Map.class.isAssignableFrom(parameter.getNestedParameterType())
                && !parameter.hasParameterAnnotation(Escape.class)
                && escaper.isSecretName(HandlerCoverage.inputName(parameter));
    }

    /**
     * The context for a parameter: the closest {@code @Escape} of the parameter, its method and its
     * class, or the default; {@code null} if the closest annotation is {@code @NoEscape}.
     */
    private EscapeContext contextFor(MethodParameter parameter, Class<?> controllerType) {
        Method method = parameter.getMethod();
        return AdapterSupport.contextFor(escaper, parameter::getParameterAnnotation,
                method != null ? method::getAnnotation : AnnotationSource.NONE, controllerType::getAnnotation);
    }

    private boolean isExcluded(HttpServletRequest request) {
        if (excludedPaths.isEmpty()) {
            return false;
        }
        PathContainer path = RequestPath.parse(request.getRequestURI(), request.getContextPath()).pathWithinApplication();
        for (PathPattern pattern : excludedPaths) {
            if (pattern.matches(path)) {
                return true;
            }
        }
        return false;
    }

    private static void markEscapedWhileRead(MethodParameter parameter, HttpServletRequest request) {
        @SuppressWarnings("unchecked")
        Set<ParameterKey> escaped = (Set<ParameterKey>) request.getAttribute(ESCAPED_WHILE_READ);
        if (escaped == null) {
            escaped = new HashSet<>();
            request.setAttribute(ESCAPED_WHILE_READ, escaped);
        }
        escaped.add(new ParameterKey(parameter.getExecutable(), parameter.getParameterIndex()));
    }

    private static boolean wasEscapedWhileRead(Executable method, int index, HttpServletRequest request) {
        Set<?> escaped = (Set<?>) request.getAttribute(ESCAPED_WHILE_READ);
        return escaped != null && escaped.contains(new ParameterKey(method, index));
    }

    /** @param modelName the name of a model attribute in the model; otherwise {@code null} */
    private record ArgumentPlan(InputSource.Kind kind, EscapeContext context, String modelName) {
    }

    private record ParameterKey(Executable method, int index) {
    }
}
