package io.github.jdaboot.emulator;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.github.jdaboot.testing.Timeouts;
import io.github.jdaboot.testing.gateway.RawGatewayClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The emulator as Discord treats a sharded bot: {@code GET /gateway/bot}, guilds routed
 * to shards, DMs on shard 0, IDENTIFY buckets, the session start budget, two sessions on
 * one shard, and the global REST limit shared by every connection of the token.
 */
@DisplayName("The emulator with several shards")
class DiscordEmulatorShardingTests {

    private static final long INTENTS = (1 << 0) | (1 << 9) | (1 << 12) | (1 << 15);

    private final List<AutoCloseable> closeables = new ArrayList<>();

    /** Discord's 5 s between IDENTIFYs of a bucket pass when the test says so. */
    private final ManualClock clock = new ManualClock();

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable closeable : this.closeables.reversed()) {
            closeable.close();
        }
    }

    private DiscordEmulator start(DiscordEmulator.Builder builder) {
        DiscordEmulator discord = builder.defaultWorld(false).clock(this.clock).build().start();
        this.closeables.add(discord);
        return discord;
    }

    private RawGatewayClient identify(DiscordEmulator discord, int shard, int shards) throws InterruptedException {
        RawGatewayClient client = new RawGatewayClient(discord.gatewayUrl(), false);
        this.closeables.add(client);
        client.nextOf(10, null, Timeouts.ANSWER);
        client.send("{\"op\":2,\"d\":{\"token\":\"" + discord.token() + "\",\"intents\":" + INTENTS
                + ",\"properties\":{\"os\":\"linux\",\"browser\":\"test\",\"device\":\"test\"},\"shard\":[" + shard
                + "," + shards + "]}}");
        return client;
    }

    @Test
    @DisplayName("GET /gateway/bot gives the configured shard count and session_start_limit; each IDENTIFY takes one")
    void gatewayBot() throws Exception {
        DiscordEmulator discord = start(DiscordEmulator.builder().shards(4).sessionStartLimit(1000, 900, 2));

        JsonNode before = gatewayBot(discord);
        assertThat(before.path("shards").asInt()).isEqualTo(4);
        assertThat(before.path("session_start_limit").path("total").asInt()).isEqualTo(1000);
        assertThat(before.path("session_start_limit").path("remaining").asInt()).isEqualTo(900);
        assertThat(before.path("session_start_limit").path("max_concurrency").asInt()).isEqualTo(2);

        identify(discord, 0, 4).nextOf(0, "READY", Timeouts.ANSWER);
        assertThat(gatewayBot(discord).path("session_start_limit").path("remaining").asInt()).isEqualTo(899);
        assertThat(discord.gateway().sessionStartsLeft()).isEqualTo(899);
    }

    @Test
    @DisplayName("guilds reach the shard (guild_id >> 22) % num_shards, DMs only shard 0")
    void guildsAndDirectMessagesByShard() throws Exception {
        DiscordEmulator discord = start(DiscordEmulator.builder().sessionStartLimit(1000, 1000, 2));
        World world = discord.world();
        EmulatedUser alice = world.user("alice");
        EmulatedGuild onZero = world.addGuild("zero", alice, 0, 2);
        EmulatedGuild onOne = world.addGuild("one", alice, 1, 2);
        EmulatedChannel general = world.addTextChannel(onOne, "general");
        assertThat((onZero.id() >>> 22) % 2).isZero();
        assertThat((onOne.id() >>> 22) % 2).isOne();

        RawGatewayClient zero = identify(discord, 0, 2);
        RawGatewayClient one = identify(discord, 1, 2);
        assertThat(zero.nextOf(0, "GUILD_CREATE", Timeouts.ANSWER).path("d").path("id").asString())
            .isEqualTo(onZero.idString());
        assertThat(one.nextOf(0, "GUILD_CREATE", Timeouts.ANSWER).path("d").path("id").asString())
            .isEqualTo(onOne.idString());

        world.as(alice).says(general, "in guild one");
        assertThat(one.nextOf(0, "MESSAGE_CREATE", Timeouts.ANSWER).path("d").path("content").asString())
            .isEqualTo("in guild one");
        world.as(alice).says(world.directChannel(alice), "a DM");
        assertThat(zero.nextOf(0, "MESSAGE_CREATE", Timeouts.ANSWER).path("d").path("content").asString())
            .isEqualTo("a DM");
        assertThat(zero.poll(Timeouts.QUIET.dividedBy(3))).isNull();
        assertThat(one.poll(Timeouts.QUIET.dividedBy(3))).isNull();
    }

    @Test
    @DisplayName("a second IDENTIFY of a bucket (shard_id % max_concurrency) within 5 s gets op 9 and is counted; "
            + "5 s after the bucket's last one it is accepted")
    void identifyBuckets() throws Exception {
        DiscordEmulator discord = start(DiscordEmulator.builder().sessionStartLimit(1000, 1000, 2));

        identify(discord, 0, 4).nextOf(0, "READY", Timeouts.ANSWER);
        identify(discord, 1, 4).nextOf(0, "READY", Timeouts.ANSWER);
        this.clock.advance(Gateway.IDENTIFY_INTERVAL.minusMillis(1));
        JsonNode invalid = identify(discord, 2, 4).nextOf(9, null, Timeouts.ANSWER);

        assertThat(invalid.path("d").asBoolean(true)).isFalse();
        assertThat(discord.gateway().identifyRateViolations()).isOne();
        assertThat(discord.gateway().liveSessions(2)).isZero();
        assertThat(discord.gateway().liveSessions(0)).isOne();

        // the refused IDENTIFY started the bucket's 5 s again
        this.clock.advance(Gateway.IDENTIFY_INTERVAL);
        identify(discord, 2, 4).nextOf(0, "READY", Timeouts.ANSWER);
        assertThat(discord.gateway().liveSessions(2)).isOne();
        assertThat(discord.gateway().identifyRateViolations()).isOne();
    }

    @Test
    @DisplayName("two live sessions on one shard both get its events, as on Discord, and are counted")
    void twoSessionsOnOneShard() throws Exception {
        DiscordEmulator discord = start(DiscordEmulator.builder());
        World world = discord.world();
        EmulatedUser alice = world.user("alice");
        EmulatedChannel general = world.addTextChannel(world.addGuild("guild", alice), "general");

        RawGatewayClient first = identify(discord, 0, 1);
        first.nextOf(0, "GUILD_CREATE", Timeouts.ANSWER);
        this.clock.advance(Gateway.IDENTIFY_INTERVAL);
        RawGatewayClient second = identify(discord, 0, 1);
        second.nextOf(0, "GUILD_CREATE", Timeouts.ANSWER);

        world.as(alice).says(general, "seen twice");
        assertThat(first.nextOf(0, "MESSAGE_CREATE", Timeouts.ANSWER).path("d").path("content").asString())
            .isEqualTo("seen twice");
        assertThat(second.nextOf(0, "MESSAGE_CREATE", Timeouts.ANSWER).path("d").path("content").asString())
            .isEqualTo("seen twice");
        assertThat(discord.gateway().duplicateSessions()).isOne();
        assertThat(discord.gateway().liveSessions(0)).isEqualTo(2);
        assertThat(discord.gateway().identifyRateViolations()).isZero();
    }

    @Test
    @DisplayName("the global REST limit counts every connection of the token together")
    void globalLimitAcrossConnections() throws Exception {
        DiscordEmulator discord = start(DiscordEmulator.builder());
        discord.rest().globalRateLimit(10, Duration.ofSeconds(30));
        List<Integer> statuses = new ArrayList<>();
        for (int client = 0; client < 2; client++) {
            try (HttpClient http = HttpClient.newHttpClient()) {
                for (int i = 0; i < 6; i++) {
                    HttpResponse<String> response = http
                        .send(HttpRequest.newBuilder(URI.create(discord.restUrl() + "users/@me"))
                            .header("Authorization", "Bot " + discord.token())
                            .build(), HttpResponse.BodyHandlers.ofString());
                    statuses.add(response.statusCode());
                    if (response.statusCode() == 429) {
                        assertThat(response.headers().firstValue("X-RateLimit-Global")).hasValue("true");
                    }
                }
            }
        }
        assertThat(statuses.subList(0, 10)).containsOnly(200);
        assertThat(statuses.subList(10, 12)).containsOnly(429);
        assertThat(discord.acceptedConnections()).isGreaterThanOrEqualTo(2);
    }

    private static JsonNode gatewayBot(DiscordEmulator discord) throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            String body = http
                .send(HttpRequest.newBuilder(URI.create(discord.restUrl() + "gateway/bot"))
                    .header("Authorization", "Bot " + discord.token())
                    .build(), HttpResponse.BodyHandlers.ofString())
                .body();
            return JsonMapper.builder().build().readTree(body);
        }
    }

}
