package io.github.jdaboot.interaction.method;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.Comparator;
import java.util.Map;

import org.springframework.aop.framework.autoproxy.AutoProxyUtils;
import org.springframework.aop.scope.ScopedProxyUtils;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.core.MethodIntrospector;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.util.ClassUtils;

/**
 * Finds the methods carrying an annotation on every bean, once all singletons exist, as
 * Spring's {@code EventListenerMethodProcessor} does for {@code @EventListener}.
 */
public final class HandlerScanner {

    /** Receives one annotated method. */
    @FunctionalInterface
    public interface Found<A extends Annotation> {

        void handle(HandlerMethod handler, A annotation);

    }

    private HandlerScanner() {
    }

    public static <A extends Annotation> void scan(ConfigurableListableBeanFactory factory, Class<A> annotation,
            Found<A> found) {
        for (String beanName : factory.getBeanNamesForType(Object.class, false, false)) {
            if (ScopedProxyUtils.isScopedTarget(beanName)) {
                continue;
            }
            Class<?> type = AutoProxyUtils.determineTargetClass(factory, beanName);
            if (type == null || type.getName().startsWith("org.springframework.")) {
                continue;
            }
            Class<?> userType = ClassUtils.getUserClass(type);
            Map<Method, A> annotated = MethodIntrospector.selectMethods(userType,
                    (MethodIntrospector.MetadataLookup<A>) (method) -> AnnotatedElementUtils
                        .findMergedAnnotation(method, annotation));
            if (annotated.isEmpty()) {
                continue;
            }
            Object bean = factory.getBean(beanName);
            annotated.entrySet()
                .stream()
                .sorted(Map.Entry.comparingByKey(Comparator.comparing(Method::getName)))
                .forEach((entry) -> found.handle(new HandlerMethod(bean, beanName, userType, entry.getKey()),
                        entry.getValue()));
        }
    }

}
