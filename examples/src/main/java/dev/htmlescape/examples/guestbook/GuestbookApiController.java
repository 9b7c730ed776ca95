package dev.htmlescape.examples.guestbook;

import jakarta.validation.Valid;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The guestbook as JSON: entries are listed and signed at {@code /api/entries}. */
@RestController
@RequestMapping("/api/entries")
class GuestbookApiController {

    private final EntryRepository entries;

    GuestbookApiController(EntryRepository entries) {
        this.entries = entries;
    }

    /** Every entry, newest first, with its text as stored. */
    @GetMapping
    List<Entry> list() {
        return entries.findAll();
    }

    /** Stores an entry and returns it as stored: escaped, when the library is on. */
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Entry sign(@Valid @RequestBody EntryForm form) {
        return entries.add(form);
    }

    /** A body that failed validation: 400, with each field's messages under {@code errors}. */
    @ExceptionHandler(MethodArgumentNotValidException.class)
    ProblemDetail invalidBody(MethodArgumentNotValidException invalid) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The entry is not valid.");
        problem.setProperty("errors", ValidationMessages.byField(invalid));
        return problem;
    }
}
