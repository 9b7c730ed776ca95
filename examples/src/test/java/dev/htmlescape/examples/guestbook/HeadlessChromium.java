package dev.htmlescape.examples.guestbook;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.openqa.selenium.UnexpectedAlertBehaviour;
import org.openqa.selenium.UnhandledAlertException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium, driven by its chromedriver through Selenium, with a hook in every
 * document that records calls to {@code alert}, {@code confirm} and {@code prompt} instead of
 * opening a dialog.
 *
 * <p>Selenium warns at start that it has no CDP implementation for this Chromium version: none is
 * needed, since the one DevTools command used here goes through chromedriver.
 *
 * <p>Both binaries are required: when one is missing, {@link #start()} fails with the command that
 * installs them, so a browser test never passes by not running. Whether a test runs at all where
 * they are missing is {@link BrowserInstalled}'s decision.
 */
final class HeadlessChromium implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Duration SETTLE_TIMEOUT = Duration.ofSeconds(20);

    /**
     * Replaces the three dialog functions of each new document, in every frame, before any of the
     * page's own scripts run, and counts the frames it renders for {@link #settle}. A frame records
     * into its top window when it may (same origin), so one
     * list holds every dialog the page asked for; the functions answer as a dismissed dialog would.
     */
    private static final String DIALOG_HOOK = """
            (() => {
              const log = () => {
                try {
                  return window.top.__dialogs || (window.top.__dialogs = []);
                } catch (crossOrigin) {
                  return window.__dialogs || (window.__dialogs = []);
                }
              };
              for (const kind of ['alert', 'confirm', 'prompt']) {
                const record = function (message) {
                  let text;
                  try { text = String(message); } catch (unprintable) { text = '?'; }
                  log().push(kind + '(' + text + ')');
                  return kind === 'confirm' ? false : (kind === 'prompt' ? null : undefined);
                };
                Object.defineProperty(window, kind, { value: record, writable: false, configurable: false });
              }
              // for settle(): the frames this document rendered, counted with the browser's own timer,
              // taken before the page can replace it
              const frame = window.requestAnimationFrame.bind(window);
              let frames = 0;
              const count = () => { frames++; frame(count); };
              frame(count);
              Object.defineProperty(window, '__frames', { get: () => frames, configurable: false });
            })();
            """;


    private final ChromeDriver driver;
    /** The window the pages are opened in. */
    private final String window;
    private final Path profile;
    private final List<String> nativeDialogs = new ArrayList<>();

    private HeadlessChromium(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.window = driver.getWindowHandle();
        this.profile = profile;
    }

    /** Whether both binaries are installed. */
    static boolean installed() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    /**
     * Starts Chromium with a new, empty profile and installs the dialog hook for every page it
     * loads from now on.
     *
     * @throws AssertionError if Chromium or chromedriver is not installed
     */
    static HeadlessChromium start() throws IOException {
        if (!installed()) {
            throw new AssertionError(CHROMIUM + " or " + CHROMEDRIVER + " is missing: the browser tests need"
                    + " Debian's Chromium; install it with: apt-get install -y chromium chromium-driver (.ci/run does)");
        }
        Path profile = Files.createTempDirectory("guestbook-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                // without these Chromium dials out at start, and on a closed network waits for it
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                // what a payload loads from another host fails at once instead of waiting for DNS
                "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
                "--user-data-dir=" + profile);
        // a dialog the hook missed (an opaque frame's) is accepted and reported on the next command
        options.setUnhandledPromptBehaviour(UnexpectedAlertBehaviour.ACCEPT_AND_NOTIFY);
        options.setPageLoadTimeout(Duration.ofSeconds(60));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        ChromeDriver driver;
        try {
            driver = new ChromeDriver(service, options);
        } catch (RuntimeException failed) {
            deleteTree(profile);
            throw failed;
        }
        driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", DIALOG_HOOK));
        return new HeadlessChromium(driver, profile);
    }

    /** Loads {@code url} and waits for its {@code load} event. */
    void open(String url) {
        whileAcceptingNativeDialogs(() -> {
            driver.get(url);
            return null;
        });
    }

    /**
     * Waits, once the current document has loaded ({@link #open} and a form's submission wait for
     * its {@code load} event), until it rendered two more frames: by then the handlers a loaded page
     * fires by itself (an image's {@code onerror}, an autofocus's {@code onfocus}, a zero-length
     * animation's end) have run, and their dialogs are recorded before the page is read. The frames
     * are counted by the dialog hook with the browser's own timer, and read from here, so neither a
     * page that replaces its timers nor a dialog the hook missed (which stops rendering until it is
     * answered) can stall the wait; a document that navigates away starts the count again.
     */
    void settle() {
        closeOtherWindows();
        long deadline = System.nanoTime() + SETTLE_TIMEOUT.toNanos();
        long from = framesRendered();
        for (long now = from; now < from + 2; now = framesRendered()) {
            if (now < from) {
                from = 0; // another document, counting from the start
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the page rendered " + (now - from) + " frames in " + SETTLE_TIMEOUT);
            }
            Thread.onSpinWait();
        }
    }

    /**
     * Closes the windows a page opened ({@code window.open} in a payload) and brings the page's own
     * back to the front: a page behind another renders no frames.
     */
    private void closeOtherWindows() {
        Set<String> windows = whileAcceptingNativeDialogs(driver::getWindowHandles);
        if (windows.size() == 1 && windows.contains(window)) {
            return;
        }
        for (String other : windows) {
            if (!other.equals(window)) {
                driver.switchTo().window(other);
                driver.close();
            }
        }
        driver.switchTo().window(window);
    }

    /** The frames the current document rendered; 0 while a navigation replaces it. */
    private long framesRendered() {
        try {
            Object frames = run("return window.__frames || 0;");
            return ((Number) frames).longValue();
        } catch (WebDriverException navigating) {
            return 0;
        }
    }

    /** Runs {@code script} in the current page, as {@link ChromeDriver#executeScript} does. */
    Object run(String script, Object... args) {
        return whileAcceptingNativeDialogs(() -> driver.executeScript(script, args));
    }

    String currentUrl() {
        return driver.getCurrentUrl();
    }

    /**
     * The dialogs the current page asked for, in order: those the hook recorded, as
     * {@code alert(message)}, and then the real ones it missed, as {@code native dialog(message)}.
     */
    @SuppressWarnings("unchecked")
    List<String> dialogs() {
        List<String> dialogs = new ArrayList<>((List<String>) run("return window.__dialogs || [];"));
        dialogs.addAll(nativeDialogs);
        nativeDialogs.clear();
        return dialogs;
    }

    /**
     * Runs a command; a real dialog that was open when it ran (one the hook missed) is accepted,
     * recorded for {@link #dialogs()}, and the command tried again.
     */
    private <T> T whileAcceptingNativeDialogs(Supplier<T> command) {
        for (int attempt = 1; ; attempt++) {
            try {
                return command.get();
            } catch (UnhandledAlertException dialog) {
                nativeDialogs.add("native dialog(" + dialog.getAlertText() + ")");
                if (attempt == 10) {
                    throw dialog;
                }
            }
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            deleteTree(profile);
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete the browser profile " + root, e);
        }
    }
}
