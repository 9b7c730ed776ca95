package dev.htmlescape.spring;

import java.util.Map;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;

/**
 * The {@code htmlescape} actuator endpoint ({@code /actuator/htmlescape} once exposed, for example
 * with {@code management.endpoints.web.exposure.include=health,htmlescape}): every handler method,
 * each of its request inputs ({@code name}, {@code source}: {@code body}, {@code model},
 * {@code param}, {@code path}, {@code header}, {@code cookie} or {@code part}) and every String path
 * of each input with its {@code policy}, as {@link HandlerCoverage} describes them. Like Boot's own
 * endpoints it is not exposed over HTTP until the application says so.
 */
@Endpoint(id = "htmlescape")
final class HtmlEscapeEndpoint {

    private final ListableBeanFactory beans;

    HtmlEscapeEndpoint(ListableBeanFactory beans) {
        this.beans = beans;
    }

    @ReadOperation
    Map<String, Object> coverage() {
        return HandlerCoverage.of(beans).toJson();
    }
}
