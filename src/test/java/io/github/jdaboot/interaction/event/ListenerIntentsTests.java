package io.github.jdaboot.interaction.event;

import io.github.jdaboot.interaction.autoconfigure.InteractionAutoConfiguration;
import net.dv8tion.jda.api.events.message.poll.GenericMessagePollVoteEvent;
import net.dv8tion.jda.api.events.message.poll.MessagePollVoteAddEvent;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.sharding.DefaultShardManagerBuilder;
import net.dv8tion.jda.api.sharding.ShardManager;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.BeanInitializationException;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.event.EventListener;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A listener of events that Discord sends only with a gateway intent fails startup when
 * the intent is off, saying what to add; with the intent (one of the two, for servers or
 * for direct messages) it starts.
 */
@DisplayName("Listeners and the gateway intents their events need")
class ListenerIntentsTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(InteractionAutoConfiguration.class))
        .withPropertyValues("discord.commands.register=false");

    @Test
    @DisplayName("poll votes without GUILD_MESSAGE_POLLS or DIRECT_MESSAGE_POLLS: startup fails naming the intent")
    void pollVotesWithoutTheirIntent() {
        this.runner.withBean(ShardManager.class, () -> shards(GatewayIntent.GUILD_MESSAGES))
            .withBean(VoteListener.class)
            .run((context) -> {
                assertThat(context).hasFailed();
                assertThat(context.getStartupFailure()).isInstanceOf(BeanInitializationException.class)
                    .hasMessageEndingWith("VoteListener.voted(MessagePollVoteAddEvent) takes"
                            + " MessagePollVoteAddEvent, which Discord sends only with the gateway intent"
                            + " GUILD_MESSAGE_POLLS or DIRECT_MESSAGE_POLLS: add guild-message-polls (votes in"
                            + " servers) or direct-message-polls (votes in direct messages) to discord.intents");
            });
        this.runner.withBean(ShardManager.class, () -> shards(GatewayIntent.GUILD_MESSAGES))
            .withBean(AnyVoteListener.class)
            .run((context) -> assertThat(context).hasFailed());
    }

    @Test
    @DisplayName("with either intent, or with listeners of other events only, the context starts")
    void withTheIntent() {
        this.runner.withBean(ShardManager.class, () -> shards(GatewayIntent.GUILD_MESSAGE_POLLS))
            .withBean(VoteListener.class)
            .run((context) -> assertThat(context).hasNotFailed());
        this.runner.withBean(ShardManager.class, () -> shards(GatewayIntent.DIRECT_MESSAGE_POLLS))
            .withBean(AnyVoteListener.class)
            .run((context) -> assertThat(context).hasNotFailed());
        this.runner.withBean(ShardManager.class, () -> shards(GatewayIntent.GUILD_MESSAGES))
            .run((context) -> assertThat(context).hasNotFailed());
    }

    private static ShardManager shards(GatewayIntent intent) {
        // built, never logged in: nothing connects
        return DefaultShardManagerBuilder.createLight("not-a-token", intent).build(false);
    }

    static class VoteListener {

        @EventListener
        void voted(MessagePollVoteAddEvent vote) {
        }

    }

    static class AnyVoteListener {

        @EventListener(GenericMessagePollVoteEvent.class)
        void changed() {
        }

    }

}
