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
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.openqa.selenium.UnexpectedAlertBehaviour;
import org.openqa.selenium.UnhandledAlertException;
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

    /**
     * Replaces the three dialog functions of each new document, in every frame, before any of the
     * page's own scripts run. A frame records into its top window when it may (same origin), so one
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
            })();
            """;

    private static final long SETTLE_MILLIS = 150;

    private final ChromeDriver driver;
    private final Path profile;
    private final List<String> nativeDialogs = new ArrayList<>();

    private HeadlessChromium(ChromeDriver driver, Path profile) {
        this.driver = driver;
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
     * Waits {@value #SETTLE_MILLIS} ms: long enough for the handlers a loaded page fires by itself
     * (an image's {@code onerror}, an animation's end, a focus) to have run, so that their dialogs
     * are recorded before the page is read. A plain pause: a script waiting in the page would never
     * return from a page that navigates away, as injected markup can make it.
     */
    void settle() {
        try {
            Thread.sleep(SETTLE_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
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
