package dev.htmlescape.spring;

import dev.htmlescape.Escape;
import dev.htmlescape.EscapeContext;
import dev.htmlescape.NoEscape;
import dev.htmlescape.spring.InputsApplication.Received;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** One handler per input source; each stores what it received under the source's name. */
@RestController
class InputsController {

    private final Received received;

    InputsController(Received received) {
        this.received = received;
    }

    /** A person as a form or JSON sends it; the constraints judge the text as typed. */
    record Person(@NotBlank @Pattern(regexp = "[\\p{L}' -]+") @Size(max = 7) String name, String note) {
    }

    /** A mutable DTO with nested text, a list and a map. */
    static class Comment {
        private String author;
        private String text;
        private List<String> tags = new ArrayList<>();
        private Map<String, String> attributes = new LinkedHashMap<>();
        private Person person;

        public String getAuthor() {
            return author;
        }

        public void setAuthor(String author) {
            this.author = author;
        }

        public String getText() {
            return text;
        }

        public void setText(String text) {
            this.text = text;
        }

        public List<String> getTags() {
            return tags;
        }

        public void setTags(List<String> tags) {
            this.tags = tags;
        }

        public Map<String, String> getAttributes() {
            return attributes;
        }

        public void setAttributes(Map<String, String> attributes) {
            this.attributes = attributes;
        }

        public Person getPerson() {
            return person;
        }

        public void setPerson(Person person) {
            this.person = person;
        }
    }

    /** A login form: the password is compared, never shown, so it stays as typed. */
    static class Login {
        private String user;
        @NoEscape
        private String password;

        public String getUser() {
            return user;
        }

        public void setUser(String user) {
            this.user = user;
        }

        public String getPassword() {
            return password;
        }

        public void setPassword(String password) {
            this.password = password;
        }
    }

    /** An immutable class that is not a record: its final field cannot be written, nor the object rebuilt. */
    static final class FinalNote {
        private final String text;

        @com.fasterxml.jackson.annotation.JsonCreator
        FinalNote(@com.fasterxml.jackson.annotation.JsonProperty("text") String text) {
            this.text = text;
        }

        String text() {
            return text;
        }
    }

    @PostMapping(path = "/json/final-note", consumes = MediaType.APPLICATION_JSON_VALUE)
    void jsonFinalNote(@RequestBody FinalNote note) {
        received.put("finalNote", note.text());
    }

    @PostMapping(path = "/json/comment", consumes = MediaType.APPLICATION_JSON_VALUE)
    void jsonComment(@RequestBody Comment comment) {
        received.put("comment", comment);
    }

    @PostMapping(path = "/json/person", consumes = MediaType.APPLICATION_JSON_VALUE)
    void jsonPerson(@Valid @RequestBody Person person) {
        received.put("person", person);
    }

    @PostMapping(path = "/json/map", consumes = MediaType.APPLICATION_JSON_VALUE)
    void jsonMap(@RequestBody Map<String, String> map) {
        received.put("map", map);
    }

    @PostMapping(path = "/json/entity", consumes = MediaType.APPLICATION_JSON_VALUE)
    void jsonEntity(HttpEntity<Person> entity) {
        received.put("entity", entity.getBody());
    }

    @PostMapping(path = "/form-body", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    void formBody(@RequestBody MultiValueMap<String, String> form) {
        received.put("formBody", form);
    }

    @PostMapping(path = "/text", consumes = MediaType.TEXT_PLAIN_VALUE)
    void text(@RequestBody String text) {
        received.put("text", text);
    }

    @PostMapping("/form/comment")
    void formComment(@ModelAttribute Comment comment) {
        received.put("formComment", comment);
    }

    @PostMapping("/form/person")
    void formPerson(@Valid Person person) {
        received.put("formPerson", person);
    }

    @PostMapping("/form/person-and-model")
    void formPersonAndModel(@ModelAttribute("person") Person person, org.springframework.ui.Model model) {
        received.put("modelPerson", model.getAttribute("person"));
    }

    @GetMapping("/query/person")
    void queryPerson(@Valid @ModelAttribute Person person) {
        received.put("queryPerson", person);
    }

    @PostMapping("/login")
    void login(Login login) {
        received.put("login", login);
    }

    @GetMapping("/param")
    void param(@RequestParam String name, @RequestParam Optional<String> nickname) {
        received.put("param", name);
        received.put("optionalParam", nickname);
    }

    @GetMapping("/param/list")
    void paramList(@RequestParam List<String> tag) {
        received.put("paramList", tag);
    }

    @GetMapping("/param/map")
    void paramMap(@RequestParam Map<String, String> parameters) {
        received.put("paramMap", parameters);
    }

    @GetMapping("/param/validated")
    void validatedParam(@RequestParam @Pattern(regexp = "[\\p{L}' -]+") @Size(max = 7) String name) {
        received.put("validatedParam", name);
    }

    @GetMapping("/param/script")
    void scriptParam(@RequestParam @Escape(EscapeContext.JAVASCRIPT) String value) {
        received.put("scriptParam", value);
    }

    @GetMapping("/param/raw")
    void rawParam(@RequestParam @NoEscape String value, @RequestParam String other) {
        received.put("rawParam", value);
        received.put("otherParam", other);
    }

    @NoEscape
    @GetMapping("/method/raw")
    void rawMethod(@RequestParam String value) {
        received.put("rawMethod", value);
    }

    @GetMapping("/path/{value}")
    void pathVariable(@PathVariable String value) {
        received.put("path", value);
    }

    @GetMapping("/header")
    void header(@RequestHeader("X-Note") String note, @RequestHeader HttpHeaders headers) {
        received.put("header", note);
        received.put("headers", headers);
    }

    @GetMapping("/cookie")
    void cookie(@CookieValue("note") String note) {
        received.put("cookie", note);
    }

    @PostMapping("/part")
    void part(@RequestPart("person") Person person, @RequestPart("file") MultipartFile file) {
        received.put("part", person);
        received.put("fileName", file.getOriginalFilename());
    }

    /** A page rendered by Thymeleaf from a bound model attribute, with a form to edit it. */
    @org.springframework.stereotype.Controller
    static class PageController {

        /** An application's own String editor, as many have: the forms must still show typed text. */
        @org.springframework.web.bind.annotation.InitBinder
        void trimStrings(org.springframework.web.bind.WebDataBinder binder) {
            binder.registerCustomEditor(String.class, new org.springframework.beans.propertyeditors.StringTrimmerEditor(false));
        }

        /** A mutable bean, as an entity or a form object is, shown in a form. */
        public static class Card {
            @Size(max = 7)
            private String name;
            private String notes;
            @NoEscape
            private String markup;
            private String password;

            public String getMarkup() {
                return markup;
            }

            public void setMarkup(String markup) {
                this.markup = markup;
            }

            public String getPassword() {
                return password;
            }

            public void setPassword(String password) {
                this.password = password;
            }

            public String getName() {
                return name;
            }

            public void setName(String name) {
                this.name = name;
            }

            public String getNotes() {
                return notes;
            }

            public void setNotes(String notes) {
                this.notes = notes;
            }
        }

        @GetMapping("/view/card")
        String card(@ModelAttribute("card") Card card) {
            return "card";
        }

        /** The form again, with what was typed, when validation fails. */
        @org.springframework.web.bind.annotation.PostMapping("/view/card")
        String editCard(@Valid @ModelAttribute("card") Card card, org.springframework.validation.BindingResult result) {
            return "card";
        }

        @GetMapping("/view/person")
        String person(@ModelAttribute("person") Person person, @RequestParam List<String> tags,
                org.springframework.ui.Model model) {
            model.addAttribute("tags", tags);
            return "person";
        }
    }

    /** The same handlers, validated by {@code MethodValidationInterceptor} inside the controller's proxy. */
    @org.springframework.validation.annotation.Validated
    static class Validated extends InputsController {

        Validated(Received received) {
            super(received);
        }
    }

    /** A controller whose input is all left as it is. */
    @NoEscape
    @RestController
    static class UntouchedController {

        private final Received received;

        UntouchedController(Received received) {
            this.received = received;
        }

        @GetMapping("/untouched")
        void untouched(@RequestParam String value) {
            received.put("untouched", value);
        }
    }
}
