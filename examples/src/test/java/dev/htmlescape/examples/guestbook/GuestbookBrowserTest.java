package dev.htmlescape.examples.guestbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * With the library on, XSS payloads signed into the guestbook show in a real browser as the text
 * that was typed, and run nothing, although the page writes them without output encoding.
 *
 * <p>Headless Debian Chromium opens the page with a hook that records {@code alert},
 * {@code confirm} and {@code prompt}. A page passes when no dialog was asked for, the browser
 * stayed on it, it holds only the elements and attributes it renders itself (the same as the page
 * with one harmless entry, entry for entry, and no {@code on*} attribute anywhere), and each entry
 * shows the name and message as typed.
 *
 * <p>The payloads: all 6,606 corpus lines that fit in a message (the 7 longer ones fail
 * validation), posted over HTTP as a form and as JSON, {@value #PAYLOADS_PER_PAGE} payloads (so
 * {@code 2 x} {@value #PAYLOADS_PER_PAGE} entries) to a page: 67 pages. Pages, rather than one page
 * of 13,212 entries, because the control with the library off must load the same pages, and there
 * the markup of several hundred payloads together can keep a page from ever finishing loading.
 * And 32 payloads filled into the page's form in the browser (set by script, not typed key by
 * key) and submitted by the browser (see {@link StoredXssScenario#browserSample()}).
 *
 * <p>{@link GuestbookBrowserControlTest} runs the same with the library off and shows that the
 * checks catch what the payloads do there. On 2 cores this class takes about 45 s, the control
 * about 65 s.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GuestbookBrowserTest extends BrowserScenarioTest {

    static final int PAYLOADS_PER_PAGE = 100;

    @Test
    void payloadsSignedThroughTheBrowsersFormShowAsTypedAndRunNothing() throws IOException {
        GuestbookDom clean = scenario.startWithCleanEntry();

        scenario.signThroughTheBrowsersForm(StoredXssScenario.browserSample());
        GuestbookDom page = scenario.open();

        assertThat(scenario.dialogsOnTheWay()).as("dialogs on the pages after each submission").isEmpty();
        assertThat(page.entries()).hasSize(StoredXssScenario.SAMPLE_HEAD + StoredXssScenario.SAMPLE_SPREAD + 1);
        assertThat(scenario.problemsShowingAsTyped(page, clean)).isEmpty();
    }

    @Test
    void wholeCorpusPostedOverHttpAsFormAndJsonShowsAsTypedAndRunsNothing() throws IOException {
        StoredXssScenario.CorpusShown shown = scenario.postWholeCorpusPageByPage(PAYLOADS_PER_PAGE);

        assertThat(shown.problems()).isEmpty();
        assertThat(shown.payloadEntries()).as("payload entries shown")
                .isEqualTo(2 * StoredXssScenario.corpusPayloads().size());
    }
}
