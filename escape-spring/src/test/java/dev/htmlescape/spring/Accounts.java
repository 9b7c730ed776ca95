package dev.htmlescape.spring;

import dev.htmlescape.spring.InputsApplication.Received;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.DefaultHttpFirewall;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Accounts as an application has them: registration through a controller (a form and JSON), the
 * password hashed and stored, and Spring Security's form login, which reads the raw request
 * parameter. Every other request is let through, so the other tests see the application as before.
 */
final class Accounts {

    private Accounts() {
    }

    /** The registration form: the password is compared at login, so it must stay as typed. */
    public static class Registration {

        private String username;
        private String displayName;
        private String password;

        public String getUsername() {
            return username;
        }

        public void setUsername(String username) {
            this.username = username;
        }

        public String getDisplayName() {
            return displayName;
        }

        public void setDisplayName(String displayName) {
            this.displayName = displayName;
        }

        public String getPassword() {
            return password;
        }

        public void setPassword(String password) {
            this.password = password;
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Security {

        /** Registered users: name and password hash. */
        @Bean
        Map<String, String> passwordHashes() {
            return new ConcurrentHashMap<>();
        }

        @Bean
        PasswordEncoder passwordEncoder() {
            return PasswordEncoderFactories.createDelegatingPasswordEncoder();
        }

        @Bean
        UserDetailsService users(Map<String, String> passwordHashes) {
            return name -> {
                String hash = passwordHashes.get(name);
                if (hash == null) {
                    throw new UsernameNotFoundException(name);
                }
                return User.withUsername(name).password(hash).roles("USER").build();
            };
        }

        /**
         * The other tests send every code point, control characters included, through parameters,
         * headers and paths: Spring Security's strict firewall would refuse those before any
         * controller saw them, so this application takes the firewall that only normalizes.
         */
        @Bean
        WebSecurityCustomizer firewallThatLetsEveryCharacterThrough() {
            return web -> web.httpFirewall(new DefaultHttpFirewall());
        }

        @Bean
        SecurityFilterChain everythingOpenButLogin(HttpSecurity http) throws Exception {
            http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                    .csrf(csrf -> csrf.disable())
                    .formLogin(login -> login.loginProcessingUrl("/signin")
                            .successHandler((request, response, authentication) -> response.setStatus(200))
                            .failureHandler((request, response, failure) -> response.setStatus(401)));
            return http.build();
        }
    }

    @RestController
    static class AccountController {

        private final Map<String, String> passwordHashes;
        private final PasswordEncoder encoder;
        private final Received received;

        AccountController(Map<String, String> passwordHashes, PasswordEncoder encoder, Received received) {
            this.passwordHashes = passwordHashes;
            this.encoder = encoder;
            this.received = received;
        }

        @PostMapping("/register")
        void registerForm(@ModelAttribute Registration registration) {
            register(registration);
        }

        @PostMapping(path = "/register/json", consumes = MediaType.APPLICATION_JSON_VALUE)
        void registerJson(@RequestBody Registration registration) {
            register(registration);
        }

        private void register(Registration registration) {
            passwordHashes.put(registration.getUsername(), encoder.encode(registration.getPassword()));
            received.put("registration", registration);
        }

        /** Single values and a map, named like credentials or not. */
        @GetMapping("/credentials")
        void credentials(@RequestParam String password, @RequestParam String userPassword,
                @RequestParam("confirm_password") String confirmPassword, @RequestParam String accessToken,
                @RequestParam String keyboardLayout, @RequestParam String monkey,
                @RequestParam @dev.htmlescape.Escape(dev.htmlescape.EscapeContext.HTML) String resetToken,
                @RequestHeader("X-Api-Key") String apiKey, @RequestHeader("X-Note") String note,
                @RequestParam MultiValueMap<String, String> all, @RequestHeader HttpHeaders headers) {
            received.put("password", password);
            received.put("userPassword", userPassword);
            received.put("confirm_password", confirmPassword);
            received.put("accessToken", accessToken);
            received.put("keyboardLayout", keyboardLayout);
            received.put("monkey", monkey);
            received.put("resetToken", resetToken);
            received.put("X-Api-Key", apiKey);
            received.put("X-Note", note);
            received.put("all", all);
            received.put("headers", headers);
        }
    }
}
