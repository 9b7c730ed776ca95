package dev.htmlescape.examples.guestbook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.htmlescape.testing.XssCheck;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.openqa.selenium.WebDriverException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The steps the browser tests share, with the library on and off: sign the guestbook with XSS
 * payloads, then let a real browser open the page. Every entry signs with the payload as its
 * message and, since a name holds at most 40 characters, its first 40 characters as its name.
 *
 * <p>Entries are made two ways, and the methods say which: {@link #signThroughTheBrowsersForm}
 * sets the fields of the page's form in Chromium by script and submits it with
 * {@code requestSubmit()} (the browser encodes the form, posts it and follows the redirect); {@link #postOverHttp} sends the two requests a client would, one form
 * post and one JSON body per payload, with {@link GuestbookHttp}.
 */
final class StoredXssScenario {

    /** A harmless entry, signed first: the page with it alone is what the page renders itself. */
    static final Signature CLEAN = new Signature("Ada Lovelace", "Lovely evening, thank you!");

    private static final String FILL_IN_AND_SUBMIT = """
            window.__submitted = true;
            const form = document.getElementById('entry-form');
            form.querySelector('[name=name]').value = arguments[0];
            form.querySelector('[name=message]').value = arguments[1];
            form.requestSubmit();
            """;
    static final int SAMPLE_HEAD = 16;
    static final int SAMPLE_SPREAD = 16;
    private static final Duration PAGE_LOAD = Duration.ofSeconds(60);

    private final HeadlessChromium chromium;
    private final GuestbookHttp http;
    private final JdbcClient jdbc;
    private final List<Signature> signed = new ArrayList<>();
    private final List<String> dialogsOnTheWay = new ArrayList<>();
    /** The page that shows the entries: the one without output encoding, or the Thymeleaf one. */
    private String entriesPath = "/";

    /** One entry as typed. */
    record Signature(String name, String message) {

        static Signature of(String payload) {
            return new Signature(payload.substring(0, Math.min(payload.length(), EntryForm.NAME_MAX)), payload);
        }
    }

    StoredXssScenario(HeadlessChromium chromium, int port, JdbcClient jdbc) {
        this.chromium = chromium;
        this.http = new GuestbookHttp(port);
        this.jdbc = jdbc;
    }

    /**
     * The corpus lines that pass validation as a message: all but those longer than 500
     * characters (7 of the 6,613), which the guestbook would refuse with a 400 before storing.
     */
    static List<String> corpusPayloads() throws IOException {
        return XssCheck.corpus().stream()
                .filter(payload -> !payload.isBlank() && payload.length() <= EntryForm.MESSAGE_MAX)
                .toList();
    }

    /**
     * The payloads submitted through the browser's form: the first {@value #SAMPLE_HEAD} lines of the
     * corpus (image and SVG payloads among them that run as soon as the page loads, with no one
     * clicking) and {@value #SAMPLE_SPREAD} more spread evenly over the rest.
     */
    static List<String> browserSample() throws IOException {
        List<String> all = corpusPayloads();
        List<String> sample = new ArrayList<>(all.subList(0, SAMPLE_HEAD));
        List<String> rest = all.subList(SAMPLE_HEAD, all.size());
        for (int i = 0; i < SAMPLE_SPREAD; i++) {
            sample.add(rest.get((int) ((long) i * rest.size() / SAMPLE_SPREAD)));
        }
        return sample;
    }

    /** The payloads cut into consecutive runs of at most {@code size}, in order. */
    static List<List<String>> inPagesOf(int size, List<String> payloads) {
        List<List<String>> pages = new ArrayList<>();
        for (int from = 0; from < payloads.size(); from += size) {
            pages.add(payloads.subList(from, Math.min(payloads.size(), from + size)));
        }
        return pages;
    }

    /** Reads the entries from {@code path} from now on, such as {@code /thymeleaf}. */
    StoredXssScenario showingEntriesOn(String path) {
        this.entriesPath = path;
        return this;
    }

    /**
     * Empties the guestbook (the Spring context, and so the database, may be shared with other
     * tests), signs {@link #CLEAN} over HTTP and reads the page that shows it alone.
     */
    GuestbookDom startWithCleanEntry() {
        jdbc.sql("DELETE FROM entry").update();
        signed.clear();
        dialogsOnTheWay.clear();
        sign(http.postForm(CLEAN.name(), CLEAN.message()), 303, CLEAN);
        return open();
    }

    /**
     * Fills in the page's form in the browser with each payload and submits it, each time from the
     * page the last submission was redirected to; the dialogs those pages ask for are kept for
     * {@link #dialogsOnTheWay()}.
     */
    void signThroughTheBrowsersForm(List<String> payloads) {
        open();
        for (String payload : payloads) {
            Signature signature = Signature.of(payload);
            chromium.run(FILL_IN_AND_SUBMIT, signature.name(), signature.message());
            awaitNewPage();
            chromium.settle();
            assertThat(chromium.currentUrl())
                    .as("the browser was sent back to the page after signing with %s", XssCheck.visible(payload))
                    .isEqualTo(http.base().toString());
            dialogsOnTheWay.addAll(chromium.dialogs());
            signed.add(signature);
        }
    }

    /** What {@link #postWholeCorpusPageByPage} found: the problems of every page, and how many payload entries showed. */
    record CorpusShown(List<String> problems, int payloadEntries) {
    }

    /**
     * Posts the whole corpus over HTTP, {@code perPage} payloads at a time, each time on a page
     * started with {@link #startWithCleanEntry()}, and checks each page with
     * {@link #problemsShowingAsTyped}.
     */
    CorpusShown postWholeCorpusPageByPage(int perPage) throws IOException {
        List<String> problems = new ArrayList<>();
        int entries = 0;
        for (List<String> payloads : inPagesOf(perPage, corpusPayloads())) {
            GuestbookDom clean = startWithCleanEntry();

            postOverHttp(payloads);
            GuestbookDom page = open();

            entries += page.entries().size() - 1;
            for (String problem : problemsShowingAsTyped(page, clean)) {
                problems.add("page of " + XssCheck.visible(payloads.get(0)) + "...: " + problem);
            }
        }
        return new CorpusShown(problems, entries);
    }

    /** Posts each payload twice over HTTP: as a form ({@code POST /entries}) and as JSON. */
    void postOverHttp(List<String> payloads) {
        for (String payload : payloads) {
            Signature signature = Signature.of(payload);
            sign(http.postForm(signature.name(), signature.message()), 303, signature);
            sign(http.postJson(signature.name(), signature.message()), 201, signature);
        }
    }

    /** Opens the page of the entries in the browser, lets it settle and reads it. */
    GuestbookDom open() {
        chromium.open(pageUrl());
        chromium.settle();
        return GuestbookDom.read(chromium);
    }

    /** The dialogs of the pages {@link #signThroughTheBrowsersForm} was redirected to. */
    List<String> dialogsOnTheWay() {
        return dialogsOnTheWay;
    }

    /**
     * What keeps {@code page} from showing every entry signed since {@link #startWithCleanEntry()}
     * as typed, as text, and nothing else: a dialog, another address, an element or attribute that
     * {@code clean} does not have, a missing entry, a text that differs from the typed one (with
     * the characters the encoder replaces by a space replaced). Empty if there is nothing.
     */
    List<String> problemsShowingAsTyped(GuestbookDom page, GuestbookDom clean) {
        List<String> problems = new ArrayList<>();
        if (!page.dialogs().isEmpty()) {
            problems.add("dialogs " + page.dialogs());
        }
        if (!page.url().equals(pageUrl())) {
            problems.add("the browser went to " + page.url());
        }
        problems.addAll(page.injectionsComparedWith(clean));
        List<List<String>> typed = signedNewestFirst();
        if (page.texts().size() != typed.size()) {
            problems.add(page.texts().size() + " entries shown, " + typed.size() + " signed");
        }
        for (int i = 0; i < Math.min(typed.size(), page.texts().size()); i++) {
            if (!page.texts().get(i).equals(typed.get(i))) {
                problems.add("entry " + i + " shows " + visible(page.texts().get(i)) + ", typed " + visible(typed.get(i)));
                break;
            }
        }
        return problems;
    }

    private String pageUrl() {
        return http.base().resolve(entriesPath).toString();
    }

    /** What was signed, newest first as the page lists it, each as [name, message] as shown. */
    private List<List<String>> signedNewestFirst() {
        List<List<String>> newestFirst = new ArrayList<>();
        for (int i = signed.size() - 1; i >= 0; i--) {
            newestFirst.add(List.of(XssCheck.withInvalidCharactersReplaced(signed.get(i).name()),
                    XssCheck.withInvalidCharactersReplaced(signed.get(i).message())));
        }
        return newestFirst;
    }

    private static String visible(List<String> texts) {
        return texts.stream().map(text -> text == null ? "(none)" : XssCheck.visible(text)).toList().toString();
    }

    private void sign(HttpResponse<String> response, int expectedStatus, Signature signature) {
        assertThat(response.statusCode())
                .as("signing with %s: %s", XssCheck.visible(signature.message()), response.body())
                .isEqualTo(expectedStatus);
        signed.add(signature);
    }

    /** Waits until the document that set {@code __submitted} is replaced by a fully loaded one. */
    private void awaitNewPage() {
        long deadline = System.nanoTime() + PAGE_LOAD.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                Object loaded = chromium.run(
                        "return window.__submitted === undefined && document.readyState === 'complete';");
                if (Boolean.TRUE.equals(loaded)) {
                    return;
                }
            } catch (WebDriverException navigating) {
                // the old document went away while the script ran: ask the new one
            }
            pause();
        }
        throw new AssertionError("the page did not come back within " + PAGE_LOAD + " after submitting the form");
    }

    private static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
