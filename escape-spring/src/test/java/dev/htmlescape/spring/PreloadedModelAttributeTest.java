package dev.htmlescape.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.htmlescape.spring.StoredOwners.Owner;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A model attribute loaded before binding (a {@code @ModelAttribute} method, the session): only what
 * the request binds into it is escaped, once, as it is bound. What it held before was stored escaped
 * and is neither escaped again nor walked, so the persistence library's collection in it is no
 * refusal, and an edit form sent back unchanged stores the same text.
 */
class PreloadedModelAttributeTest {

    static RunningApp app;
    private Owner stored;

    @BeforeAll
    static void start() {
        app = new RunningApp();
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @BeforeEach
    void storeAnOwner() {
        app.received.clear();
        stored = new Owner();
        stored.setLastName("O&#39;Brien");
        stored.setCity("a &amp; b");
        app.received.put("storedOwner", stored);
    }

    @Test
    void anEditFormSentBackAsShownStoresTheSameText() {
        // what a browser sends from the form that showed the stored text as typed
        HttpResponse<String> response = app.http.postForm("/owners/edit", "lastName", "O'Brien", "city", "a & b");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(app.received.get("editedOwner")).isSameAs(stored);
        assertThat(stored.getLastName()).isEqualTo("O&#39;Brien");
        assertThat(stored.getCity()).isEqualTo("a &amp; b");
    }

    @Test
    void whatTheRequestDoesNotBindIsNotEscapedAgain() {
        HttpResponse<String> response = app.http.postForm("/owners/pets", "name", "Rex & <Max>");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(app.received.get("petName")).isEqualTo("Rex &amp; &lt;Max&gt;");
        assertThat(stored.getLastName()).isEqualTo("O&#39;Brien");
        assertThat(stored.getCity()).isEqualTo("a &amp; b");
    }

    @Test
    void aBoundValueIsEscapedOnceAndAFieldThatOptsOutIsNot() {
        HttpResponse<String> response = app.http.postForm("/owners/edit", "city", "<i>Cork</i>", "externalId", "a&b");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(stored.getCity()).isEqualTo("&lt;i&gt;Cork&lt;/i&gt;");
        assertThat(stored.getExternalId()).isEqualTo("a&b");
        assertThat(stored.getLastName()).isEqualTo("O&#39;Brien");
    }
}
