package dev.htmlescape.examples.guestbook;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the HTTP tests of the guestbook share: an empty guestbook before each test, and a client for
 * the one the subclass's {@code @SpringBootTest} starts.
 */
abstract class EmptyGuestbookTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    GuestbookHttp http;

    @BeforeEach
    void emptyGuestbook() {
        jdbc.sql("DELETE FROM entry").update();
        http = new GuestbookHttp(port);
    }
}
