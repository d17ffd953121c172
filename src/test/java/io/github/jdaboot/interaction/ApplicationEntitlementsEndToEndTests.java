package io.github.jdaboot.interaction;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.github.jdaboot.discord.entitlement.ApplicationEntitlements;
import io.github.jdaboot.emulator.DiscordEmulator;
import io.github.jdaboot.emulator.EmulatedEntitlement;
import io.github.jdaboot.emulator.EmulatedSku;
import io.github.jdaboot.emulator.Gateway;
import io.github.jdaboot.emulator.RecordedRequest;
import io.github.jdaboot.emulator.World;
import io.github.jdaboot.testing.DiscordBotTest;
import io.github.jdaboot.testing.JdaEvents;
import io.github.jdaboot.testing.Timeouts;
import net.dv8tion.jda.api.entities.Entitlement;
import net.dv8tion.jda.api.events.session.SessionRecreateEvent;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The application's entitlements in memory over the wire: a new session of shard 0 lists
 * them again, every page, with what was bought while no session could hear it. Shares its
 * context with {@link PremiumEndToEndTests}.
 */
@DiscordBotTest(properties = { PremiumTestCommands.PRO, PremiumTestCommands.SPOTLIGHT })
@Import(PremiumTestCommands.class)
@DisplayName("Entitlements in memory: listed again, every page, by a new session")
class ApplicationEntitlementsEndToEndTests {

    private static final String LIST = "GET /applications/{application_id}/entitlements";

    private final DiscordEmulator discord;

    private final World world;

    private final Gateway gateway;

    private final ApplicationEntitlements cache;

    private final JdaEvents events;

    ApplicationEntitlementsEndToEndTests(DiscordEmulator discord, ApplicationEntitlements cache, JdaEvents events) {
        this.discord = discord;
        this.world = discord.world();
        this.gateway = discord.gateway();
        this.cache = cache;
        this.events = events;
    }

    @Test
    @DisplayName("bought while no session heard it: a new session lists 150 in two pages, and the cache has them all")
    void newSessionListsEveryPage() {
        await().atMost(Timeouts.ANSWER).until(this.cache::isWhole);
        int recreated = this.events.count(SessionRecreateEvent.class);
        int before = this.discord.rest().requests().size();

        // no session hears the purchases, and the session cannot be resumed: its events
        // are lost
        this.gateway.refuseConnections(true);
        this.gateway.drop();
        await().atMost(Timeouts.ANSWER).until(() -> !this.cache.isWhole());
        EmulatedSku pro = this.world.sku("Idea Pro");
        List<EmulatedEntitlement> bought = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            bought.add(this.world.as("buyer-" + i).buys(pro));
        }
        this.gateway.refuseNextResumes(1);
        this.gateway.refuseConnections(false);

        await().atMost(Timeouts.RECOVERY)
            .until(() -> this.events.count(SessionRecreateEvent.class) > recreated && this.cache.isWhole());
        for (EmulatedEntitlement entitlement : List.of(bought.getFirst(), bought.get(99), bought.getLast())) {
            assertThat(this.cache.find(entitlement.userId(), 0)).get()
                .satisfies((found) -> assertThat(found).extracting(Entitlement::getIdLong).contains(entitlement.id()));
        }
        List<RecordedRequest> lists = listRequests(before);
        assertThat(lists).as("the list, page by page, oldest first").hasSizeGreaterThanOrEqualTo(2);
        assertThat(lists.getFirst().request().query()).containsEntry("after", "0")
            .containsEntry("exclude_ended", "true");
        assertThat(lists.get(1).request().query()).containsKey("after").doesNotContainEntry("after", "0");
    }

    @Test
    @DisplayName("the list failed with server errors: read again, with backoff, until the cache is whole")
    void failedListIsReadAgain() {
        await().atMost(Timeouts.ANSWER).until(this.cache::isWhole);
        int recreated = this.events.count(SessionRecreateEvent.class);
        int before = this.discord.rest().requests().size();
        EmulatedEntitlement bought = this.world.as("buyer-after-failures").buys(this.world.sku("Idea Pro"));

        this.discord.rest().failNext(LIST, 3, 500);
        this.gateway.refuseNextResumes(1);
        this.gateway.drop();

        await().atMost(Timeouts.RECOVERY)
            .until(() -> this.events.count(SessionRecreateEvent.class) > recreated && this.cache.isWhole());
        assertThat(this.cache.find(bought.userId(), 0)).get()
            .satisfies((found) -> assertThat(found).extracting(Entitlement::getIdLong).contains(bought.id()));
        assertThat(firstPages(before)).as("the first page, asked again after each failure").hasSize(4);
    }

    @Test
    @DisplayName("refunded while the list is read, after its page came: the refund wins over the list")
    void eventDuringTheListWins() {
        await().atMost(Timeouts.ANSWER).until(this.cache::isWhole);
        EmulatedSku pro = this.world.sku("Idea Pro");
        // the list has two pages at least
        for (int i = 0; i < 101; i++) {
            this.world.as("second-page-" + i).buys(pro);
        }
        Instant now = Instant.now();
        EmulatedEntitlement oldest = this.world.entitlements()
            .stream()
            .filter((entitlement) -> !entitlement.deleted()
                    && (entitlement.endsAt() == null || entitlement.endsAt().isAfter(now)))
            .findFirst()
            .orElseThrow();
        int recreated = this.events.count(SessionRecreateEvent.class);
        int before = this.discord.rest().requests().size();

        // one page every 3 seconds: the refund comes between the first page and the next
        this.discord.rest().rateLimit(LIST, 1, Duration.ofSeconds(3));
        this.gateway.refuseNextResumes(1);
        this.gateway.drop();
        await().atMost(Timeouts.RECOVERY).until(() -> firstPages(before).size() == 1);
        this.world.revoke(oldest);

        await().atMost(Timeouts.RECOVERY)
            .until(() -> this.events.count(SessionRecreateEvent.class) > recreated && this.cache.isWhole());
        assertThat(listRequests(before)).as("the list's pages").hasSizeGreaterThanOrEqualTo(2);
        assertThat(this.cache.find(oldest.userId(), oldest.guildId())).get()
            .satisfies((found) -> assertThat(found).extracting(Entitlement::getIdLong).doesNotContain(oldest.id()));
    }

    /**
     * The requests for the list's pages since the given count of requests (not the
     * lookups of one user's).
     */
    private List<RecordedRequest> listRequests(int since) {
        List<RecordedRequest> requests = this.discord.rest().requests();
        return requests.subList(since, requests.size())
            .stream()
            .filter((request) -> LIST.equals(request.route()) && !request.request().query().containsKey("user_id"))
            .toList();
    }

    /** The requests for the list's first page since the given count of requests. */
    private List<RecordedRequest> firstPages(int since) {
        return listRequests(since).stream()
            .filter((request) -> "0".equals(request.request().query().get("after")))
            .toList();
    }

}
