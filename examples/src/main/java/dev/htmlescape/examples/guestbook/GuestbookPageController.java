package dev.htmlescape.examples.guestbook;

import jakarta.validation.Valid;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.BindException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.stereotype.Controller;

/** The guestbook page and its form. */
@Controller
class GuestbookPageController {

    private static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);

    private final EntryRepository entries;

    GuestbookPageController(EntryRepository entries) {
        this.entries = entries;
    }

    @GetMapping("/")
    ResponseEntity<String> page() {
        return ResponseEntity.ok().contentType(HTML)
                .body(GuestbookPage.render(entries.findAll(), GuestbookPage.Form.EMPTY));
    }

    /** Stores a signed form and sends the browser back to the page (post, redirect, get). */
    @PostMapping(path = "/entries", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<Void> sign(@Valid @ModelAttribute EntryForm form) {
        entries.add(form);
        return ResponseEntity.status(HttpStatus.SEE_OTHER).location(URI.create("/")).build();
    }

    /**
     * A form that failed validation: the page again, with what was typed and what was wrong, as a
     * 400. Without a {@code BindingResult} parameter, {@link #sign} is not called for such a form.
     */
    @ExceptionHandler(BindException.class)
    ResponseEntity<String> invalidForm(BindException invalid) {
        GuestbookPage.Form typed = new GuestbookPage.Form(
                typedValue(invalid, "name"), typedValue(invalid, "message"), ValidationMessages.byField(invalid));
        return ResponseEntity.badRequest().contentType(HTML).body(GuestbookPage.render(entries.findAll(), typed));
    }

    private static String typedValue(BindException invalid, String field) {
        Object value = invalid.getFieldValue(field);
        return value == null ? "" : value.toString();
    }
}
