package dev.htmlescape.spring;

import dev.htmlescape.EscapeException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * Answers a request whose input could not be escaped with 400 and a problem detail that says so in
 * general terms and names the path to the value. The exception's own message, which may quote a
 * class or the text of an exception the graph's code threw, goes to the log at WARNING, never into
 * the response. A controller advice of the application that handles {@link EscapeException} (or
 * any exception) comes first, as Spring orders advice beans of equal order by registration.
 */
@ControllerAdvice
final class EscapeExceptionAdvice {

    static final String DETAIL = "A value of the request could not be escaped; the path names it.";

    private static final System.Logger LOG = System.getLogger("dev.htmlescape.spring");

    @ExceptionHandler(EscapeException.class)
    ResponseEntity<ProblemDetail> inputNotEscapable(EscapeException exception) {
        LOG.log(System.Logger.Level.WARNING, "Request input refused with 400: {0}", exception.getMessage());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, DETAIL);
        problem.setTitle("Request input could not be escaped");
        problem.setProperty("path", exception.getPath());
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
