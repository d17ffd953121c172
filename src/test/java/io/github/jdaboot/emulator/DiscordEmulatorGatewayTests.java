package io.github.jdaboot.emulator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import io.github.jdaboot.testing.Timeouts;
import io.github.jdaboot.testing.gateway.RawGatewayClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The emulator's gateway protocol, driven by a bare WebSocket client: HELLO, heartbeats
 * and ACKs, IDENTIFY checks, READY and GUILD_CREATE, sequence numbers, intents, RESUME
 * with replay, and zlib-stream compression.
 */
@DisplayName("Emulator gateway protocol")
class DiscordEmulatorGatewayTests {

    /** GUILDS, GUILD_MESSAGES, DIRECT_MESSAGES, MESSAGE_CONTENT. */
    private static final long INTENTS = 1 | (1 << 9) | (1 << 12) | (1 << 15);

    private DiscordEmulator discord;

    @BeforeEach
    void start() {
        this.discord = DiscordEmulator.builder().heartbeatInterval(Duration.ofMillis(500)).build().start();
    }

    @AfterEach
    void stop() {
        this.discord.close();
    }

    @Test
    @DisplayName("HELLO comes first with the heartbeat interval; every heartbeat gets an ACK")
    void helloAndHeartbeats() throws Exception {
        try (RawGatewayClient client = new RawGatewayClient(this.discord.gatewayUrl(), false)) {
            JsonNode hello = client.next(Timeouts.ANSWER);
            assertThat(hello.path("op").asInt()).isEqualTo(10);
            assertThat(hello.path("d").path("heartbeat_interval").asInt()).isEqualTo(500);

            for (int i = 0; i < 3; i++) {
                client.send("{\"op\":1,\"d\":null}");
                assertThat(client.next(Timeouts.ANSWER).path("op").asInt()).isEqualTo(11);
            }
            assertThat(this.discord.gateway().heartbeatCount()).isEqualTo(3);
        }
    }

    @Test
    @DisplayName("with ACKs switched off, heartbeats go unanswered while the socket stays open")
    void heartbeatsUnanswered() throws Exception {
        try (RawGatewayClient client = new RawGatewayClient(this.discord.gatewayUrl(), false)) {
            client.nextOf(10, null, Timeouts.ANSWER);
            this.discord.gateway().acknowledgeHeartbeats(false);
            client.send("{\"op\":1,\"d\":null}");

            assertThat(client.poll(Duration.ofMillis(700))).isNull();
            this.discord.gateway().acknowledgeHeartbeats(true);
            client.send("{\"op\":1,\"d\":null}");
            assertThat(client.next(Timeouts.ANSWER).path("op").asInt()).isEqualTo(11);
        }
    }

    @Test
    @DisplayName("IDENTIFY with a wrong token is closed with 4004")
    void wrongToken() throws Exception {
        try (RawGatewayClient client = new RawGatewayClient(this.discord.gatewayUrl(), false)) {
            client.send(identify("not-the-token", INTENTS));
            assertThat(client.awaitClose(Timeouts.ANSWER)).isEqualTo(4004);
        }
    }

    @Test
    @DisplayName("a privileged intent the application may not use is closed with 4014")
    void disallowedIntents() throws Exception {
        this.discord.gateway().allowPrivilegedIntents(true, true, false);
        try (RawGatewayClient client = new RawGatewayClient(this.discord.gatewayUrl(), false)) {
            client.send(identify(this.discord.token(), INTENTS));
            assertThat(client.awaitClose(Timeouts.ANSWER)).isEqualTo(4014);
        }
    }

    @Test
    @DisplayName("IDENTIFY gets READY (s=1) and a GUILD_CREATE per guild, then events in sequence")
    void readyAndSequence() throws Exception {
        try (RawGatewayClient client = new RawGatewayClient(this.discord.gatewayUrl(), false)) {
            client.send(identify(this.discord.token(), INTENTS));

            JsonNode ready = client.nextOf(0, "READY", Timeouts.ANSWER);
            assertThat(ready.path("s").asLong()).isEqualTo(1);
            assertThat(ready.path("d").path("user").path("username").asString()).isEqualTo("IdeaBot");
            assertThat(ready.path("d").path("session_id").asString()).isNotBlank();
            assertThat(ready.path("d").path("resume_gateway_url").asString()).isEqualTo(this.discord.gatewayUrl());
            assertThat(ready.path("d").path("guilds")).hasSize(1);
            JsonNode guild = client.nextOf(0, "GUILD_CREATE", Timeouts.ANSWER);
            assertThat(guild.path("s").asLong()).isEqualTo(2);
            assertThat(guild.path("d").path("channels")).extracting((c) -> c.path("name").asString())
                .contains("general", "random", "bot-lab");
            assertThat(guild.path("d").path("threads")).extracting((c) -> c.path("name").asString())
                .containsExactly("brainstorm");

            this.discord.world().as("alice").says(this.discord.world().channel("general"), "one");
            this.discord.world().as("alice").says(this.discord.world().channel("general"), "two");
            JsonNode first = client.nextOf(0, "MESSAGE_CREATE", Timeouts.ANSWER);
            JsonNode second = client.nextOf(0, "MESSAGE_CREATE", Timeouts.ANSWER);
            assertThat(first.path("s").asLong()).isEqualTo(3);
            assertThat(first.path("d").path("content").asString()).isEqualTo("one");
            assertThat(first.path("d").path("guild_id").asString()).isEqualTo(this.discord.world().guild().idString());
            assertThat(first.path("d").path("member").isObject()).isTrue();
            assertThat(second.path("s").asLong()).isEqualTo(4);
        }
    }

    @Test
    @DisplayName("without MESSAGE_CONTENT the content is empty, unless the bot is mentioned")
    void messageContentIntent() throws Exception {
        try (RawGatewayClient client = new RawGatewayClient(this.discord.gatewayUrl(), false)) {
            client.send(identify(this.discord.token(), INTENTS & ~(1 << 15)));
            client.nextOf(0, "GUILD_CREATE", Timeouts.ANSWER);

            this.discord.world().as("alice").says(this.discord.world().channel("general"), ".idea");
            this.discord.world()
                .as("alice")
                .says(this.discord.world().channel("general"), this.discord.world().bot().mention() + " .idea");

            assertThat(client.nextOf(0, "MESSAGE_CREATE", Timeouts.ANSWER).path("d").path("content").asString())
                .isEmpty();
            assertThat(client.nextOf(0, "MESSAGE_CREATE", Timeouts.ANSWER).path("d").path("content").asString())
                .endsWith(".idea");
        }
    }

    @Test
    @DisplayName("RESUME replays the missed events in order, then RESUMED")
    void resumeReplays() throws Exception {
        String sessionId;
        long lastSeq;
        try (RawGatewayClient client = new RawGatewayClient(this.discord.gatewayUrl(), false)) {
            client.send(identify(this.discord.token(), INTENTS));
            sessionId = client.nextOf(0, "READY", Timeouts.ANSWER).path("d").path("session_id").asString();
            lastSeq = client.nextOf(0, "GUILD_CREATE", Timeouts.ANSWER).path("s").asLong();
            client.abort();
        }
        for (int i = 1; i <= 3; i++) {
            this.discord.world().as("bob").says(this.discord.world().channel("general"), "missed " + i);
        }
        try (RawGatewayClient client = new RawGatewayClient(this.discord.gatewayUrl(), false)) {
            client.send("{\"op\":6,\"d\":{\"token\":\"" + this.discord.token() + "\",\"session_id\":\"" + sessionId
                    + "\",\"seq\":" + lastSeq + "}}");
            for (int i = 1; i <= 3; i++) {
                JsonNode replayed = client.nextOf(0, "MESSAGE_CREATE", Timeouts.ANSWER);
                assertThat(replayed.path("s").asLong()).isEqualTo(lastSeq + i);
                assertThat(replayed.path("d").path("content").asString()).isEqualTo("missed " + i);
            }
            assertThat(client.nextOf(0, "RESUMED", Timeouts.ANSWER).path("s").asLong()).isEqualTo(lastSeq + 4);
        }
        assertThat(this.discord.gateway().resumeCount()).isEqualTo(1);
    }

    @Test
    @DisplayName("a RESUME for an unknown session gets op 9 INVALID_SESSION d=false")
    void resumeUnknownSession() throws Exception {
        try (RawGatewayClient client = new RawGatewayClient(this.discord.gatewayUrl(), false)) {
            client.send(
                    "{\"op\":6,\"d\":{\"token\":\"" + this.discord.token() + "\",\"session_id\":\"nope\",\"seq\":3}}");
            JsonNode invalid = client.nextOf(9, null, Timeouts.ANSWER);
            assertThat(invalid.path("d").asBoolean(true)).isFalse();
        }
    }

    @Test
    @DisplayName("zlib-stream: binary frames of one zlib stream, each flushed with 00 00 FF FF")
    void zlibStream() throws Exception {
        try (RawGatewayClient client = new RawGatewayClient(this.discord.gatewayUrl(), true)) {
            assertThat(client.next(Timeouts.ANSWER).path("op").asInt()).isEqualTo(10);
            client.send(identify(this.discord.token(), INTENTS));
            client.nextOf(0, "READY", Timeouts.ANSWER);
            client.nextOf(0, "GUILD_CREATE", Timeouts.ANSWER);
            this.discord.world().as("alice").says(this.discord.world().channel("general"), "compressed");
            assertThat(client.nextOf(0, "MESSAGE_CREATE", Timeouts.ANSWER).path("d").path("content").asString())
                .isEqualTo("compressed");

            assertThat(client.binaryMessages()).isEqualTo(4);
            assertThat(client.everyBinaryEndedWithSyncFlush()).isTrue();
        }
    }

    @Test
    @DisplayName("zlib-stream with events and heartbeat ACKs sent from two threads: one intact stream, in order")
    void zlibStreamWithConcurrentSends() throws Exception {
        int count = 400;
        try (RawGatewayClient client = new RawGatewayClient(this.discord.gatewayUrl(), true)) {
            client.send(identify(this.discord.token(), INTENTS));
            long ready = client.nextOf(0, "READY", Timeouts.ANSWER).path("s").asLong();

            // the reader thread answers heartbeats while the test thread dispatches
            // messages
            Thread heartbeats = Thread.ofPlatform().start(() -> {
                for (int i = 0; i < count; i++) {
                    client.send("{\"op\":1,\"d\":" + ready + "}");
                }
            });
            for (int i = 0; i < count; i++) {
                this.discord.world().as("alice").says(this.discord.world().channel("general"), "message " + i);
            }
            heartbeats.join();

            int acks = 0;
            List<String> messages = new ArrayList<>();
            while (acks < count || messages.size() < count) {
                JsonNode payload = client.next(Timeouts.ANSWER);
                if (payload.path("op").asInt() == 11) {
                    acks++;
                }
                else if ("MESSAGE_CREATE".equals(payload.path("t").asString())) {
                    messages.add(payload.path("d").path("content").asString());
                }
            }
            assertThat(messages)
                .containsExactlyElementsOf(IntStream.range(0, count).mapToObj((i) -> "message " + i).toList());
            assertThat(client.everyBinaryEndedWithSyncFlush()).isTrue();
        }
    }

    @Test
    @DisplayName("op 7 RECONNECT and op 9 INVALID_SESSION reach the client")
    void reconnectAndInvalidSession() throws Exception {
        try (RawGatewayClient client = new RawGatewayClient(this.discord.gatewayUrl(), false)) {
            client.send(identify(this.discord.token(), INTENTS));
            client.nextOf(0, "GUILD_CREATE", Timeouts.ANSWER);

            this.discord.gateway().requestReconnect();
            assertThat(client.nextOf(7, null, Timeouts.ANSWER).path("op").asInt()).isEqualTo(7);
            this.discord.gateway().invalidateSession(true);
            assertThat(client.nextOf(9, null, Timeouts.ANSWER).path("d").asBoolean()).isTrue();
        }
    }

    @Test
    @DisplayName("closeGateway sends the close code; dropGateway ends the connection without a close frame")
    void closes() throws Exception {
        try (RawGatewayClient client = new RawGatewayClient(this.discord.gatewayUrl(), false)) {
            client.nextOf(10, null, Timeouts.ANSWER);
            this.discord.gateway().close(4009);
            assertThat(client.awaitClose(Timeouts.ANSWER)).isEqualTo(4009);
        }
        try (RawGatewayClient client = new RawGatewayClient(this.discord.gatewayUrl(), false)) {
            client.nextOf(10, null, Timeouts.ANSWER);
            this.discord.gateway().drop();
            assertThat(client.awaitClose(Timeouts.ANSWER)).isEqualTo(1006);
        }
    }

    private static String identify(String token, long intents) {
        return "{\"op\":2,\"d\":{\"token\":\"" + token + "\",\"intents\":" + intents
                + ",\"properties\":{\"os\":\"linux\",\"browser\":\"test\",\"device\":\"test\"},\"shard\":[0,1]}}";
    }

}
