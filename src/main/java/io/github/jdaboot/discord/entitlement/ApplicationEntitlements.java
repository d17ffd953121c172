package io.github.jdaboot.discord.entitlement;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import io.github.jdaboot.discord.DiscordRequests;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.Entitlement;
import net.dv8tion.jda.api.events.GenericEvent;
import net.dv8tion.jda.api.events.entitlement.EntitlementDeleteEvent;
import net.dv8tion.jda.api.events.entitlement.GenericEntitlementEvent;
import net.dv8tion.jda.api.events.session.ReadyEvent;
import net.dv8tion.jda.api.events.session.SessionDisconnectEvent;
import net.dv8tion.jda.api.events.session.SessionRecreateEvent;
import net.dv8tion.jda.api.events.session.SessionResumeEvent;
import net.dv8tion.jda.api.events.session.ShutdownEvent;
import net.dv8tion.jda.api.hooks.EventListener;
import net.dv8tion.jda.api.requests.restaction.pagination.PaginationAction.PaginationOrder;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The application's entitlements, kept in memory, so that a prefix command (whose message
 * carries none, unlike an interaction) is answered without asking Discord, on the thread
 * that received it. Discord sends ENTITLEMENT_CREATE, _UPDATE and _DELETE to shard 0:
 * when a session of shard 0 starts here, every entitlement that has not ended is listed
 * (page by page, queued on JDA's requester: nothing waits on the event thread), and the
 * events keep the list current from then on; an event that arrives while the list is read
 * wins over what the list says of the same entitlement.
 * <p>
 * The cache answers only while it is whole: from the end of the list until shard 0's
 * session is lost (a resumed session gets the events it missed, and the cache answers
 * again; a new session lists them again). Before that, when shard 0 runs in another
 * process of the fleet, or while Discord does not list them (a list that failed with a
 * server error or a dropped connection is read again, with backoff), {@link #find}
 * answers nothing, and a prefix command's entitlements are asked of Discord as without
 * the cache. A bot none of whose prefix commands asks for entitlements lists nothing.
 */
public class ApplicationEntitlements implements EventListener {

    private static final Logger log = LoggerFactory.getLogger(ApplicationEntitlements.class);

    /** The longest wait before the list is read again after Discord failed it. */
    static final Duration MAX_RETRY_DELAY = Duration.ofMinutes(1);

    private final BooleanSupplier needed;

    private final Object lock = new Object();

    /** Every entitlement known, by id; only with the lock. */
    private final Map<Long, Entitlement> byId = new HashMap<>();

    /**
     * While a list is read: what the events said meanwhile, by id (null for deleted);
     * only with the lock.
     */
    private @Nullable Map<Long, @Nullable Entitlement> changedWhileListing;

    /**
     * The list being read (a newer session's list replaces an older one's); only with the
     * lock.
     */
    private long listing;

    /**
     * Whether a whole list has been read in shard 0's current session; only with the
     * lock.
     */
    private boolean listed;

    /**
     * Whether the entitlements are kept (a prefix command asks for them); only with the
     * lock.
     */
    private boolean kept;

    /**
     * Whether shard 0's session is there, or events may be missed until it resumes; only
     * with the lock.
     */
    private boolean connected;

    /** Entitlements consumed here (Discord sends no event for it). */
    private final Set<Long> consumed = ConcurrentHashMap.newKeySet();

    /** What {@link #find} answers from; null while the cache is not whole. */
    private volatile @Nullable Index index;

    /**
     * The cache.
     * @param needed whether any prefix command asks for entitlements, asked when shard 0
     * starts a session: the entitlements are listed only then
     */
    public ApplicationEntitlements(BooleanSupplier needed) {
        this.needed = needed;
    }

    @Override
    public void onEvent(GenericEvent event) {
        if (event.getJDA().getShardInfo().getShardId() != 0) {
            return;
        }
        switch (event) {
            case ReadyEvent ready -> list(ready.getJDA());
            case SessionRecreateEvent recreated -> list(recreated.getJDA());
            case SessionResumeEvent resumed -> resumed();
            case SessionDisconnectEvent disconnected -> lost();
            case ShutdownEvent shutdown -> lost();
            case EntitlementDeleteEvent deleted -> changed(deleted.getEntitlement().getIdLong(), null);
            case GenericEntitlementEvent changed ->
                changed(changed.getEntitlement().getIdLong(), changed.getEntitlement());
            default -> {
            }
        }
    }

    /**
     * The active and pending entitlements of this user (their own) and of this server (0
     * in a direct message), or nothing while the cache is not whole.
     */
    public Optional<List<Entitlement>> find(long userId, long guildId) {
        Index current = this.index;
        if (current == null) {
            return Optional.empty();
        }
        List<Entitlement> users = current.byUser().getOrDefault(userId, List.of());
        List<Entitlement> guilds = (guildId != 0) ? current.byGuild().getOrDefault(guildId, List.of()) : List.of();
        if (guilds.isEmpty()) {
            return Optional.of(withoutConsumed(users));
        }
        List<Entitlement> both = new ArrayList<>(users);
        both.addAll(guilds);
        return Optional.of(withoutConsumed(both));
    }

    /** Whether the cache answers {@link #find}. */
    public boolean isWhole() {
        return this.index != null;
    }

    /**
     * Notes an entitlement consumed here: Discord sends no event for it, and it no longer
     * counts.
     */
    public void consumed(Entitlement entitlement) {
        this.consumed.add(entitlement.getIdLong());
    }

    private List<Entitlement> withoutConsumed(List<Entitlement> entitlements) {
        if (this.consumed.isEmpty()) {
            return entitlements;
        }
        return entitlements.stream().filter((entitlement) -> !this.consumed.contains(entitlement.getIdLong())).toList();
    }

    /** Reads every entitlement that has not ended, for a new session of shard 0. */
    private void list(JDA session) {
        if (!this.needed.getAsBoolean()) {
            return;
        }
        long reading;
        synchronized (this.lock) {
            this.kept = true;
            this.connected = true;
            this.index = null;
            this.listed = false;
            this.changedWhileListing = new LinkedHashMap<>();
            reading = ++this.listing;
        }
        read(session, reading, 1);
    }

    /** One attempt at the list, from its first page. */
    private void read(JDA session, long reading, int attempt) {
        List<Entitlement> found = new ArrayList<>();
        DiscordRequests.run(() -> session.retrieveEntitlements()
            .excludeEnded(true)
            .order(PaginationOrder.FORWARD)
            .forEachAsync((entitlement) -> found.add(entitlement),
                    (failure) -> failed(session, reading, attempt, failure))
            .thenRun(() -> listed(reading, found)));
    }

    private void listed(long reading, List<Entitlement> found) {
        synchronized (this.lock) {
            if (reading != this.listing || this.changedWhileListing == null) {
                return;
            }
            this.byId.clear();
            found.forEach((entitlement) -> this.byId.put(entitlement.getIdLong(), entitlement));
            this.changedWhileListing.forEach(this::apply);
            this.changedWhileListing = null;
            // what Discord lists as consumed, or no longer lists, needs no note
            this.consumed.removeIf((id) -> {
                Entitlement known = this.byId.get(id);
                return known == null || known.isConsumed();
            });
            this.listed = true;
            if (this.connected) {
                publish();
            }
        }
        log.debug("Entitlements listed: {}; prefix commands read them from memory", found.size());
    }

    /**
     * A list that failed is read again after a while (1 s, doubling up to
     * {@link #MAX_RETRY_DELAY}) when Discord may answer it then, until it is read or a
     * newer session lists them; prefix commands ask Discord meanwhile.
     */
    private void failed(JDA session, long reading, int attempt, Throwable failure) {
        boolean retry = DiscordRequests.isRetryable(failure);
        synchronized (this.lock) {
            if (reading != this.listing) {
                return;
            }
            if (!retry) {
                this.changedWhileListing = null;
            }
        }
        if (!retry) {
            log.warn("Could not list the application's entitlements ({}): prefix commands ask Discord for them,"
                    + " until shard 0 starts a new session", failure.toString());
            return;
        }
        long delay = Math.min(MAX_RETRY_DELAY.toMillis(), 1000L << Math.min(attempt - 1, 16));
        log.warn("Could not list the application's entitlements ({}, attempt {}): prefix commands ask Discord for"
                + " them until they are listed; trying again in {} ms", failure.toString(), attempt, delay);
        CompletableFuture.delayedExecutor(delay, TimeUnit.MILLISECONDS)
            .execute(() -> readAgain(session, reading, attempt));
    }

    private void readAgain(JDA session, long reading, int attempt) {
        synchronized (this.lock) {
            if (reading != this.listing || session.getStatus() == JDA.Status.SHUTDOWN) {
                return; // a newer session lists them, or this one is gone
            }
        }
        try {
            read(session, reading, attempt + 1);
        }
        catch (RuntimeException ex) {
            // JDA no longer takes requests (shut down meanwhile)
            log.debug("Entitlements not listed again: {}", ex.toString());
        }
    }

    private void changed(long id, @Nullable Entitlement entitlement) {
        synchronized (this.lock) {
            if (!this.kept) {
                return;
            }
            if (this.changedWhileListing != null) {
                this.changedWhileListing.put(id, entitlement);
            }
            apply(id, entitlement);
            if (this.listed && this.connected) {
                publish();
            }
        }
    }

    private void resumed() {
        synchronized (this.lock) {
            // a resumed session replays what it missed
            this.connected = true;
            if (this.listed) {
                publish();
            }
        }
    }

    private void lost() {
        synchronized (this.lock) {
            this.connected = false;
            this.index = null;
        }
    }

    private void apply(long id, @Nullable Entitlement entitlement) {
        if (entitlement == null || entitlement.isDeleted()) {
            this.byId.remove(id);
        }
        else {
            this.byId.put(id, entitlement);
        }
    }

    private void publish() {
        Map<Long, List<Entitlement>> byUser = new HashMap<>();
        Map<Long, List<Entitlement>> byGuild = new HashMap<>();
        for (Entitlement entitlement : this.byId.values()) {
            if (entitlement.getGuildIdLong() != 0) {
                byGuild.computeIfAbsent(entitlement.getGuildIdLong(), (key) -> new ArrayList<>()).add(entitlement);
            }
            else if (entitlement.getUserIdLong() != 0) {
                byUser.computeIfAbsent(entitlement.getUserIdLong(), (key) -> new ArrayList<>()).add(entitlement);
            }
        }
        byUser.replaceAll((key, list) -> List.copyOf(list));
        byGuild.replaceAll((key, list) -> List.copyOf(list));
        this.index = new Index(byUser, byGuild);
    }

    /** Entitlements by owner: a user's own, a server's. */
    private record Index(Map<Long, List<Entitlement>> byUser, Map<Long, List<Entitlement>> byGuild) {
    }

}
