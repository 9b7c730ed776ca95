package dev.htmlescape.examples.guestbook;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The guestbook's entries in the {@code entry} table, through Spring's {@link JdbcClient}. */
@Repository
class EntryRepository {

    private final JdbcClient jdbc;
    private final Clock clock = Clock.systemUTC();

    EntryRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores the form's text as it is and returns the stored entry. */
    Entry add(EntryForm form) {
        // the column keeps microseconds: truncate so the returned entry equals what a read gives
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO entry (name, message, created_at) VALUES (:name, :message, :createdAt)")
                .param("name", form.name())
                .param("message", form.message())
                .param("createdAt", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .update(key, "id");
        return new Entry(key.getKeyAs(Long.class), form.name(), form.message(), now);
    }

    /** Every entry, newest first. */
    List<Entry> findAll() {
        return jdbc.sql("SELECT id, name, message, created_at FROM entry ORDER BY id DESC")
                .query((rs, row) -> new Entry(rs.getLong("id"), rs.getString("name"), rs.getString("message"),
                        rs.getObject("created_at", OffsetDateTime.class).toInstant()))
                .list();
    }
}
