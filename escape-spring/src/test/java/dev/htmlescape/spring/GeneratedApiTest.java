package dev.htmlescape.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.htmlescape.spring.GeneratedApi.OwnerFields;
import dev.htmlescape.spring.GeneratedApi.OwnersController;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.aop.Advisor;
import org.springframework.aop.framework.Advised;
import org.springframework.aop.support.AopUtils;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.validation.beanvalidation.MethodValidationInterceptor;

/**
 * An interface-only controller as OpenAPI Generator writes it, validated twice: by Spring MVC while
 * the body is resolved, and by {@code MethodValidationInterceptor} inside the controller's proxy.
 * Both judge the text as typed; the controller receives it escaped.
 */
class GeneratedApiTest {

    /** 30 characters as typed, 34 once escaped. */
    private static final String LONGEST_NAME = "Aaaaaaaaaaaaaaaaaaaaaaaaa'Bbbb";

    static RunningApp app;

    @BeforeAll
    static void start() {
        app = new RunningApp();
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @BeforeEach
    void forget() {
        app.received.clear();
    }

    @Test
    void escapesAsTheInnermostAdviceOfTheControllersProxy() {
        addOwner("Seamus", "O'Brien");
        Object controller = app.bean(OwnersController.class);

        assertThat(AopUtils.isAopProxy(controller)).isTrue();
        Advisor[] chain = ((Advised) controller).getAdvisors();
        assertThat(chain).anyMatch(advisor -> advisor.getAdvice() instanceof MethodValidationInterceptor);
        assertThat(chain[chain.length - 1].getAdvice()).isInstanceOf(InnermostEscaping.class);
    }

    @Test
    void acceptsTextThatIsValidAsTypedAndStoresItEscaped() {
        HttpResponse<String> response = addOwner("Seamus", "O'Brien");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        assertThat(owner().getLastName()).isEqualTo("O&#39;Brien");
        assertThat(owner().getFirstName()).isEqualTo("Seamus");
    }

    @Test
    void judgesTheLengthAsTyped() {
        assertThat(LONGEST_NAME).hasSize(30);

        HttpResponse<String> response = addOwner("Seamus", LONGEST_NAME);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        assertThat(owner().getLastName()).isEqualTo(LONGEST_NAME.replace("'", "&#39;"));
    }

    @Test
    void stillRefusesMarkupWith400() {
        HttpResponse<String> response = addOwner("Seamus", "<script>alert(1)</script>");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(app.received.get("owner")).isNull();
    }

    @Test
    void staysInnermostWhenValidationIsAddedAfterIt() {
        // a validating advice added to the end of the chain after the application started
        Advised proxy = (Advised) app.bean(OwnersController.class);
        addOwner("Seamus", "O'Brien");
        DefaultPointcutAdvisor lateValidation = new DefaultPointcutAdvisor(
                new MethodValidationInterceptor(app.bean(jakarta.validation.Validator.class)));
        proxy.addAdvisor(lateValidation);
        try {
            HttpResponse<String> response = addOwner("Seamus", "O'Brien");

            assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
            assertThat(owner().getLastName()).isEqualTo("O&#39;Brien");
            assertThat(proxy.indexOf(lateValidation)).isLessThan(proxy.getAdvisorCount() - 1);
        } finally {
            proxy.removeAdvisor(lateValidation);
        }
    }

    private static HttpResponse<String> addOwner(String firstName, String lastName) {
        return app.http.postJson("/api/owners", "{\"firstName\":\"" + firstName + "\",\"lastName\":\"" + lastName + "\"}");
    }

    private static OwnerFields owner() {
        return (OwnerFields) app.received.get("owner");
    }
}
