package dev.htmlescape.spring;

import dev.htmlescape.EscapeContext;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the request escaping, under {@code html-escape.*}. For example, in
 * {@code application.properties}:
 *
 * <pre>{@code
 * html-escape.exclude-paths=/login,/api/raw/**
 * html-escape.context=html-attribute
 * }</pre>
 *
 * <p>The Javadoc of each field is the property's description in the IDE (Spring Boot's
 * configuration metadata), so it is plain text, without Javadoc tags.
 *
 * <p>Bound once at startup by Spring Boot; the escaping beans copy what they need, so changing an
 * instance later has no effect.
 */
@ConfigurationProperties(prefix = "html-escape")
public class HtmlEscapeProperties {

    /** Whether every String a controller receives from a request is escaped. */
    private boolean enabled = true;

    /** The context to escape for, where a parameter, field or type does not choose its own with @Escape. */
    private EscapeContext context = EscapeContext.HTML;

    /** Whether the keys of maps (request parameter maps, JSON objects read into a Map) are escaped too. */
    private boolean escapeMapKeys = true;

    /**
     * Whether a String that needs escaping but cannot be written (a final field of a class
     * that is not a record) fails the request with 400. On by default, unlike the core's own default:
     * at the door of a web application, unescaped text must not pass quietly. When off, such a field
     * is logged once and left as it is.
     */
    private boolean strict = true;

    /**
     * Request paths whose input is left as it is, as Spring MVC path patterns (/login,
     * /api/raw/**), matched against the path within the application.
     */
    private List<String> excludePaths = new ArrayList<>();

    /**
     * Whether Bean Validation that runs after escaping judges the text as typed: Spring Boot's
     * validator (method validation of @Validated beans, validation of bodies escaped while read) and
     * JPA's validation before insert and update. Needs Bean Validation on the class path.
     */
    private boolean validateTypedText = true;

    /** When request bodies are escaped: after validation (the default) or while they are read. */
    private Phase phase = Phase.AFTER_VALIDATION;

    /**
     * The deepest nesting a request's input may have: the most objects and containers open at once
     * on a path from the argument, the argument included. Deeper input fails the request with 400.
     * Default 10000, the core's.
     */
    private Integer maxDepth;

    /**
     * The most objects and containers escaping one argument may enter. More fails the request with
     * 400. Default 10000000, the core's.
     */
    private Integer maxNodes;

    /**
     * The names of credentials, replacing the defaults (password, passwd, pwd, secret, token,
     * credentials, apikey, privatekey, secretkey, accesskey, pin, otp): a field, JSON property,
     * request parameter, header or map key named like one (ignoring case and - _ ., equal to one or
     * ending with one; a short one as the last word) is left exactly as typed. An empty list turns
     * the rule off. @Escape on the element wins.
     */
    private List<String> secretNames;

    /** More names of credentials, added to the defaults or to secret-names. */
    private List<String> additionalSecretNames = new ArrayList<>();

    /** Jackson settings. */
    private final Jackson jackson = new Jackson();

    /** Thymeleaf settings. */
    private final Thymeleaf thymeleaf = new Thymeleaf();

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public EscapeContext getContext() {
        return context;
    }

    public void setContext(EscapeContext context) {
        this.context = context;
    }

    public boolean isEscapeMapKeys() {
        return escapeMapKeys;
    }

    public void setEscapeMapKeys(boolean escapeMapKeys) {
        this.escapeMapKeys = escapeMapKeys;
    }

    public boolean isStrict() {
        return strict;
    }

    public void setStrict(boolean strict) {
        this.strict = strict;
    }

    public List<String> getExcludePaths() {
        return excludePaths;
    }

    public void setExcludePaths(List<String> excludePaths) {
        this.excludePaths = excludePaths;
    }

    public boolean isValidateTypedText() {
        return validateTypedText;
    }

    public void setValidateTypedText(boolean validateTypedText) {
        this.validateTypedText = validateTypedText;
    }

    public Phase getPhase() {
        return phase;
    }

    public void setPhase(Phase phase) {
        this.phase = phase;
    }

    public Integer getMaxDepth() {
        return maxDepth;
    }

    public void setMaxDepth(Integer maxDepth) {
        this.maxDepth = maxDepth;
    }

    public Integer getMaxNodes() {
        return maxNodes;
    }

    public void setMaxNodes(Integer maxNodes) {
        this.maxNodes = maxNodes;
    }

    public List<String> getSecretNames() {
        return secretNames;
    }

    public void setSecretNames(List<String> secretNames) {
        this.secretNames = secretNames;
    }

    public List<String> getAdditionalSecretNames() {
        return additionalSecretNames;
    }

    public void setAdditionalSecretNames(List<String> additionalSecretNames) {
        this.additionalSecretNames = additionalSecretNames;
    }

    public Jackson getJackson() {
        return jackson;
    }

    public Thymeleaf getThymeleaf() {
        return thymeleaf;
    }

    /** When request bodies are escaped. */
    public enum Phase {

        /**
         * After Spring has validated the arguments ({@code @Valid}, constraints on parameters), just
         * before the handler method is called: validation judges the text as the user typed it.
         */
        AFTER_VALIDATION,

        /**
         * As soon as a request body ({@code @RequestBody}, {@code HttpEntity}, {@code @RequestPart})
         * is read, before it is validated: validation judges the escaped text. Bound values
         * ({@code @ModelAttribute}, {@code @RequestParam} and the like) are still escaped after
         * validation, because Spring has no step between binding and validation that could replace
         * an immutable object.
         */
        WHILE_READING
    }

    /** Settings for Thymeleaf views. */
    public static class Thymeleaf {

        /**
         * Whether th:text in HTML templates shows text this library escaped as it was typed: its
         * HTML references are decoded once and Thymeleaf encodes it, so it is neither shown
         * double-encoded nor run.
         */
        private boolean typedText = true;

        public boolean isTypedText() {
            return typedText;
        }

        public void setTypedText(boolean typedText) {
            this.typedText = typedText;
        }
    }

    /** Settings for the Jackson mapper that reads JSON request bodies. */
    public static class Jackson {

        /**
         * Whether JSON request bodies are escaped by the htmlescape Jackson module while they are
         * read, before validation, and not again after it. When on, the JSON converter of request
         * bodies reads with a copy of its mapper with the module added; the application's shared
         * mapper, which also reads HTTP client responses and messages, stays without it. Off by
         * default: then bodies are escaped after validation, as the phase says.
         */
        private boolean requestBodies = false;

        public boolean isRequestBodies() {
            return requestBodies;
        }

        public void setRequestBodies(boolean requestBodies) {
            this.requestBodies = requestBodies;
        }
    }
}
