package dev.htmlescape.spring;

import org.springframework.core.MethodParameter;
import org.springframework.web.method.annotation.AbstractCookieValueMethodArgumentResolver;
import org.springframework.web.method.annotation.ModelAttributeMethodProcessor;
import org.springframework.web.method.annotation.RequestHeaderMapMethodArgumentResolver;
import org.springframework.web.method.annotation.RequestHeaderMethodArgumentResolver;
import org.springframework.web.method.annotation.RequestParamMapMethodArgumentResolver;
import org.springframework.web.method.annotation.RequestParamMethodArgumentResolver;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.multipart.support.MultipartResolutionDelegate;
import org.springframework.web.servlet.mvc.method.annotation.HttpEntityMethodProcessor;
import org.springframework.web.servlet.mvc.method.annotation.MatrixVariableMapMethodArgumentResolver;
import org.springframework.web.servlet.mvc.method.annotation.MatrixVariableMethodArgumentResolver;
import org.springframework.web.servlet.mvc.method.annotation.PathVariableMapMethodArgumentResolver;
import org.springframework.web.servlet.mvc.method.annotation.PathVariableMethodArgumentResolver;
import org.springframework.web.servlet.mvc.method.annotation.RequestPartMethodArgumentResolver;
import org.springframework.web.servlet.mvc.method.annotation.RequestResponseBodyMethodProcessor;

/**
 * Where a handler method's argument comes from, told by the resolver Spring chose for it, by the
 * names the coverage report gives them.
 */
enum InputSource {
    BODY("body", Kind.BODY),
    PART("part", Kind.BODY),
    MODEL("model", Kind.MODEL_ATTRIBUTE),
    PARAM("param", Kind.VALUE),
    PATH("path", Kind.VALUE),
    HEADER("header", Kind.VALUE),
    COOKIE("cookie", Kind.VALUE);

    /** How an argument of a source is escaped. */
    enum Kind {
        /** A request body, read by a message converter. */
        BODY,
        /** An object bound from request parameters. */
        MODEL_ATTRIBUTE,
        /** A parameter, variable, header or cookie value, or a map of them. */
        VALUE
    }

    final String name;
    final Kind kind;

    InputSource(String name, Kind kind) {
        this.name = name;
        this.kind = kind;
    }

    /** Where the resolver takes the argument from, or {@code null} if not from the request's text. */
    static InputSource of(HandlerMethodArgumentResolver resolver, MethodParameter parameter) {
        if (resolver == null) {
            return null;
        }
        // uploaded files are binary; their names are documented as left alone
        boolean file = MultipartResolutionDelegate.isMultipartArgument(parameter);
        if (resolver instanceof RequestResponseBodyMethodProcessor || resolver instanceof HttpEntityMethodProcessor) {
            return file ? null : BODY;
        }
        if (resolver instanceof RequestPartMethodArgumentResolver) {
            return file ? null : PART;
        }
        if (resolver instanceof ModelAttributeMethodProcessor) {
            return MODEL;
        }
        if (resolver instanceof RequestParamMethodArgumentResolver) {
            return file ? null : PARAM;
        }
        if (resolver instanceof RequestParamMapMethodArgumentResolver) {
            return PARAM;
        }
        if (resolver instanceof PathVariableMethodArgumentResolver
                || resolver instanceof PathVariableMapMethodArgumentResolver
                || resolver instanceof MatrixVariableMethodArgumentResolver
                || resolver instanceof MatrixVariableMapMethodArgumentResolver) {
            return PATH;
        }
        if (resolver instanceof RequestHeaderMethodArgumentResolver
                || resolver instanceof RequestHeaderMapMethodArgumentResolver) {
            return HEADER;
        }
        if (resolver instanceof AbstractCookieValueMethodArgumentResolver) {
            return COOKIE;
        }
        return null;
    }
}
