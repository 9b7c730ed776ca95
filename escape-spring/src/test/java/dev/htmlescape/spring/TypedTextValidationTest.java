package dev.htmlescape.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.htmlescape.spring.Registry.RegisteredOwner;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Validation that runs after escaping judges the text as typed: JPA's validation before insert of an
 * entity on H2, and a {@code @Validated} service. Without it ({@code
 * html-escape.validate-typed-text=false}) both judge the escaped text and refuse valid names.
 */
class TypedTextValidationTest {

    /** 30 characters as typed, 34 once escaped. */
    private static final String LONGEST_NAME = "Aaaaaaaaaaaaaaaaaaaaaaaaa'Bbbb";

    static RunningApp app;
    static RunningApp judgingEscapedText;

    /**
     * Hibernate would size the column from {@code @Size(max = 30)}, too short for the escaped text;
     * the column's own length (150) holds it.
     */
    private static final String COLUMNS_AS_DECLARED = "spring.jpa.properties.hibernate.validator.apply_to_ddl=false";

    @BeforeAll
    static void start() {
        app = new RunningApp(COLUMNS_AS_DECLARED);
        judgingEscapedText = new RunningApp(COLUMNS_AS_DECLARED, "html-escape.validate-typed-text=false");
    }

    @AfterAll
    static void stop() {
        app.close();
        judgingEscapedText.close();
    }

    @Test
    void jpaValidationBeforeInsertAcceptsTextValidAsTypedAndStoresItEscaped() {
        HttpResponse<String> response = register(app, "O'Brien");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(stored(Long.valueOf(response.body()))).isEqualTo("O&#39;Brien");
    }

    @Test
    void jpaValidationJudgesTheLengthAsTyped() {
        HttpResponse<String> response = register(app, LONGEST_NAME);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(stored(Long.valueOf(response.body()))).hasSize(34);
    }

    @Test
    void jpaValidationStillRefusesTextInvalidAsTyped() {
        assertThat(register(app, "O'Brien 2nd").statusCode()).isEqualTo(422);
        assertThat(register(app, LONGEST_NAME + "b").statusCode()).isEqualTo(422);
        assertThat(register(app, "<b>").body()).isEqualTo("lastName");
    }

    @Test
    void aValidatedServiceJudgesTheTextAsTyped() {
        HttpResponse<String> valid = app.http.postForm("/registry/greetings", "lastName", "O'Brien");
        HttpResponse<String> invalid = app.http.postForm("/registry/greetings", "lastName", "O'Brien 2nd");

        assertThat(valid.statusCode()).as(valid.body()).isEqualTo(200);
        assertThat(valid.body()).isEqualTo("Dear O&#39;Brien");
        assertThat(invalid.statusCode()).isEqualTo(422);
    }

    @Test
    void withoutItBothJudgeTheEscapedText() {
        assertThat(register(judgingEscapedText, "O'Brien").statusCode()).isEqualTo(422);
        assertThat(judgingEscapedText.http.postForm("/registry/greetings", "lastName", "O'Brien").statusCode())
                .isEqualTo(422);
    }

    @Test
    void entitiesTheUserTypedAreJudgedAsTypedNotDecoded() {
        assertThat(register(app, "O&#39;Brien").statusCode()).isEqualTo(422);
    }

    private static HttpResponse<String> register(RunningApp running, String lastName) {
        return running.http.postForm("/registry/owners", "firstName", "Seamus", "lastName", lastName);
    }

    private static String stored(Long id) {
        EntityManager entities = app.bean(EntityManagerFactory.class).createEntityManager();
        try {
            return entities.find(RegisteredOwner.class, id).lastName();
        } finally {
            entities.close();
        }
    }
}
