package dev.htmlescape.spring;

import dev.htmlescape.NoEscape;
import dev.htmlescape.spring.InputsApplication.Received;
import java.util.List;
import org.hibernate.collection.spi.PersistentBag;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Forms that bind into an object loaded before binding, as Spring PetClinic's do: a
 * {@code @ModelAttribute} method reads the stored owner (an entity whose collection Hibernate
 * replaced by its own), and the request binds what the form sends into it.
 */
final class StoredOwners {

    private StoredOwners() {
    }

    /** An entity as stored: its text escaped when it came in, its pets a Hibernate collection. */
    public static class Owner {

        private String lastName;
        private String city;
        @NoEscape
        private String externalId;
        private final List<String> pets = new PersistentBag<>();

        public String getLastName() {
            return lastName;
        }

        public void setLastName(String lastName) {
            this.lastName = lastName;
        }

        public String getCity() {
            return city;
        }

        public void setCity(String city) {
            this.city = city;
        }

        public String getExternalId() {
            return externalId;
        }

        public void setExternalId(String externalId) {
            this.externalId = externalId;
        }

        public List<String> getPets() {
            return pets;
        }
    }

    @RestController
    static class OwnerController {

        private final Received received;

        OwnerController(Received received) {
            this.received = received;
        }

        @ModelAttribute("owner")
        Owner findOwner() {
            return (Owner) received.get("storedOwner");
        }

        @PostMapping("/owners/edit")
        void edit(@ModelAttribute("owner") Owner owner) {
            received.put("editedOwner", owner);
        }

        @PostMapping("/owners/pets")
        void addPet(@ModelAttribute("owner") Owner owner, @RequestParam String name) {
            received.put("editedOwner", owner);
            received.put("petName", name);
        }
    }
}
