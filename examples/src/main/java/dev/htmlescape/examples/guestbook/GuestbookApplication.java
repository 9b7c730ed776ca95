package dev.htmlescape.examples.guestbook;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;

/**
 * A guestbook on Spring Boot: a page with a form and every entry ({@code GET /}, {@code POST
 * /entries}) and a JSON API ({@code GET} and {@code POST /api/entries}), stored in an in-memory H2
 * database.
 *
 * <p>The application has no escaping code of its own: {@code escape-spring} on the class path
 * escapes every String a controller receives, after validation and before it is stored. The page
 * writes the stored text without output encoding, on purpose, so that turning the library off
 * ({@code --html-escape.enabled=false}) shows what it prevents. Do not copy that part.
 *
 * <p>From the project root: {@code ./mvnw -B -q -pl examples -am verify -DskipTests
 * -Prun-example}, then open http://localhost:8080/.
 */
@SpringBootApplication
public class GuestbookApplication {

    private static final Logger LOG = LoggerFactory.getLogger(GuestbookApplication.class);

    /**
     * Starts the guestbook.
     *
     * @param args Spring Boot arguments, such as {@code --server.port=8081} or
     *     {@code --html-escape.enabled=false}
     */
    public static void main(String[] args) {
        SpringApplication.run(GuestbookApplication.class, args);
    }

    /** Says where to open the page: Boot's own log names the port, not the address. */
    @EventListener
    void announce(ApplicationReadyEvent ready) {
        // read from the environment, which both Boot lines fill, rather than from a web server event that moved package
        LOG.info("The guestbook is open at http://localhost:{}/",
                ready.getApplicationContext().getEnvironment().getProperty("local.server.port"));
    }
}
