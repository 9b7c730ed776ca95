package dev.htmlescape.spring;

import java.util.List;
import org.springframework.beans.factory.BeanClassLoaderAware;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.annotation.ImportBeanDefinitionRegistrar;
import org.springframework.core.type.AnnotationMetadata;

/**
 * Registers the {@code WebMvcRegistrations} bean through which Spring Boot takes htmlescape's
 * handler adapter, unless the application has one of its own (then {@link EscapingAdapterCheck}
 * fails the startup with a message).
 *
 * <p>The interface moved between the Boot lines this jar supports ({@code
 * org.springframework.boot.webmvc.autoconfigure} in Boot 4, {@code
 * org.springframework.boot.autoconfigure.web.servlet} in Boot 3), so the bean implements whichever is
 * present (see {@link BootInterfaces}).
 */
final class WebMvcRegistrationsRegistrar implements ImportBeanDefinitionRegistrar, BeanFactoryAware,
        BeanClassLoaderAware {

    private static final List<String> INTERFACE_NAMES = List.of(
            "org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations",
            "org.springframework.boot.autoconfigure.web.servlet.WebMvcRegistrations");

    private BeanFactory beanFactory;
    private ClassLoader classLoader;

    @Override
    public void setBeanFactory(BeanFactory beanFactory) {
        this.beanFactory = beanFactory;
    }

    @Override
    public void setBeanClassLoader(ClassLoader classLoader) {
        this.classLoader = classLoader;
    }

    @Override
    public void registerBeanDefinitions(AnnotationMetadata importingClassMetadata, BeanDefinitionRegistry registry) {
        Class<?> registrations = registrationsInterface(classLoader);
        if (beanFactory instanceof ListableBeanFactory beans
                && beans.getBeanNamesForType(registrations, true, false).length > 0) {
            return;
        }
        RootBeanDefinition definition = new RootBeanDefinition(registrations);
        definition.setInstanceSupplier(() -> registrationsProxy(registrations, beanFactory));
        registry.registerBeanDefinition("htmlEscapeWebMvcRegistrations", definition);
    }

    private static Class<?> registrationsInterface(ClassLoader classLoader) {
        Class<?> found = BootInterfaces.firstPresent(INTERFACE_NAMES, classLoader);
        if (found == null) {
            throw new IllegalStateException("html-escape needs Spring Boot 3.5 or 4.x with Spring MVC: none of "
                    + INTERFACE_NAMES + " is on the class path");
        }
        return found;
    }

    private static Object registrationsProxy(Class<?> registrations, BeanFactory beanFactory) {
        return BootInterfaces.implement(registrations, "getRequestMappingHandlerAdapter",
                args -> new EscapingHandlerAdapter(beanFactory.getBean(RequestInputEscaper.class)));
    }
}
