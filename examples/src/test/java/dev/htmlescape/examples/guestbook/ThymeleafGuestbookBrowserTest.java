package dev.htmlescape.examples.guestbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The guestbook's Thymeleaf page, which encodes its output with {@code th:text}, in a real browser:
 * every XSS payload of the corpus, signed as a form and as JSON and so stored escaped, shows as it
 * was typed (never as {@code &#39;} or {@code &amp;lt;}) and runs nothing. The same checks as
 * {@link GuestbookBrowserTest}; {@link ThymeleafGuestbookBrowserControlTest} shows they catch text
 * shown double-encoded.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ThymeleafGuestbookBrowserTest extends BrowserScenarioTest {

    @BeforeEach
    void onTheThymeleafPage() {
        scenario.showingEntriesOn("/thymeleaf");
    }

    @Test
    void wholeCorpusShowsAsTypedAndRunsNothing() throws IOException {
        StoredXssScenario.CorpusShown shown = scenario.postWholeCorpusPageByPage(GuestbookBrowserTest.PAYLOADS_PER_PAGE);

        assertThat(shown.problems()).isEmpty();
        assertThat(shown.payloadEntries()).as("payload entries shown")
                .isEqualTo(2 * StoredXssScenario.corpusPayloads().size());
    }
}
