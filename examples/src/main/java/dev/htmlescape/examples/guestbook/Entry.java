package dev.htmlescape.examples.guestbook;

import java.time.Instant;

/**
 * One stored guestbook entry. Its text is what was stored: escaped by the library when it is on.
 *
 * @param id the database key, in the order entries were made
 * @param name who signed
 * @param message what they wrote
 * @param createdAt when it was stored
 */
public record Entry(long id, String name, String message, Instant createdAt) {
}
