package dev.htmlescape.spring;

import dev.htmlescape.EscapeException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * Answers a request whose input could not be escaped with 400 and a problem detail naming the path
 * to the value. The message cannot reflect the input: the core shows markup characters in it as
 * {@code \\uXXXX}. A controller advice of the application that handles {@link EscapeException} (or
 * any exception) comes first, as Spring orders advice beans of equal order by registration.
 */
@ControllerAdvice
final class EscapeExceptionAdvice {

    @ExceptionHandler(EscapeException.class)
    ResponseEntity<ProblemDetail> inputNotEscapable(EscapeException exception) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, exception.getMessage());
        problem.setTitle("Request input could not be escaped");
        problem.setProperty("path", exception.getPath());
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
