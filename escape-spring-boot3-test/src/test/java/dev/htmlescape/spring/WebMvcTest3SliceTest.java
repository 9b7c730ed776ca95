package dev.htmlescape.spring;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * An application's {@code @WebMvcTest} slice escapes as the application does: the library's
 * auto-configuration is one of those a Spring MVC slice imports (Boot 3.x).
 */
// the application's security filters (Spring Security is on this class path) are not what is tested
@WebMvcTest
@AutoConfigureMockMvc(addFilters = false)
class WebMvcTest3SliceTest {

    @SpringBootConfiguration
    @Import(EchoController.class)
    static class Slice {
    }

    @RestController
    static class EchoController {

        @PostMapping("/echo")
        String echo(@RequestParam String name) {
            return name;
        }
    }

    @Autowired
    MockMvc mvc;

    @Test
    void escapesInAWebMvcTestSlice() throws Exception {
        mvc.perform(post("/echo").param("name", "O'Brien <b>"))
                .andExpect(status().isOk())
                .andExpect(content().string("O&#39;Brien &lt;b&gt;"));
    }
}
