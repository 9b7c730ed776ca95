package dev.htmlescape.examples.guestbook;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs a browser test where Debian's Chromium and chromedriver are installed and skips it where
 * they are not, so that {@code ./mvnw -B verify} passes on a machine with nothing but a JDK; the
 * skipped classes are named in one line at the end of the run ({@link BrowserTestsNotRunReport}).
 *
 * <p>With {@code -Dhtmlescape.browser-tests=required}, as {@code .ci/run} sets it, the test always
 * runs, and a missing browser fails it ({@link HeadlessChromium#start()} says what to install).
 */
final class BrowserInstalled implements ExecutionCondition {

    static final String SWITCH = "htmlescape.browser-tests";
    static final String REQUIRED = "required";

    /** The start of the reason a skipped class is given, by which the report finds it. */
    static final String NOT_INSTALLED = "Chromium or chromedriver is not installed";

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (REQUIRED.equals(System.getProperty(SWITCH))) {
            return ConditionEvaluationResult.enabled("-D" + SWITCH + "=" + REQUIRED);
        }
        if (HeadlessChromium.installed()) {
            return ConditionEvaluationResult.enabled("Chromium and chromedriver are installed");
        }
        return ConditionEvaluationResult.disabled(NOT_INSTALLED + " (" + HeadlessChromium.CHROMIUM + ", "
                + HeadlessChromium.CHROMEDRIVER + ")");
    }
}
