package dev.htmlescape.spring;

import dev.htmlescape.spring.InputsApplication.Received;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityManager;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.stream.Collectors;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Validation that runs after escaping, as applications have it: a JPA entity validated by Hibernate
 * before insert, and a {@code @Validated} service. The form has no constraints of its own.
 */
final class Registry {

    static final String LAST_NAME = GeneratedApi.LAST_NAME;

    private Registry() {
    }

    /** The bound form: unconstrained, so that only the later validation judges it. */
    public static class NewOwner {

        private String firstName;
        private String lastName;

        public String getFirstName() {
            return firstName;
        }

        public void setFirstName(String firstName) {
            this.firstName = firstName;
        }

        public String getLastName() {
            return lastName;
        }

        public void setLastName(String lastName) {
            this.lastName = lastName;
        }
    }

    @Entity
    public static class RegisteredOwner {

        @Id
        @GeneratedValue
        private Long id;

        @NotBlank
        private String firstName;

        // escaped text is longer than typed, up to 5 times for "'": not the 30 Hibernate derives from @Size
        @Pattern(regexp = LAST_NAME)
        @Size(max = 30)
        @Column(length = 150)
        private String lastName;

        protected RegisteredOwner() {
        }

        RegisteredOwner(String firstName, String lastName) {
            this.firstName = firstName;
            this.lastName = lastName;
        }

        Long id() {
            return id;
        }

        String lastName() {
            return lastName;
        }
    }

    /** A service whose parameters Spring's method validation judges. */
    @Validated
    @Service
    static class Greetings {

        String greet(@Pattern(regexp = LAST_NAME) @Size(max = 30) String lastName) {
            return "Dear " + lastName;
        }
    }

    @RestController
    static class RegistryController {

        private final EntityManager entities;
        private final TransactionTemplate transactions;
        private final Greetings greetings;
        private final Received received;

        RegistryController(EntityManager entities, TransactionTemplate transactions, Greetings greetings,
                Received received) {
            this.entities = entities;
            this.transactions = transactions;
            this.greetings = greetings;
            this.received = received;
        }

        @PostMapping("/registry/owners")
        ResponseEntity<String> register(NewOwner form) {
            try {
                Long id = transactions.execute(status -> {
                    RegisteredOwner owner = new RegisteredOwner(form.getFirstName(), form.getLastName());
                    entities.persist(owner);
                    return owner.id();
                });
                received.put("ownerId", id);
                return ResponseEntity.ok(String.valueOf(id));
            } catch (RuntimeException refused) {
                return unprocessable(refused);
            }
        }

        @PostMapping("/registry/greetings")
        ResponseEntity<String> greet(NewOwner form) {
            try {
                return ResponseEntity.ok(greetings.greet(form.getLastName()));
            } catch (RuntimeException refused) {
                return unprocessable(refused);
            }
        }

        /** Constraint violations as a 422 listing the properties, as an application's handler would. */
        private static ResponseEntity<String> unprocessable(RuntimeException refused) {
            for (Throwable cause = refused; cause != null; cause = cause.getCause()) {
                if (cause instanceof ConstraintViolationException violations) {
                    return ResponseEntity.unprocessableEntity().body(violations.getConstraintViolations().stream()
                            .map(ConstraintViolation::getPropertyPath).map(Object::toString).sorted()
                            .collect(Collectors.joining(",")));
                }
            }
            throw refused;
        }
    }
}
