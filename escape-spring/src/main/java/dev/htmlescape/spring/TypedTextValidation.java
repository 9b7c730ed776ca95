package dev.htmlescape.spring;

import dev.htmlescape.TypedText;
import jakarta.validation.Configuration;
import jakarta.validation.ConstraintValidatorFactory;
import jakarta.validation.ValidatorFactory;
import jakarta.validation.spi.ConfigurationState;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.BeanClassLoaderAware;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.EnvironmentAware;
import org.springframework.context.annotation.ImportBeanDefinitionRegistrar;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotationMetadata;
import org.springframework.orm.jpa.LocalContainerEntityManagerFactoryBean;
import org.springframework.util.ClassUtils;

/**
 * Makes Bean Validation that runs after escaping judge the text as typed ({@link TypedTextValidators}):
 * Spring Boot's validator, through a {@code ValidationConfigurationCustomizer}, and JPA's
 * validation before insert and update, by handing that validator to the entity manager factory
 * (Hibernate otherwise builds a validator of its own). Off with
 * {@code html-escape.validate-typed-text=false}; absent without Bean Validation on the class path.
 */
final class TypedTextValidation implements ImportBeanDefinitionRegistrar, BeanClassLoaderAware, EnvironmentAware {

    private static final List<String> CUSTOMIZER_NAMES = List.of(
            "org.springframework.boot.validation.autoconfigure.ValidationConfigurationCustomizer",
            "org.springframework.boot.autoconfigure.validation.ValidationConfigurationCustomizer");
    private static final String VALIDATOR = "jakarta.validation.Validator";
    private static final String ENTITY_MANAGER_FACTORY = "org.springframework.orm.jpa.LocalContainerEntityManagerFactoryBean";
    /** JPA's property for the validator factory an entity manager factory validates with. */
    static final String JPA_VALIDATION_FACTORY = "jakarta.persistence.validation.factory";

    private ClassLoader classLoader;
    private Environment environment;

    @Override
    public void setBeanClassLoader(ClassLoader classLoader) {
        this.classLoader = classLoader;
    }

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void registerBeanDefinitions(AnnotationMetadata importingClassMetadata, BeanDefinitionRegistry registry) {
        if (!ClassUtils.isPresent(VALIDATOR, classLoader)
                || !environment.getProperty("html-escape.validate-typed-text", Boolean.class, true)) {
            return;
        }
        TypedText.startRemembering();
        Class<?> customizer = BootInterfaces.firstPresent(CUSTOMIZER_NAMES, classLoader);
        if (customizer != null) {
            RootBeanDefinition definition = new RootBeanDefinition(customizer);
            definition.setInstanceSupplier(() -> BootInterfaces.implement(customizer, "customize",
                    args -> judgeTypedText((Configuration<?>) args[0])));
            registry.registerBeanDefinition("htmlEscapeTypedTextValidation", definition);
        }
        if (ClassUtils.isPresent(ENTITY_MANAGER_FACTORY, classLoader)) {
            RootBeanDefinition definition = new RootBeanDefinition(JpaValidation.class);
            definition.setRole(RootBeanDefinition.ROLE_INFRASTRUCTURE);
            registry.registerBeanDefinition("htmlEscapeJpaTypedTextValidation", definition);
        }
    }

    private static Object judgeTypedText(Configuration<?> configuration) {
        ConstraintValidatorFactory current = configuration instanceof ConfigurationState state
                && state.getConstraintValidatorFactory() != null
                        ? state.getConstraintValidatorFactory() : configuration.getDefaultConstraintValidatorFactory();
        if (!(current instanceof TypedTextValidators)) {
            configuration.constraintValidatorFactory(new TypedTextValidators(current));
        }
        return null;
    }

    /**
     * Hands the application's validator to each entity manager factory that has none configured,
     * so that JPA's validation before insert and update judges the text as typed too.
     */
    static final class JpaValidation implements BeanPostProcessor, BeanFactoryAware {

        private ListableBeanFactory beans;

        @Override
        public void setBeanFactory(BeanFactory beanFactory) {
            this.beans = (ListableBeanFactory) beanFactory;
        }

        @Override
        public Object postProcessBeforeInitialization(Object bean, String beanName) {
            if (bean instanceof LocalContainerEntityManagerFactoryBean factory) {
                Map<String, Object> properties = factory.getJpaPropertyMap();
                if (!properties.containsKey(JPA_VALIDATION_FACTORY) && !properties.containsKey("javax.persistence.validation.factory")) {
                    ValidatorFactory validators = beans.getBeanProvider(ValidatorFactory.class).getIfUnique();
                    if (validators != null) {
                        properties.put(JPA_VALIDATION_FACTORY, validators);
                    }
                }
            }
            return bean;
        }
    }
}
