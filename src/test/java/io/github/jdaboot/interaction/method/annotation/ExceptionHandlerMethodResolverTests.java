package io.github.jdaboot.interaction.method.annotation;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.SocketException;

import io.github.jdaboot.interaction.CommandException;
import io.github.jdaboot.interaction.annotation.InteractionExceptionHandler;
import io.github.jdaboot.interaction.method.HandlerMethod;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.BeanInitializationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The exception handler methods of a bean, as Spring's
 * {@code ExceptionHandlerMethodResolver} resolves them.
 */
@DisplayName("@InteractionExceptionHandler methods of a bean")
class ExceptionHandlerMethodResolverTests {

    @Test
    @DisplayName("the closest exception type wins; the types come from the annotation or the parameter")
    void closestType() {
        ExceptionHandlerMethodResolver resolver = resolver(new Handlers());

        assertThat(name(resolver.resolveMethod(new FileNotFoundException()))).isEqualTo("fileNotFound");
        assertThat(name(resolver.resolveMethod(new SocketException()))).isEqualTo("io");
        assertThat(name(resolver.resolveMethod(new IllegalStateException()))).isEqualTo("state");
        assertThat(name(resolver.resolveMethod(new IllegalArgumentException()))).as("from the annotation")
            .isEqualTo("argumentOrCommand");
        assertThat(name(resolver.resolveMethod(new CommandException("no")))).isEqualTo("argumentOrCommand");
        assertThat(resolver.resolveMethod(new ArithmeticException())).isNull();
        assertThat(resolver.hasExceptionMappings()).isTrue();
        assertThat(resolver(new Object()).hasExceptionMappings()).isFalse();
    }

    @Test
    @DisplayName("an exception nothing handles is matched by its cause, and the cause's cause")
    void cause() {
        ExceptionHandlerMethodResolver resolver = resolver(new Handlers());

        assertThat(name(resolver.resolveMethod(new UncheckedIOException(new FileNotFoundException()))))
            .isEqualTo("fileNotFound");
        assertThat(name(resolver.resolveMethod(new RuntimeException(new RuntimeException(new SocketException())))))
            .isEqualTo("io");
        assertThat(name(resolver.resolveMethod(new IllegalStateException(new FileNotFoundException()))))
            .as("the exception's own type before its cause's")
            .isEqualTo("state");
        assertThat(resolver.resolveMethod(new RuntimeException(new ArithmeticException()))).isNull();
    }

    @Test
    @DisplayName("a cycle in the causes ends the search")
    void causeCycle() {
        ExceptionHandlerMethodResolver resolver = resolver(new Handlers());
        RuntimeException first = new RuntimeException();
        RuntimeException second = new RuntimeException(first);
        first.initCause(second);

        assertThat(resolver.resolveMethod(first)).isNull();
    }

    @Test
    @DisplayName("each exception type is looked up once, then cached: the same method, also for a cause's type")
    void cached() {
        ExceptionHandlerMethodResolver resolver = resolver(new Handlers());
        assertThat(resolver.isCached(SocketException.class)).isFalse();

        HandlerMethod first = resolver.resolveMethod(new SocketException());

        assertThat(resolver.isCached(SocketException.class)).isTrue();
        assertThat(resolver.resolveMethod(new SocketException())).isSameAs(first);
        resolver.resolveMethod(new UncheckedIOException(new FileNotFoundException()));
        assertThat(resolver.isCached(UncheckedIOException.class)).as("no match is remembered too").isTrue();
        assertThat(resolver.isCached(FileNotFoundException.class)).isTrue();
    }

    @Test
    @DisplayName("two methods for the same exception type on one bean fail startup, naming the bean and both methods")
    void ambiguous() {
        assertThatExceptionOfType(BeanInitializationException.class).isThrownBy(() -> resolver(new Ambiguous()))
            .withMessageStartingWith("Invalid @InteractionExceptionHandler method bean.")
            .withMessageContaining("ambiguous handler for java.lang.IllegalStateException")
            .withMessageContaining("bean.first(IllegalStateException)")
            .withMessageContaining("bean.second(IllegalStateException)");
    }

    @Test
    @DisplayName("a method that names no exception, or takes what no resolver fills, fails startup")
    void invalid() {
        assertThatExceptionOfType(BeanInitializationException.class).isThrownBy(() -> resolver(new NoException()))
            .withMessageContaining("name the exceptions it handles, in the annotation or as a parameter");
        assertThatExceptionOfType(BeanInitializationException.class)
            .isThrownBy(() -> new ExceptionHandlerMethodResolver(new Handlers(), "bean", Handlers.class,
                    (parameter) -> false, (returnType) -> true))
            .withMessageContaining("unsupported parameter type String");
        assertThatExceptionOfType(BeanInitializationException.class)
            .isThrownBy(() -> new ExceptionHandlerMethodResolver(new Handlers(), "bean", Handlers.class,
                    (parameter) -> true, (returnType) -> false))
            .withMessageContaining("unsupported return type");
    }

    private static ExceptionHandlerMethodResolver resolver(Object bean) {
        return new ExceptionHandlerMethodResolver(bean, "bean", bean.getClass(), (parameter) -> true,
                (returnType) -> true);
    }

    private static String name(HandlerMethod method) {
        return (method != null) ? method.method().getName() : null;
    }

    static class Handlers {

        @InteractionExceptionHandler
        String io(IOException ex) {
            return "io";
        }

        @InteractionExceptionHandler
        String fileNotFound(FileNotFoundException ex) {
            return "file";
        }

        @InteractionExceptionHandler
        String state(IllegalStateException ex, String other) {
            return "state";
        }

        @InteractionExceptionHandler({ IllegalArgumentException.class, CommandException.class })
        String argumentOrCommand(RuntimeException ex) {
            return "argument";
        }

    }

    static class Ambiguous {

        @InteractionExceptionHandler
        String first(IllegalStateException ex) {
            return "first";
        }

        @InteractionExceptionHandler
        String second(IllegalStateException ex) {
            return "second";
        }

    }

    static class NoException {

        @InteractionExceptionHandler
        String none() {
            return "none";
        }

    }

}
