package dev.htmlescape.examples.guestbook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.htmlescape.testing.XssCheck;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The control of {@link GuestbookBrowserTest}: the same payloads, the same browser and the same
 * checks, with {@code html-escape.enabled=false}. Here the page serves the payloads as markup, and
 * the checks must see it: dialogs fire and elements are injected. Were this test to pass with the
 * library on, or {@link GuestbookBrowserTest} to pass with it off, the checks would prove nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "html-escape.enabled=false")
class GuestbookBrowserControlTest extends BrowserScenarioTest {

    @Test
    void payloadsSignedThroughTheBrowsersFormRunAndInjectElements() throws IOException {
        GuestbookDom clean = scenario.startWithCleanEntry();

        scenario.signThroughTheBrowsersForm(StoredXssScenario.browserSample());
        GuestbookDom page = scenario.open();

        assertThat(scenario.dialogsOnTheWay()).as("dialogs on the pages after each submission").isNotEmpty();
        assertThat(page.dialogs()).as("dialogs").isNotEmpty();
        assertThat(page.handlers()).as("on* attributes").isNotEmpty();
        assertThat(page.injectionsComparedWith(clean)).as("elements and attributes the page does not render").isNotEmpty();
        assertThat(scenario.problemsShowingAsTyped(page, clean)).isNotEmpty();
    }

    /**
     * Every page of the corpus is caught injecting something, and some pages also run a dialog
     * when they load (most payloads wait for a click, a key or a drag that no one makes here).
     */
    @Test
    void wholeCorpusPostedOverHttpAsFormAndJsonRunsAndInjectsElements() throws IOException {
        List<List<String>> pages = StoredXssScenario.inPagesOf(
                GuestbookBrowserTest.PAYLOADS_PER_PAGE, StoredXssScenario.corpusPayloads());
        List<String> notCaught = new ArrayList<>();
        int pagesWithDialogs = 0;
        for (List<String> payloads : pages) {
            GuestbookDom clean = scenario.startWithCleanEntry();

            scenario.postOverHttp(payloads);
            GuestbookDom page = scenario.open();

            if (page.injectionsComparedWith(clean).isEmpty()) {
                notCaught.add(XssCheck.visible(payloads.get(0)) + "...");
            }
            pagesWithDialogs += page.dialogs().isEmpty() ? 0 : 1;
        }

        assertThat(notCaught).as("pages whose injected markup the checks missed").isEmpty();
        assertThat(pagesWithDialogs).as("pages that ran a dialog as they loaded").isGreaterThan(0);
    }
}
