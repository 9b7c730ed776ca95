package dev.htmlescape.examples.guestbook;

import java.io.IOException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the browser test and its control share: one headless Chromium per class and a
 * {@link StoredXssScenario} against the guestbook the subclass's {@code @SpringBootTest} starts;
 * run where a browser is installed or required ({@link BrowserInstalled}).
 */
@ExtendWith(BrowserInstalled.class)
abstract class BrowserScenarioTest {

    static HeadlessChromium chromium;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    StoredXssScenario scenario;

    @BeforeAll
    static void startChromium() throws IOException {
        chromium = HeadlessChromium.start();
    }

    @AfterAll
    static void stopChromium() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @BeforeEach
    void connect() {
        scenario = new StoredXssScenario(chromium, port, jdbc);
    }
}
