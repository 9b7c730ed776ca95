package dev.htmlescape.spring;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * A web application whose controllers store what they receive, for the HTTP tests. No component
 * scan: the library's beans must come from its auto-configuration alone.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import({InputsController.UntouchedController.class, InputsController.PageController.class,
        StoredOwners.OwnerController.class, Accounts.Security.class, Accounts.AccountController.class, GeneratedApi.OwnersController.class,
        Registry.RegistryController.class, Registry.Greetings.class})
class InputsApplication {

    static final String METHOD_VALIDATION = "inputs.method-validation";

    @Bean
    Received received() {
        return new Received();
    }

    @Bean
    @ConditionalOnBooleanProperty(name = METHOD_VALIDATION, havingValue = false, matchIfMissing = true)
    InputsController inputsController(Received received) {
        return new InputsController(received);
    }

    /** The same handlers behind a proxy that validates every call, with {@code inputs.method-validation=true}. */
    @Bean
    @ConditionalOnBooleanProperty(name = METHOD_VALIDATION)
    InputsController validatedInputsController(Received received) {
        return new InputsController.Validated(received);
    }

    /** What the handler methods received, by name: what an application would store. */
    static final class Received {

        private final Map<String, Object> values = new ConcurrentHashMap<>();

        void put(String name, Object value) {
            values.put(name, value);
        }

        Object get(String name) {
            return values.get(name);
        }

        void clear() {
            values.clear();
        }
    }
}
