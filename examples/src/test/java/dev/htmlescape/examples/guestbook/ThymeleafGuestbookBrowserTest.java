package dev.htmlescape.examples.guestbook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.htmlescape.testing.XssCheck;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
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
        List<String> corpus = StoredXssScenario.corpusPayloads();
        List<String> problems = new ArrayList<>();
        int entries = 0;
        for (List<String> payloads : StoredXssScenario.inPagesOf(GuestbookBrowserTest.PAYLOADS_PER_PAGE, corpus)) {
            GuestbookDom clean = scenario.startWithCleanEntry();

            scenario.postOverHttp(payloads);
            GuestbookDom page = scenario.open();

            entries += page.entries().size() - 1;
            for (String problem : scenario.problemsShowingAsTyped(page, clean)) {
                problems.add("page of " + XssCheck.visible(payloads.get(0)) + "...: " + problem);
            }
        }

        assertThat(problems).isEmpty();
        assertThat(entries).as("payload entries shown").isEqualTo(2 * corpus.size());
    }
}
