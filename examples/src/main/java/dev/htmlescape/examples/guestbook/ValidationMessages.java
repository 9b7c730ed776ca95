package dev.htmlescape.examples.guestbook;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.validation.BindException;
import org.springframework.validation.FieldError;

/** The validation messages of a rejected form or body, as the page and the API show them. */
final class ValidationMessages {

    private ValidationMessages() {
    }

    /** Each field's messages, fields in the order the validator reported them. */
    static Map<String, List<String>> byField(BindException invalid) {
        Map<String, List<String>> errors = new LinkedHashMap<>();
        for (FieldError error : invalid.getFieldErrors()) {
            errors.computeIfAbsent(error.getField(), field -> new ArrayList<>()).add(error.getDefaultMessage());
        }
        return errors;
    }
}
