package io.github.jdaboot.interaction.method;

import java.lang.reflect.Method;
import java.util.Comparator;
import java.util.Map;

import org.springframework.aop.framework.autoproxy.AutoProxyUtils;
import org.springframework.aop.scope.ScopedProxyUtils;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.core.MethodIntrospector;
import org.springframework.util.ClassUtils;

/**
 * Finds the handler methods of every bean, once all singletons exist, as Spring's
 * {@code EventListenerMethodProcessor} does for {@code @EventListener}: each bean's user
 * class is searched with {@link MethodIntrospector} (interfaces and bridge methods
 * included), scoped-proxy targets and Spring's own beans are left out, and the methods
 * found are handed over in a stable order (by name).
 */
public final class HandlerScanner {

    /** Receives one handler method and what the lookup found on it. */
    @FunctionalInterface
    public interface Found<T> {

        void handle(HandlerMethod handler, T metadata);

    }

    private HandlerScanner() {
    }

    /**
     * Calls {@code found} for every method of every bean for which {@code lookup} gives
     * metadata (typically its annotation).
     */
    public static <T> void scan(ConfigurableListableBeanFactory factory, MethodIntrospector.MetadataLookup<T> lookup,
            Found<T> found) {
        for (String beanName : factory.getBeanNamesForType(Object.class, false, false)) {
            if (ScopedProxyUtils.isScopedTarget(beanName)) {
                continue;
            }
            Class<?> type = AutoProxyUtils.determineTargetClass(factory, beanName);
            if (type == null || type.getName().startsWith("org.springframework.")) {
                continue;
            }
            Class<?> userType = ClassUtils.getUserClass(type);
            Map<Method, T> methods = MethodIntrospector.selectMethods(userType, lookup);
            if (methods.isEmpty()) {
                continue;
            }
            Object bean = factory.getBean(beanName);
            methods.entrySet()
                .stream()
                .sorted(Map.Entry.comparingByKey(Comparator.comparing(Method::getName)))
                .forEach((entry) -> found.handle(new HandlerMethod(bean, beanName, userType, entry.getKey()),
                        entry.getValue()));
        }
    }

}
