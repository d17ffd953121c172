package io.github.jdaboot.emulator;

import java.util.ArrayList;
import java.util.List;

import io.github.jdaboot.testing.Timeouts;
import io.github.jdaboot.testing.gateway.RawGatewayClient;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What users do besides talking, and a bot leaving guilds: TYPING_START and
 * MESSAGE_REACTION_ADD (only with their intents, as on Discord), GUILD_DELETE when the
 * bot is removed from a guild, and many guilds routed to their shards, driven by a bare
 * WebSocket client.
 */
@DisplayName("Emulator: typing, reactions, guilds leaving and many guilds")
class DiscordEmulatorActivityTests {

    /** GUILDS, GUILD_MESSAGES, DIRECT_MESSAGES, MESSAGE_CONTENT. */
    private static final long MESSAGES = 1 | (1 << 9) | (1 << 12) | (1 << 15);

    /** GUILD_MESSAGE_REACTIONS, GUILD_MESSAGE_TYPING. */
    private static final long REACTIONS_AND_TYPING = (1 << 10) | (1 << 11);

    /** A fresh emulator for each test, closed after it. */
    @AutoClose
    private final DiscordEmulator discord = DiscordEmulator.builder().build().start();

    @Test
    @DisplayName("typing and reactions reach a session with their intents, with the member and the emoji")
    void typingAndReactions() throws Exception {
        World world = this.discord.world();
        EmulatedChannel general = world.channel("general");
        try (RawGatewayClient client = connect(MESSAGES | REACTIONS_AND_TYPING, 0, 1)) {
            world.as("alice").types(general);
            EmulatedMessage message = world.as("alice").says(general, "look at this");
            world.as("bob").reacts(message, "\uD83D\uDC4D");

            JsonNode typing = client.nextOf(0, "TYPING_START", Timeouts.ANSWER).path("d");
            assertThat(typing.path("channel_id").asString()).isEqualTo(general.idString());
            assertThat(typing.path("guild_id").asString()).isEqualTo(world.guild().idString());
            assertThat(typing.path("user_id").asString()).isEqualTo(world.user("alice").idString());
            assertThat(typing.path("member").path("user").path("username").asString()).isEqualTo("alice");
            assertThat(typing.path("timestamp").asLong()).isPositive();
            JsonNode reaction = client.nextOf(0, "MESSAGE_REACTION_ADD", Timeouts.ANSWER).path("d");
            assertThat(reaction.path("message_id").asString()).isEqualTo(message.idString());
            assertThat(reaction.path("message_author_id").asString()).isEqualTo(world.user("alice").idString());
            assertThat(reaction.path("user_id").asString()).isEqualTo(world.user("bob").idString());
            assertThat(reaction.path("emoji").path("name").asString()).isEqualTo("\uD83D\uDC4D");
            assertThat(reaction.path("emoji").path("id").isNull()).isTrue();
            assertThat(reaction.path("member").path("user").path("username").asString()).isEqualTo("bob");
        }
    }

    @Test
    @DisplayName("without those intents, no typing and no reactions: only the message")
    void notWithoutTheirIntents() throws Exception {
        World world = this.discord.world();
        EmulatedChannel general = world.channel("general");
        try (RawGatewayClient client = connect(MESSAGES, 0, 1)) {
            world.as("alice").types(general);
            EmulatedMessage message = world.as("alice").says(general, "look at this");
            world.as("bob").reacts(message, "\uD83D\uDC4D");
            world.as("alice").says(general, "the end");

            JsonNode first = client.nextOf(0, null, Timeouts.ANSWER);
            assertThat(first.path("t").asString()).isEqualTo("MESSAGE_CREATE");
            assertThat(first.path("d").path("content").asString()).isEqualTo("look at this");
            JsonNode next = client.nextOf(0, null, Timeouts.ANSWER);
            assertThat(next.path("t").asString()).isEqualTo("MESSAGE_CREATE");
            assertThat(next.path("d").path("content").asString()).isEqualTo("the end");
        }
    }

    @Test
    @DisplayName("a guild the bot is removed from is gone, with GUILD_DELETE to its shard")
    void guildRemoved() throws Exception {
        World world = this.discord.world();
        EmulatedGuild guild = world.guild();
        try (RawGatewayClient client = connect(MESSAGES, 0, 1)) {
            world.removeGuild(guild);
            JsonNode deleted = client.nextOf(0, "GUILD_DELETE", Timeouts.ANSWER).path("d");
            assertThat(deleted.path("id").asString()).isEqualTo(guild.idString());
            assertThat(deleted.has("unavailable")).as("a removal, not an outage").isFalse();
        }
        assertThat(world.guilds()).doesNotContain(guild);
        assertThat(world.channel(guild.channels().getFirst().id())).isEmpty();
    }

    @Test
    @DisplayName("thousands of guilds: each shard gets READY with its own and a GUILD_CREATE for each, by (id >> 22) % shards")
    void manyGuildsAcrossShards() throws Exception {
        // max_concurrency 2: the two shards are two IDENTIFY buckets, so they may
        // identify one right after the other. A test of scale, like the load test: the
        // 2,000 GUILD_CREATEs go unchecked against the spec, whose check every other test
        // of GUILD_CREATE runs
        DiscordEmulator big = DiscordEmulator.builder()
            .defaultWorld(false)
            .sessionStartLimit(1000, 1000, 2)
            .trafficChecks(false)
            .build()
            .start();
        try {
            World world = big.world();
            EmulatedUser owner = world.user("owner");
            List<EmulatedGuild> guilds = new ArrayList<>();
            for (int i = 0; i < 2_000; i++) {
                EmulatedGuild guild = world.addGuild("guild-" + i, owner);
                world.addTextChannel(guild, "general");
                guilds.add(guild);
            }
            int total = 0;
            for (int shard = 0; shard < 2; shard++) {
                int expected = shard;
                long mine = guilds.stream().filter((guild) -> ((guild.id() >>> 22) % 2) == expected).count();
                try (RawGatewayClient client = new RawGatewayClient(big.gatewayUrl(), false)) {
                    client.send(identify(big.token(), MESSAGES, shard, 2));
                    JsonNode ready = client.nextOf(0, "READY", Timeouts.ANSWER);
                    assertThat(ready.path("d").path("guilds")).hasSize((int) mine);
                    for (int i = 0; i < mine; i++) {
                        JsonNode created = client.nextOf(0, "GUILD_CREATE", Timeouts.ANSWER).path("d");
                        assertThat((Long.parseUnsignedLong(created.path("id").asString()) >>> 22) % 2).isEqualTo(shard);
                    }
                    total += (int) mine;
                }
            }
            assertThat(total).isEqualTo(2_000);
        }
        finally {
            big.close();
        }
    }

    private RawGatewayClient connect(long intents, int shard, int shards) throws Exception {
        RawGatewayClient client = new RawGatewayClient(this.discord.gatewayUrl(), false);
        client.send(identify(this.discord.token(), intents, shard, shards));
        client.nextOf(0, "READY", Timeouts.ANSWER);
        for (int i = 0; i < this.discord.world().guilds().size(); i++) {
            client.nextOf(0, "GUILD_CREATE", Timeouts.ANSWER);
        }
        return client;
    }

    private static String identify(String token, long intents, int shard, int shards) {
        return "{\"op\":2,\"d\":{\"token\":\"" + token + "\",\"intents\":" + intents
                + ",\"properties\":{\"os\":\"linux\",\"browser\":\"test\",\"device\":\"test\"},\"shard\":[" + shard
                + "," + shards + "]}}";
    }

}
