package dev.htmlescape;

import dev.htmlescape.internal.CoreAccess;
import java.util.function.UnaryOperator;
import org.owasp.encoder.Encode;

/**
 * The output context a String is escaped for: one constant per encoder of the OWASP Java Encoder.
 *
 * <p>Each constant names the place in a document where the escaped text is safe. Escaping is only
 * as good as that match: text escaped for {@link #HTML} is safe between tags and inside quoted
 * attributes, but not inside a {@code <script>} block, an unquoted attribute, a URL or a CSS
 * rule. When text will land in one of those, annotate the field with the matching constant, or,
 * better, encode it when the output is written.
 *
 * <pre>{@code
 * class Widget {
 *     String title;                                   // default context, HTML
 *     @Escape(EscapeContext.JAVASCRIPT) String label; // goes into a JavaScript string literal
 * }
 * }</pre>
 *
 * <p>Every encoder returns the same String instance when nothing needed encoding. Like the OWASP
 * encoders, each replaces or escapes characters that are invalid in its context: {@link #HTML},
 * {@link #HTML_CONTENT}, {@link #HTML_ATTRIBUTE}, the XML 1.0 contexts and {@link #CDATA} replace
 * lone surrogates, the control characters other than tab, line feed, carriage return and U+0085,
 * and the non-characters with a space; the others differ, as the README's "Invalid characters are
 * replaced" tells context by context.
 *
 * <p>Thread-safety: constants are immutable and {@link #encode(String)} is safe to call from any
 * thread.
 */
public enum EscapeContext {

    /**
     * {@code Encode.forHtml}: {@code & < > " '} become entities. Safe in HTML text content and in
     * quoted attribute values (single or double quotes). Not safe in unquoted attributes, inside
     * {@code <script>} or {@code <style>}, in URL attributes such as {@code href} (it does not stop
     * {@code javascript:} URLs), or in event handler attributes. The default. The output is
     * identical to OWASP's for every input; it comes from an encoder of this library that is faster
     * on text that needs escaping.
     */
    HTML(HtmlEncoder::encode),

    /**
     * {@code Encode.forHtmlContent}: {@code & < >} become entities, quotes stay. Safe in HTML text
     * content only; not safe in any attribute.
     */
    HTML_CONTENT(Encode::forHtmlContent),

    /**
     * {@code Encode.forHtmlAttribute}: {@code & < " '} become entities. Safe inside a quoted
     * attribute value; not safe in unquoted attributes, URL or event handler attributes.
     */
    HTML_ATTRIBUTE(Encode::forHtmlAttribute),

    /**
     * {@code Encode.forHtmlUnquotedAttribute}: also encodes white space, grave accent and the
     * characters that end an unquoted value. Safe in an unquoted attribute value and anywhere
     * {@link #HTML_ATTRIBUTE} is; still not safe in URL or event handler attributes.
     */
    HTML_UNQUOTED_ATTRIBUTE(Encode::forHtmlUnquotedAttribute),

    /**
     * {@code Encode.forJavaScript}: backslash escapes that are safe inside a JavaScript string
     * literal, in a {@code <script>} block, in an event handler attribute, or in a JSON string.
     * Not safe outside a quoted string literal, nor in a template literal's {@code ${...}}.
     */
    JAVASCRIPT(Encode::forJavaScript),

    /**
     * {@code Encode.forJavaScriptAttribute}: for a JavaScript string literal inside an HTML event
     * handler attribute ({@code onclick="f('...')"}). Not safe inside a {@code <script>} block.
     */
    JAVASCRIPT_ATTRIBUTE(Encode::forJavaScriptAttribute),

    /**
     * {@code Encode.forJavaScriptBlock}: for a JavaScript string literal inside a {@code <script>}
     * block. Not safe in event handler attributes.
     */
    JAVASCRIPT_BLOCK(Encode::forJavaScriptBlock),

    /**
     * {@code Encode.forJavaScriptSource}: for a JavaScript string literal in a stand-alone
     * {@code .js} or JSON file. Not safe anywhere inside an HTML document.
     */
    JAVASCRIPT_SOURCE(Encode::forJavaScriptSource),

    /**
     * {@code Encode.forJson}: for a string value inside a JSON document. Not safe in HTML.
     */
    JSON(Encode::forJson),

    /**
     * {@code Encode.forUriComponent}: percent-encodes everything but unreserved characters. Safe
     * as one component of a URL (a query parameter value or path segment). It does not make a
     * whole URL safe: a user-supplied URL needs validation of its scheme.
     */
    URI_COMPONENT(Encode::forUriComponent),

    /**
     * {@code Encode.forCssString}: for a quoted CSS string value. Not safe in unquoted CSS values
     * or for {@code url(...)}.
     */
    CSS_STRING(Encode::forCssString),

    /**
     * {@code Encode.forCssUrl}: for the inside of a CSS {@code url(...)}. It does not validate the
     * URL's scheme.
     */
    CSS_URL(Encode::forCssUrl),

    /**
     * {@code Encode.forXml}: XML 1.0 text content and quoted attribute values.
     */
    XML(Encode::forXml),

    /**
     * {@code Encode.forXmlContent}: XML 1.0 text content only; not safe in attributes.
     */
    XML_CONTENT(Encode::forXmlContent),

    /**
     * {@code Encode.forXmlAttribute}: a quoted XML 1.0 attribute value. It leaves {@code >}
     * alone, so it is not safe in text content, nor in unquoted values.
     */
    XML_ATTRIBUTE(Encode::forXmlAttribute),

    /**
     * {@code Encode.forXmlComment}: the inside of an XML comment. Not safe for HTML comments,
     * which browsers parse differently.
     */
    XML_COMMENT(Encode::forXmlComment),

    /**
     * {@code Encode.forXml11}: XML 1.1 text content and quoted attribute values.
     */
    XML11(Encode::forXml11),

    /**
     * {@code Encode.forXml11Content}: XML 1.1 text content only.
     */
    XML11_CONTENT(Encode::forXml11Content),

    /**
     * {@code Encode.forXml11Attribute}: a quoted XML 1.1 attribute value.
     */
    XML11_ATTRIBUTE(Encode::forXml11Attribute),

    /**
     * {@code Encode.forCDATA}: the inside of a {@code <![CDATA[...]]>} section. Not safe in HTML.
     */
    CDATA(Encode::forCDATA),

    /**
     * {@code Encode.forJava}: a Java string literal in generated source code.
     */
    JAVA(Encode::forJava);

    static {
        // the adapters' SPI escapes map keys with the walk's own code, which stays package-private
        CoreAccess.provide(KeyEscaper::escapeKeys);
    }

    private final UnaryOperator<String> encoder;

    EscapeContext(UnaryOperator<String> encoder) {
        this.encoder = encoder;
    }

    /**
     * Encodes {@code text} for this context.
     *
     * @param text the text to encode; may be {@code null}
     * @return the encoded text; {@code null} for {@code null} (unlike the OWASP encoders, which
     *     return the string {@code "null"}), and the same instance when nothing needed encoding.
     *     Known to {@link TypedText} as made from {@code text} once it remembers.
     */
    public String encode(String text) {
        if (text == null) {
            return null;
        }
        String encoded = encoder.apply(text);
        if (encoded != text) {
            TypedText.escaped(text, encoded);
        }
        return encoded;
    }
}
