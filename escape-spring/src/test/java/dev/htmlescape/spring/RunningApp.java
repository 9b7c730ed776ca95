package dev.htmlescape.spring;

import dev.htmlescape.spring.InputsApplication.Received;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** The test application started on a random port with the given properties, for tests that compare two setups. */
final class RunningApp implements AutoCloseable {

    private final ConfigurableApplicationContext context;
    final Http http;
    final Received received;

    RunningApp(String... properties) {
        context = new SpringApplicationBuilder(InputsApplication.class)
                .properties("server.port=0")
                .properties(properties)
                .run();
        http = new Http(Integer.parseInt(context.getEnvironment().getProperty("local.server.port")));
        received = context.getBean(Received.class);
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    @Override
    public void close() {
        context.close();
    }
}
