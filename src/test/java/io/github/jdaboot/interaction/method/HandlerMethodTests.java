package io.github.jdaboot.interaction.method;

import java.lang.reflect.Method;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;

import io.github.jdaboot.interaction.CommandContext;
import io.github.jdaboot.interaction.Entitlements;
import io.github.jdaboot.interaction.annotation.NonBlocking;
import io.github.jdaboot.interaction.annotation.RequiresEntitlement;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.BeanInitializationException;
import org.springframework.util.ReflectionUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class HandlerMethodTests {

    @Test
    void withoutNonBlockingNoRunStaysOnTheEventThread() {
        HandlerMethod handler = handler(new Handlers(), "plain");

        assertThat(HandlerKind.ALL).noneMatch((kind) -> handler.runsOnEventThread(kind, () -> true));
    }

    @Test
    void nonBlockingRunsOfEveryKindStayOnTheEventThread() {
        HandlerMethod handler = handler(new Handlers(), "quick");

        assertThat(HandlerKind.ALL).allMatch((kind) -> handler.runsOnEventThread(kind, () -> false));
    }

    @Test
    void nonBlockingOnTheClassCountsForItsMethods() {
        assertThat(handler(new QuickHandlers(), "answer").runsOnEventThread(HandlerKind.SLASH_COMMAND, () -> false))
            .isTrue();
    }

    @Test
    void prefixCommandsThatMayAskForEntitlementsTakeAThreadUnlessTheyAreAtHand() {
        for (String name : new String[] { "withEntitlements", "withContext", "guardedByEntitlement" }) {
            HandlerMethod handler = handler(new Handlers(), name);

            assertThat(handler.runsOnEventThread(HandlerKind.PREFIX_COMMAND, () -> false)).as(name).isFalse();
            assertThat(handler.runsOnEventThread(HandlerKind.PREFIX_COMMAND, () -> true)).as(name).isTrue();
            assertThat(handler.runsOnEventThread(HandlerKind.SLASH_COMMAND, () -> false)).as(name).isTrue();
            assertThat(handler.runsOnEventThread(HandlerKind.COMPONENT, () -> false)).as(name).isTrue();
        }
    }

    @Test
    void whetherEntitlementsAreAtHandIsAskedOnlyOfAPrefixCommandThatAsksForThem() {
        BooleanSupplier never = () -> {
            throw new AssertionError("asked whether the entitlements are at hand");
        };

        assertThat(handler(new Handlers(), "quick").runsOnEventThread(HandlerKind.PREFIX_COMMAND, never)).isTrue();
        assertThat(handler(new Handlers(), "withEntitlements").runsOnEventThread(HandlerKind.SLASH_COMMAND, never))
            .isTrue();
        assertThat(handler(new Handlers(), "plain").runsOnEventThread(HandlerKind.PREFIX_COMMAND, never)).isFalse();
    }

    @Test
    void nonBlockingMethodReturningAStageFailsStartupNamingIt() {
        assertThatExceptionOfType(BeanInitializationException.class).isThrownBy(() -> handler(new Handlers(), "later"))
            .withMessage("Invalid @NonBlocking method handlers.later(): it returns a CompletableFuture, whose result"
                    + " its run waits for; remove @NonBlocking (the run then has a virtual thread of its own) or"
                    + " return the answer itself");
    }

    private static HandlerMethod handler(Object bean, String name) {
        Method method = ReflectionUtils.findMethod(bean.getClass(), name, (Class<?>[]) null);
        assertThat(method).as(name).isNotNull();
        return new HandlerMethod(bean, "handlers", bean.getClass(), method);
    }

    static class Handlers {

        String plain() {
            return "plain";
        }

        @NonBlocking
        String quick() {
            return "quick";
        }

        @NonBlocking
        String withEntitlements(Entitlements entitlements) {
            return "entitlements";
        }

        @NonBlocking
        String withContext(CommandContext context) {
            return "context";
        }

        @NonBlocking
        @RequiresEntitlement(sku = "1")
        String guardedByEntitlement() {
            return "guarded";
        }

        @NonBlocking
        CompletableFuture<String> later() {
            return CompletableFuture.completedFuture("later");
        }

    }

    @NonBlocking
    static class QuickHandlers {

        String answer() {
            return "answer";
        }

    }

}
