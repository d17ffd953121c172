package io.github.jdaboot.discord.coordination;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Asks the bot's other processes whether they reach Redis, while this one does not. A
 * process cut off from Redis alone must stop answering before its leases run out, for the
 * others will take its shards over; when Redis is unreachable for every process nobody
 * can take anything over, and each may go on answering on the shards it owns. Only the
 * others can tell the two apart: each says so in its {@code discordCoordination} health
 * ({@code details.redis.reachable}), which it reads from memory.
 */
final class PeerWitness {

    static final String PATH = "actuator/health/discordCoordination";

    private final HttpClient http;

    private final Duration timeout;

    private final JsonMapper json = JsonMapper.builder().build();

    PeerWitness(Duration timeout) {
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    /**
     * Whether every one of these processes answered, in time, that it cannot reach Redis
     * either. No process at all counts as yes: then nobody can take anything over.
     */
    boolean allUnreachable(List<URI> peers) {
        List<CompletableFuture<Boolean>> answers = peers.stream().map(this::unreachable).toList();
        return answers.stream().allMatch(CompletableFuture::join);
    }

    private CompletableFuture<Boolean> unreachable(URI peer) {
        String base = peer.toString().endsWith("/") ? peer.toString() : peer + "/";
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + PATH)).timeout(this.timeout).GET().build();
        return this.http.sendAsync(request, BodyHandlers.ofString()).thenApply((response) -> {
            JsonNode reachable = this.json.readTree(response.body()).path("details").path("redis").path("reachable");
            return reachable.isBoolean() && !reachable.asBoolean();
        }).exceptionally((failure) -> false);
    }

}
