package dev.htmlescape.examples.guestbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The control of {@link ThymeleafGuestbookBrowserTest}: with {@code html-escape.thymeleaf.typed-text=false}
 * the standard {@code th:text} encodes the escaped text a second time, and the checks must see
 * entries that do not show as typed, while nothing runs (Thymeleaf encodes either way).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "html-escape.thymeleaf.typed-text=false")
class ThymeleafGuestbookBrowserControlTest extends BrowserScenarioTest {

    @BeforeEach
    void onTheThymeleafPage() {
        scenario.showingEntriesOn("/thymeleaf");
    }

    @Test
    void escapedTextShowsDoubleEncodedWithoutTheDialect() throws IOException {
        GuestbookDom clean = scenario.startWithCleanEntry();

        scenario.postOverHttp(StoredXssScenario.browserSample());
        GuestbookDom page = scenario.open();

        assertThat(page.dialogs()).as("dialogs").isEmpty();
        assertThat(page.injectionsComparedWith(clean)).as("elements and attributes the page does not render").isEmpty();
        assertThat(scenario.problemsShowingAsTyped(page, clean)).singleElement().asString()
                .contains(" shows ").contains("&").contains(", typed ");
    }
}
