package dev.htmlescape.spring;

import dev.htmlescape.Coverage;
import dev.htmlescape.Escaper;
import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.core.ResolvableType;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.MatrixVariable;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * What the escaping does with the request input of every handler method of the application, from
 * the core's {@link Coverage} report of each input's declared type: the startup summary and the
 * {@code htmlescape} actuator endpoint show it.
 *
 * <p>A path's policy is the name of the context its Strings are escaped for ({@code HTML}), or a
 * word for why they are not: {@code left-alone} ({@code @NoEscape}, map keys not escaped),
 * {@code secret} (named like a credential),
 * {@code not-entered}, {@code not-writable}, or {@code at-run-time} (declared {@code Object} or an
 * interface, so decided by what a request sends).
 *
 * <p>Thread-safety: immutable.
 */
final class HandlerCoverage {

    /** One String path of an input, its policy and, for every policy but a context, why. */
    record Path(String path, String policy, String reason) {

        boolean escaped() {
            return reason == null;
        }

        boolean covered() {
            return !policy.equals("not-entered") && !policy.equals("not-writable");
        }
    }

    record Input(String name, String source, List<Path> paths) {
    }

    record Handler(String handler, List<Input> inputs) {
    }

    private static final DefaultParameterNameDiscoverer NAMES = new DefaultParameterNameDiscoverer();

    private final List<Handler> handlers;

    private HandlerCoverage(List<Handler> handlers) {
        this.handlers = List.copyOf(handlers);
    }

    /**
     * The handler methods of every request mapping of the application, with the argument resolvers of
     * htmlescape's handler adapter; empty when that adapter is not in use.
     */
    static HandlerCoverage of(ListableBeanFactory beans) {
        EscapingHandlerAdapter adapter = beans.getBeanProvider(EscapingHandlerAdapter.class).getIfUnique();
        RequestInputEscaper inputs = beans.getBeanProvider(RequestInputEscaper.class).getIfUnique();
        List<Handler> handlers = new ArrayList<>();
        if (adapter != null && inputs != null && adapter.resolvers() != null) {
            for (RequestMappingHandlerMapping mapping : beans.getBeansOfType(RequestMappingHandlerMapping.class).values()) {
                for (HandlerMethod method : mapping.getHandlerMethods().values()) {
                    handlers.add(new Handler(nameOf(method), inputs.coverageOf(method, adapter.resolvers())));
                }
            }
        }
        handlers.sort(Comparator.comparing(Handler::handler));
        return new HandlerCoverage(handlers);
    }

    /** The type whose Strings the escaping reaches: a body's, not its {@code HttpEntity}'s. */
    static Type declaredInput(MethodParameter parameter) {
        ResolvableType type = ResolvableType.forMethodParameter(parameter);
        if (HttpHeaders.class.isAssignableFrom(type.toClass())) {
            return ResolvableType.forClassWithGenerics(Map.class, ResolvableType.forClass(String.class),
                    ResolvableType.forClassWithGenerics(List.class, String.class)).getType();
        }
        if (HttpEntity.class.isAssignableFrom(type.toClass())) {
            return type.as(HttpEntity.class).getGeneric(0).getType();
        }
        if (MultiValueMap.class.isAssignableFrom(type.toClass())) {
            ResolvableType values = type.as(MultiValueMap.class);
            return ResolvableType.forClassWithGenerics(Map.class, values.getGeneric(0),
                    ResolvableType.forClassWithGenerics(List.class, values.getGeneric(1))).getType();
        }
        return type.getType();
    }

    /** An input whose Strings the report {@code coverage} describes, or, for {@code null}, all left alone. */
    static Input input(MethodParameter parameter, String source, Coverage coverage) {
        List<Path> paths;
        if (coverage == null) {
            Coverage declared = Escaper.coverage(declaredInput(parameter));
            paths = declared.entries().stream()
                    .map(entry -> new Path(entry.path(), "left-alone", "@NoEscape on the parameter, its method or its class"))
                    .toList();
        } else {
            paths = coverage.entries().stream().map(HandlerCoverage::path).toList();
        }
        return new Input(inputName(parameter), source, paths);
    }

    /** A single value named like a credential: left as typed. */
    static Input secretInput(MethodParameter parameter, String source) {
        String name = inputName(parameter);
        List<Coverage.Entry> declared = Escaper.coverage(declaredInput(parameter)).entries();
        String path = declared.isEmpty() ? name : declared.get(0).path();
        return new Input(name, source,
                List.of(new Path(path, "secret", "\"" + name + "\" is named like a credential, so it is left exactly as typed")));
    }

    private static Path path(Coverage.Entry entry) {
        return switch (entry.treatment()) {
            case ESCAPED -> new Path(entry.path(), entry.context().name(), null);
            case LEFT_ALONE -> new Path(entry.path(), "left-alone", entry.reason());
            case NOT_ENTERED -> new Path(entry.path(), "not-entered", entry.reason());
            case NOT_WRITABLE -> new Path(entry.path(), "not-writable", entry.reason());
            case AT_RUN_TIME -> new Path(entry.path(), "at-run-time", entry.reason());
            case SECRET -> new Path(entry.path(), "secret", entry.reason());
        };
    }

    List<Handler> handlers() {
        return handlers;
    }

    /** The endpoint's JSON: {@code handlers}, each with its {@code inputs}, each with its {@code paths}. */
    Map<String, Object> toJson() {
        List<Object> json = new ArrayList<>();
        for (Handler handler : handlers) {
            List<Object> inputs = new ArrayList<>();
            for (Input input : handler.inputs()) {
                List<Object> paths = new ArrayList<>();
                for (Path path : input.paths()) {
                    Map<String, Object> entry = new LinkedHashMap<>();
                    entry.put("path", path.path());
                    entry.put("policy", path.policy());
                    if (path.reason() != null) {
                        entry.put("reason", path.reason());
                    }
                    paths.add(entry);
                }
                inputs.add(ordered("name", input.name(), "source", input.source(), "paths", paths));
            }
            json.add(ordered("handler", handler.handler(), "inputs", inputs));
        }
        return Map.of("handlers", json);
    }

    private static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    /** The startup summary: handler methods, and String paths escaped, left alone, decided at run time and not covered. */
    String summary() {
        List<Path> paths = handlers.stream().flatMap(h -> h.inputs().stream()).flatMap(i -> i.paths().stream()).toList();
        Map<String, Long> byPolicy = paths.stream().collect(Collectors.groupingBy(
                path -> path.escaped() ? "escaped" : path.policy(), Collectors.counting()));
        return "html-escape: " + handlers.size() + " handler methods; String inputs: "
                + byPolicy.getOrDefault("escaped", 0L) + " escaped, " + byPolicy.getOrDefault("left-alone", 0L)
                + " left alone, " + byPolicy.getOrDefault("secret", 0L) + " credentials left as typed, "
                + byPolicy.getOrDefault("at-run-time", 0L) + " decided at run time, "
                + (byPolicy.getOrDefault("not-entered", 0L) + byPolicy.getOrDefault("not-writable", 0L))
                + " not covered";
    }

    /** One line per String path that is not covered, with the handler, the input and why. */
    List<String> notCovered() {
        List<String> lines = new ArrayList<>();
        for (Handler handler : handlers) {
            for (Input input : handler.inputs()) {
                for (Path path : input.paths()) {
                    if (!path.covered()) {
                        lines.add("html-escape: " + handler.handler() + " " + input.source() + " '" + input.name()
                                + "' " + path.path() + " is not escaped (" + path.policy() + "): " + path.reason());
                    }
                }
            }
        }
        return lines;
    }

    private static String nameOf(HandlerMethod handler) {
        Method method = handler.getMethod();
        return handler.getBeanType().getName() + "#" + method.getName() + "("
                + Arrays.stream(method.getParameterTypes()).map(Class::getSimpleName).collect(Collectors.joining(", "))
                + ")";
    }

    /** The name the request gives the input: the annotation's, else the parameter's. */
    static String inputName(MethodParameter parameter) {
        String declared = Optional.ofNullable(parameter.getParameterAnnotation(RequestParam.class)).map(RequestParam::name)
                .or(() -> Optional.ofNullable(parameter.getParameterAnnotation(PathVariable.class)).map(PathVariable::name))
                .or(() -> Optional.ofNullable(parameter.getParameterAnnotation(RequestHeader.class)).map(RequestHeader::name))
                .or(() -> Optional.ofNullable(parameter.getParameterAnnotation(CookieValue.class)).map(CookieValue::name))
                .or(() -> Optional.ofNullable(parameter.getParameterAnnotation(RequestPart.class)).map(RequestPart::name))
                .or(() -> Optional.ofNullable(parameter.getParameterAnnotation(MatrixVariable.class)).map(MatrixVariable::name))
                .or(() -> Optional.ofNullable(parameter.getParameterAnnotation(ModelAttribute.class)).map(ModelAttribute::name))
                .filter(name -> !name.isEmpty()).orElse(null);
        if (declared != null) {
            return declared;
        }
        String[] names = NAMES.getParameterNames(parameter.getMethod());
        return names != null ? names[parameter.getParameterIndex()] : "arg" + parameter.getParameterIndex();
    }
}
