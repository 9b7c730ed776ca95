package dev.htmlescape.spring;

import java.util.Set;
import org.thymeleaf.context.ITemplateContext;
import org.thymeleaf.dialect.AbstractProcessorDialect;
import org.thymeleaf.engine.AttributeName;
import org.thymeleaf.model.IProcessableElementTag;
import org.thymeleaf.processor.IProcessor;
import org.thymeleaf.processor.element.IElementTagStructureHandler;
import org.thymeleaf.standard.StandardDialect;
import org.thymeleaf.standard.processor.AbstractStandardExpressionAttributeTagProcessor;
import org.thymeleaf.standard.processor.StandardTextTagProcessor;
import org.thymeleaf.templatemode.TemplateMode;
import org.unbescape.html.HtmlEscape;

/**
 * Thymeleaf's {@code th:text} in HTML templates, showing text this library escaped as it was typed:
 * the value's HTML references are decoded once ({@link ShownAsTyped}) and Thymeleaf's own encoding
 * writes it, so {@code O&#39;Brien} shows as {@code O'Brien}, never as {@code O&amp;#39;Brien}, and
 * {@code &lt;script&gt;} shows as the text {@code <script>}, inert. Text from elsewhere shows as
 * {@code th:text} always shows it, but for those five references.
 *
 * <p>It takes the place of the standard {@code th:text} by running just before it, in the standard
 * dialect's precedence, and removing the attribute. {@code th:utext} is left as it is: the escaped
 * text it writes unchanged is already safe markup that shows as typed.
 *
 * <p>Thread-safety: immutable.
 */
final class TypedTextDialect extends AbstractProcessorDialect {

    TypedTextDialect() {
        super("htmlescape", StandardDialect.PREFIX, StandardDialect.PROCESSOR_PRECEDENCE);
    }

    @Override
    public Set<IProcessor> getProcessors(String dialectPrefix) {
        return Set.of(new TypedTextProcessor(dialectPrefix));
    }

    private static final class TypedTextProcessor extends AbstractStandardExpressionAttributeTagProcessor {

        TypedTextProcessor(String dialectPrefix) {
            super(TemplateMode.HTML, dialectPrefix, StandardTextTagProcessor.ATTR_NAME,
                    StandardTextTagProcessor.PRECEDENCE - 1, true, false);
        }

        @Override
        protected void doProcess(ITemplateContext context, IProcessableElementTag tag, AttributeName attributeName,
                String attributeValue, Object expressionResult, IElementTagStructureHandler structureHandler) {
            String text = expressionResult == null ? "" : expressionResult.toString();
            structureHandler.setBody(HtmlEscape.escapeHtml4Xml(ShownAsTyped.decode(text)), false);
        }
    }
}
