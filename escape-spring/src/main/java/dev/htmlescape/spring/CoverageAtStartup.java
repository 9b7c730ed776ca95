package dev.htmlescape.spring;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;

/**
 * Says at startup what the escaping covers: one INFO summary of the handler methods and their String
 * inputs, and one WARN for each String path of an input that is not escaped because the walk cannot
 * reach or write it, with the reason. The {@code htmlescape} actuator endpoint lists every path.
 */
final class CoverageAtStartup implements SmartInitializingSingleton {

    private static final System.Logger LOG = System.getLogger("dev.htmlescape.spring");

    private final ListableBeanFactory beans;

    CoverageAtStartup(ListableBeanFactory beans) {
        this.beans = beans;
    }

    @Override
    public void afterSingletonsInstantiated() {
        HandlerCoverage coverage = HandlerCoverage.of(beans);
        LOG.log(System.Logger.Level.INFO, coverage.summary());
        for (String line : coverage.notCovered()) {
            LOG.log(System.Logger.Level.WARNING, line);
        }
    }
}
