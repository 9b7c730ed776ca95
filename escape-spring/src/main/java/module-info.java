/**
 * htmlescape for Spring Boot: auto-configuration that escapes every String a Spring MVC controller
 * receives from a request, exactly once. See {@link dev.htmlescape.spring.HtmlEscapeAutoConfiguration}.
 */
module dev.htmlescape.spring {
    requires transitive dev.htmlescape;
    requires spring.core;
    requires spring.beans;
    requires spring.context;
    requires spring.aop;
    requires spring.web;
    requires spring.webmvc;
    requires spring.boot;
    requires spring.boot.autoconfigure;
    // Boot 4's WebMvcRegistrations lives there; Boot 3.5 has no such module, and the registrar
    // finds the interface of either line by name
    requires static spring.boot.webmvc;
    requires static jakarta.servlet;
    requires static jakarta.validation;
    requires static spring.orm;
    requires static spring.boot.actuator;
    requires static thymeleaf;
    requires static thymeleaf.spring6;
    requires static unbescape;
    requires static dev.htmlescape.jackson;
    requires static tools.jackson.databind;
    requires static dev.htmlescape.jackson2;
    requires static com.fasterxml.jackson.databind;

    exports dev.htmlescape.spring;
    // the beans are package-private: Spring creates and calls them by reflection
    opens dev.htmlescape.spring to spring.core, spring.beans, spring.context, spring.web, spring.webmvc,
            spring.boot.actuator;
}
