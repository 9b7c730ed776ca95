package dev.htmlescape.examples.guestbook;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.openqa.selenium.UnexpectedAlertBehaviour;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium, driven by its chromedriver through Selenium, with a hook in every
 * document that records calls to {@code alert}, {@code confirm} and {@code prompt} instead of
 * opening a dialog.
 *
 * <p>Both binaries are required: when one is missing, {@link #start()} fails with the command that
 * installs them (in CI and outside it), so a browser test never passes by not running.
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

    private final ChromeDriver driver;
    private final Path profile;

    private HeadlessChromium(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /**
     * Starts Chromium with a new, empty profile and installs the dialog hook for every page it
     * loads from now on.
     *
     * @throws AssertionError if Chromium or chromedriver is not installed
     */
    static HeadlessChromium start() throws IOException {
        for (Path binary : List.of(CHROMIUM, CHROMEDRIVER)) {
            if (!Files.isExecutable(binary)) {
                throw new AssertionError(binary + " is missing: the browser tests need Debian's Chromium;"
                        + " install it with: apt-get install -y chromium chromium-driver (.ci/run does)");
            }
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
        driver.executeCdpCommand("Page.enable", Map.of());
        driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", DIALOG_HOOK));
        return new HeadlessChromium(driver, profile);
    }

    ChromeDriver driver() {
        return driver;
    }

    /** The dialogs the current page asked for, as {@code alert(message)}, in order. */
    @SuppressWarnings("unchecked")
    List<String> dialogs() {
        Object dialogs = driver.executeScript("return window.__dialogs || [];");
        return (List<String>) dialogs;
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
