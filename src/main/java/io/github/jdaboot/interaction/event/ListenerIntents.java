package io.github.jdaboot.interaction.event;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import io.github.jdaboot.interaction.method.HandlerMethod;
import net.dv8tion.jda.api.events.message.poll.GenericMessagePollVoteEvent;
import net.dv8tion.jda.api.requests.GatewayIntent;

import org.springframework.beans.factory.BeanInitializationException;

/**
 * The gateway intents without which Discord never sends the events a listener method
 * takes: a listener whose events can never come is a configuration mistake, found at
 * startup. Only events whose intents are certain are listed (JDA's
 * {@code GatewayIntent.fromEvents} counts a poll vote as a message event, which it is not
 * for Discord).
 */
final class ListenerIntents {

    /**
     * Events that come only with one of these intents on, and what to add to
     * {@code discord.intents}.
     */
    private record Needed(Class<?> events, Set<GatewayIntent> intents, String add) {
    }

    private static final List<Needed> NEEDED = List.of(new Needed(GenericMessagePollVoteEvent.class,
            EnumSet.of(GatewayIntent.GUILD_MESSAGE_POLLS, GatewayIntent.DIRECT_MESSAGE_POLLS),
            "guild-message-polls (votes in servers) or direct-message-polls (votes in direct messages)"));

    private ListenerIntents() {
    }

    /**
     * Fails when a listener takes events none of whose intents is on.
     * @param events the event type the listener takes
     * @throws BeanInitializationException naming the method and what to set
     */
    static void check(HandlerMethod listener, Class<?> events, Set<GatewayIntent> enabled) {
        for (Needed needed : NEEDED) {
            if (needed.events().isAssignableFrom(events) && needed.intents().stream().noneMatch(enabled::contains)) {
                throw new BeanInitializationException("@EventListener method " + listener.describe() + " takes "
                        + events.getSimpleName() + ", which Discord sends only with the gateway intent "
                        + String.join(" or ", needed.intents().stream().map(Enum::name).toList()) + ": add "
                        + needed.add() + " to discord.intents");
            }
        }
    }

}
