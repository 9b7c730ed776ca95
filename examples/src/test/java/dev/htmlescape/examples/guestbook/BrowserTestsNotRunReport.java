package dev.htmlescape.examples.guestbook;

import java.util.ArrayList;
import java.util.List;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Prints one line at the end of a test run that skipped browser tests for want of a browser,
 * naming them and the packages that run them, so that a green build without Chromium says what it
 * did not check. Registered through {@code META-INF/services}.
 */
public final class BrowserTestsNotRunReport implements TestExecutionListener {

    private final List<String> notRun = new ArrayList<>();

    @Override
    public void executionSkipped(TestIdentifier test, String reason) {
        if (reason != null && reason.startsWith(BrowserInstalled.NOT_INSTALLED)
                && test.getSource().orElse(null) instanceof ClassSource source) {
            notRun.add(source.getJavaClass().getSimpleName());
        }
    }

    @Override
    public void testPlanExecutionFinished(TestPlan testPlan) {
        if (!notRun.isEmpty()) {
            System.out.println("[browser tests not run] " + String.join(", ", notRun) + ": no Chromium on this"
                    + " machine; install Debian's chromium and chromium-driver to run them, and -D"
                    + BrowserInstalled.SWITCH + "=" + BrowserInstalled.REQUIRED
                    + " (as .ci/run sets it) makes a missing browser fail the build.");
            notRun.clear();
        }
    }
}
