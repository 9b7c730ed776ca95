package dev.htmlescape.spring;

import dev.htmlescape.spring.InputsApplication.Received;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

/**
 * An API as OpenAPI Generator writes it with {@code interfaceOnly}: the interface carries
 * {@code @Validated}, the mappings and the parameter annotations; the DTO has its constraints on
 * getters; the application's controller only implements the interface. Spring's
 * {@code MethodValidationInterceptor} then validates inside the controller's proxy.
 */
final class GeneratedApi {

    static final String LAST_NAME = "^[\\p{L}]+([ '-][\\p{L}]+){0,2}$";

    private GeneratedApi() {
    }

    @Validated
    interface OwnersApi {

        @RequestMapping(method = RequestMethod.POST, value = "/api/owners", produces = "application/json",
                consumes = "application/json")
        ResponseEntity<OwnerFields> addOwner(@Valid @RequestBody OwnerFields ownerFields);
    }

    /** The generated DTO: fluent setters, constraints on the getters. */
    public static class OwnerFields {

        private String firstName;
        private String lastName;

        public OwnerFields firstName(String firstName) {
            this.firstName = firstName;
            return this;
        }

        @NotNull
        @Pattern(regexp = LAST_NAME)
        @Size(min = 1, max = 30)
        public String getFirstName() {
            return firstName;
        }

        public void setFirstName(String firstName) {
            this.firstName = firstName;
        }

        @NotNull
        @Pattern(regexp = LAST_NAME)
        @Size(min = 1, max = 30)
        public String getLastName() {
            return lastName;
        }

        public void setLastName(String lastName) {
            this.lastName = lastName;
        }
    }

    /** What the application writes: no annotation on the parameter. */
    @RestController
    static class OwnersController implements OwnersApi {

        private final Received received;

        OwnersController(Received received) {
            this.received = received;
        }

        @Override
        public ResponseEntity<OwnerFields> addOwner(OwnerFields ownerFields) {
            received.put("owner", ownerFields);
            return new ResponseEntity<>(ownerFields, HttpStatus.CREATED);
        }
    }
}
