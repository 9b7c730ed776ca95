package dev.htmlescape.spring;

import java.util.Map;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;

/**
 * Fails the startup when Spring MVC's handler adapter is not the escaping one, say because the
 * application has a {@code WebMvcRegistrations} of its own: running without escaping while the
 * dependency is present would be a silent hole.
 */
final class EscapingAdapterCheck implements SmartInitializingSingleton {

    private final ListableBeanFactory beans;

    EscapingAdapterCheck(ListableBeanFactory beans) {
        this.beans = beans;
    }

    @Override
    public void afterSingletonsInstantiated() {
        Map<String, RequestMappingHandlerAdapter> adapters = beans.getBeansOfType(RequestMappingHandlerAdapter.class);
        adapters.forEach((name, adapter) -> {
            if (!(adapter instanceof EscapingHandlerAdapter)) {
                throw new IllegalStateException("html-escape cannot escape request input: the handler adapter '" + name
                        + "' is a " + adapter.getClass().getName() + ", not htmlescape's. An application bean of type"
                        + " WebMvcRegistrations (or a RequestMappingHandlerAdapter of its own) replaces it. Remove that"
                        + " bean, or set html-escape.enabled=false to run without escaping.");
            }
        });
    }
}
