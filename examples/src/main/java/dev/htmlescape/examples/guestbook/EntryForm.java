package dev.htmlescape.examples.guestbook;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * What a visitor signs the guestbook with, from the page's form or as JSON.
 *
 * <p>The limits apply to the text as typed: the library escapes after validation, so the stored
 * text may be longer (see {@code schema.sql}).
 *
 * @param name who signs, at most 40 characters
 * @param message what they write, at most 500 characters
 */
public record EntryForm(
        @NotBlank @Size(max = NAME_MAX) String name,
        @NotBlank @Size(max = MESSAGE_MAX) String message) {

    /** The longest name accepted, in UTF-16 characters as typed. */
    public static final int NAME_MAX = 40;

    /** The longest message accepted, in UTF-16 characters as typed. */
    public static final int MESSAGE_MAX = 500;
}
