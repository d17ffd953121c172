package io.github.jdaboot.discord.coordination;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import io.github.jdaboot.discord.DiscordStartupException;
import io.github.jdaboot.discord.ShardAssignment;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.events.GenericEvent;
import net.dv8tion.jda.api.events.session.ReadyEvent;
import net.dv8tion.jda.api.events.session.SessionRecreateEvent;
import net.dv8tion.jda.api.events.session.ShutdownEvent;
import net.dv8tion.jda.api.hooks.EventListener;
import net.dv8tion.jda.api.sharding.ShardManager;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.health.contributor.Health;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * This process's part in the bot: it joins the bot's processes in Redis, takes its share
 * of the shards in whole IDENTIFY groups, hands them over when it leaves or when a new
 * process needs its share, and takes over the shards of a process that crashed. It runs
 * the shard manager's shards accordingly ({@link ShardAssignment}).
 * <p>
 * Every tick ({@code lease-ttl} / 5, at most a second) on one thread: it renews its
 * membership and every lease it holds, computes the plan ({@link GroupPlan}) from what
 * Redis holds, and acts on it:
 * <ul>
 * <li>a group planned for it and held by nobody: it takes the leases (a takeover, the
 * fence raised) and starts the shards; after a crash it reads back what went unanswered
 * ({@link TakeoverRecovery});</li>
 * <li>a group planned for it and held by another process: it becomes the successor,
 * starts the shards (in their IDENTIFY turns) and marks each lease ready once its session
 * is READY; the owner, seeing every successor ready, stops answering, closes its sessions
 * and gives the leases to the successor, which answers from then on. Meanwhile both
 * receive the shard's events and claim each one ({@link RedisEventClaims});</li>
 * <li>a lease it could not renew before its deadline: it stops answering and closes the
 * shard; a lease it finds taken: the same.</li>
 * </ul>
 * <p>
 * When Redis cannot be reached it asks the other processes ({@link PeerWitness}): if none
 * reaches Redis either, nobody can take anything over, so it keeps answering on the
 * shards it owns, its deadline moving with each answer; else it stops at its deadline. A
 * process that reaches Redis again, reaches it for the first time, or finds that Redis
 * lost its data, takes no free shard for {@code lease-ttl}: the owners that kept
 * answering restore their leases first.
 * <p>
 * Generations: a process runs the shard total it is configured with. Processes of two
 * totals (a change of the total, rolled out) each share their own total's shards; Discord
 * sends each session the events of its own total's routing, and the claims keep each
 * event answered once. The generation whose first process joined last is the current one;
 * an older generation takes no free shard, and its last processes close without a
 * successor once every shard of the current generation is ready.
 */
final class ShardFleet implements ShardAssignment, EventListener, ApplicationListener<ContextClosedEvent> {

    private static final Logger log = LoggerFactory.getLogger(ShardFleet.class);

    /** Sets the marker if Redis has none, and returns the marker it has. */
    private static final RedisScript<String> MARKER = RedisScript.of("""
            local marker = redis.call('GET', KEYS[1])
            if marker then return marker end
            redis.call('SET', KEYS[1], ARGV[1])
            return ARGV[1]""", String.class);

    /**
     * Renews (or removes, when leaving) this process's membership, drops the members that
     * did not renew theirs, and returns the members.
     */
    private static final RedisScript<List> MEMBERS = RedisScript.of("""
            local time = redis.call('TIME')
            local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
            if ARGV[3] == '1' then
              redis.call('ZREM', KEYS[1], ARGV[1])
            else
              redis.call('ZADD', KEYS[1], now + tonumber(ARGV[2]), ARGV[1])
            end
            redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
            return redis.call('ZRANGE', KEYS[1], 0, -1)""", List.class);

    /**
     * How long a process handing a shard over waits, once it stopped answering on it, for
     * the answers under way to be queued.
     */
    static final Duration DRAIN = Duration.ofMillis(1500);

    /** How long it then waits, at most, for the queued answers to leave. */
    static final Duration DRAIN_REQUESTS = Duration.ofSeconds(10);

    private final CoordinationRedis redis;

    private final CoordinationKeys keys;

    private final ShardGroups groups;

    private final @Nullable List<Integer> fixedGroups;

    private final CoordinationProperties properties;

    private final Duration shutdownTimeout;

    private final ObjectProvider<ShardManager> shardManager;

    private final PeerWitness peers;

    private final ObjectProvider<TakeoverRecovery> recovery;

    private final Supplier<IdentifyBudget.Limit> discord;

    private final IdentifyBudget budget;

    private final Supplier<@Nullable URI> advertisedUrl;

    private final String id = UUID.randomUUID().toString();

    private final ShardLeases leases = new ShardLeases();

    private final Duration tick;

    private final AtomicLong handoversIn = new AtomicLong();

    private final AtomicLong handoversOut = new AtomicLong();

    private final AtomicLong takeovers = new AtomicLong();

    private final AtomicLong lost = new AtomicLong();

    private @Nullable ScheduledExecutorService scheduler;

    private @Nullable ScheduledFuture<?> ticking;

    private @Nullable ScheduledFuture<?> witnessing;

    /** Redis' outages as counted at the last tick that reached it (the tick's thread). */
    private long seenOutages;

    private volatile @Nullable FleetMember member;

    private volatile @Nullable String marker;

    private volatile boolean reached;

    private volatile long quietUntilNanos;

    /**
     * Until when no shard changes hands after Redis came back: the processes come back to
     * the membership one by one, and a plan made before all are back would move the
     * groups of those still missing.
     */
    private volatile long settleUntilNanos;

    private volatile boolean leaving;

    private volatile boolean joinedOnce;

    private volatile List<FleetMember> members = List.of();

    private volatile Set<Integer> planned = Set.of();

    /**
     * Whether the last plan could give this process free shards (its quiet period over),
     * so that a plan giving it none means it has none to run.
     */
    private volatile boolean planFinal;

    /**
     * Whether, at the last tick, another generation's sessions may answer this one's
     * events too and this one is to leave the answers without a claim to them.
     */
    private volatile boolean unclaimedElsewhere;

    private volatile String waitingFor = "joining the bot's processes in Redis";

    private final Map<Integer, Map<String, Long>> recoverOnReady = new ConcurrentHashMap<>();

    /** REST requests of each shard's session waiting to be sent. */
    private final Map<Integer, AtomicInteger> requests = new ConcurrentHashMap<>();

    /**
     * Sessions this process lost, until they are gone: nothing more of theirs is sent.
     */
    private final Set<JDA> fenced = Collections.newSetFromMap(Collections.synchronizedMap(new WeakHashMap<>()));

    ShardFleet(CoordinationRedis redis, CoordinationKeys keys, ShardGroups groups, @Nullable List<Integer> fixedGroups,
            CoordinationProperties properties, Duration shutdownTimeout, ObjectProvider<ShardManager> shardManager,
            PeerWitness peers, ObjectProvider<TakeoverRecovery> recovery, Supplier<IdentifyBudget.Limit> discord,
            IdentifyBudget budget, Supplier<@Nullable URI> advertisedUrl) {
        this.redis = redis;
        this.keys = keys;
        this.groups = groups;
        this.fixedGroups = fixedGroups;
        this.properties = properties;
        this.shutdownTimeout = shutdownTimeout;
        this.shardManager = shardManager;
        this.peers = peers;
        this.recovery = recovery;
        this.discord = discord;
        this.budget = budget;
        this.advertisedUrl = advertisedUrl;
        long tickMillis = Math.max(200, Math.min(1000, properties.getLeaseTtl().toMillis() / 5));
        this.tick = Duration.ofMillis(tickMillis);
    }

    /**
     * Checks the token and max_concurrency against Discord, then starts the ticks.
     */
    @Override
    public synchronized void start() {
        IdentifyBudget.Limit limit = this.discord.get();
        if (limit.maxConcurrency() != this.groups.concurrency()) {
            throw new DiscordStartupException(
                    "Discord's max_concurrency for this bot is " + limit.maxConcurrency()
                            + ", but discord.coordination.max-concurrency is " + this.groups.concurrency() + ".",
                    "Set discord.coordination.max-concurrency=" + limit.maxConcurrency()
                            + " in every process of the bot (and check that each discord.shards is made of whole"
                            + " groups of it).");
        }
        try {
            this.budget.update(limit);
        }
        catch (DataAccessException ex) {
            log.warn("Could not store Discord's session start budget in Redis yet: {}", ex.getMessage());
        }
        this.leaving = false;
        // two threads: the peers are asked while a tick waits on Redis
        this.scheduler = Executors.newScheduledThreadPool(2,
                Thread.ofPlatform().daemon().name("discord-coordination-", 0).factory());
        this.ticking = this.scheduler.scheduleWithFixedDelay(this::tick, 0, this.tick.toMillis(),
                TimeUnit.MILLISECONDS);
        this.witnessing = this.scheduler.scheduleWithFixedDelay(this::witness, this.tick.toMillis(),
                this.tick.toMillis() / 2, TimeUnit.MILLISECONDS);
        log.info("Joining the bot's processes through Redis at {} as {} ({} shards in {} IDENTIFY groups{})",
                this.redis.url(), this.id, this.groups.total(), this.groups.count(),
                (this.fixedGroups != null) ? ", this process runs groups " + this.fixedGroups : "");
    }

    /**
     * Hands the shards over before anything else stops (command runs, the web server).
     */
    @Override
    public void onApplicationEvent(ContextClosedEvent event) {
        handOver();
    }

    /**
     * Leaves the bot's processes: the others take its shards over, each successor ready
     * before the session it replaces closes; returns when every shard is handed over, or
     * after {@code handover-timeout} with the rest closed.
     */
    private void handOver() {
        if (this.scheduler == null || this.leaving) {
            return;
        }
        this.leaving = true;
        this.waitingFor = "handing its shards over";
        List<Integer> held = this.leases.all().stream().map(ShardLeases.Lease::shard).sorted().toList();
        if (held.isEmpty()) {
            return;
        }
        log.info("Handing shards {} over to the bot's other processes", held);
        long start = System.nanoTime();
        long deadline = start + this.properties.getHandoverTimeout().toNanos();
        while (!this.leases.all().isEmpty() && System.nanoTime() - deadline < 0) {
            try {
                Thread.sleep(50);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        List<ShardLeases.Lease> left = this.leases.all();
        if (left.isEmpty()) {
            log.info("Handed shards {} over in {} ms", held, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
        }
        else {
            log.warn("Shards {} were not taken over within {} (discord.coordination.handover-timeout); closing them",
                    left.stream().map(ShardLeases.Lease::shard).sorted().toList(),
                    this.properties.getHandoverTimeout());
            closeAll(left, true);
        }
    }

    @Override
    public synchronized void stop() {
        handOver();
        if (this.ticking != null) {
            this.ticking.cancel(false);
        }
        if (this.witnessing != null) {
            this.witnessing.cancel(false);
        }
        if (this.scheduler != null) {
            this.scheduler.shutdown();
            try {
                this.scheduler.awaitTermination(this.properties.getRedisTimeout().toMillis() * 4,
                        TimeUnit.MILLISECONDS);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
            this.scheduler = null;
        }
        closeAll(this.leases.all(), true);
        FleetMember me = this.member;
        if (me != null) {
            try {
                this.redis.control(MEMBERS, List.of(this.keys.members()), me.encode(), "0", "1");
            }
            catch (DataAccessException ex) {
                // it drops out by itself after lease-ttl
            }
        }
    }

    private void tick() {
        try {
            tickOnce();
        }
        catch (RuntimeException ex) {
            log.error("Coordination tick failed", ex);
        }
    }

    private void tickOnce() {
        long start = System.nanoTime();
        try {
            String known = this.marker;
            String current = Objects
                .requireNonNull(this.redis.control(MARKER, List.of(this.keys.marker()), UUID.randomUUID().toString()));
            long outages = this.redis.outages();
            if (!this.reached || outages != this.seenOutages) {
                // first contact, or Redis back (also when only a claim found it
                // unreachable: this process may have told another so, which then kept
                // answering on its shards): owners that kept answering restore their
                // leases before anybody takes a free shard
                this.seenOutages = outages;
                this.quietUntilNanos = start + this.properties.getLeaseTtl().toNanos();
                if (this.joinedOnce) {
                    this.settleUntilNanos = this.quietUntilNanos;
                    log.info("Redis is back: restoring this process's leases; no shard changes hands for {}",
                            this.properties.getLeaseTtl());
                }
            }
            if (known != null && !known.equals(current)) {
                log.warn("Redis lost the bot's state (restarted empty, or failed over without it): restoring this"
                        + " process's leases; no shard changes hands for {}", this.properties.getLeaseTtl());
                this.quietUntilNanos = start + this.properties.getLeaseTtl().toNanos();
                this.settleUntilNanos = this.quietUntilNanos;
            }
            this.marker = current;
            this.reached = true;
            List<FleetMember> members = membership();
            renew(start);
            publishReady();
            if (!this.leaving || !this.leases.all().isEmpty()) {
                reconcile(members);
            }
        }
        catch (DataAccessException ex) {
            // the peers are asked by witness(), not after this wait on Redis
            this.reached = false;
        }
        lapse();
    }

    /**
     * While this process does not reach Redis, asks the others every half tick whether
     * they do, on its own thread: a tick that retries Redis waits up to
     * {@code redis-timeout}, and the others find Redis unreachable only once their own
     * commands time out, so asking once after each failed tick could come after this
     * process's deadline (a loaded machine, a Redis that stalls rather than refuses).
     */
    private void witness() {
        try {
            if (!reachesRedis()) {
                blind(System.nanoTime());
            }
        }
        catch (RuntimeException ex) {
            log.error("Asking the other processes whether they reach Redis failed", ex);
        }
    }

    private List<FleetMember> membership() {
        FleetMember me = this.member;
        if (me == null) {
            Long now = this.redis.control(
                    (redis) -> redis.execute((RedisCallback<Long>) (connection) -> connection.serverCommands().time()));
            me = new FleetMember(this.id, Objects.requireNonNull(now), this.groups.total(), this.fixedGroups != null,
                    this.advertisedUrl.get());
            this.member = me;
        }
        List<?> encoded = this.redis.control(MEMBERS, List.of(this.keys.members()), me.encode(),
                Long.toString(this.properties.getLeaseTtl().toMillis()), this.leaving ? "1" : "0");
        List<FleetMember> members = new ArrayList<>();
        for (Object entry : (encoded != null) ? encoded : List.of()) {
            FleetMember member = FleetMember.decode(entry.toString());
            if (member != null) {
                members.add(member);
            }
        }
        members.sort(Comparator.comparingLong(FleetMember::joinedMillis).thenComparing(FleetMember::id));
        this.members = List.copyOf(members);
        this.joinedOnce = true;
        return members;
    }

    private void renew(long start) {
        List<ShardLeases.Lease> held = this.leases.all();
        if (held.isEmpty()) {
            return;
        }
        List<String> keys = new ArrayList<>();
        List<String> args = new ArrayList<>(List.of(Long.toString(this.properties.getLeaseTtl().toMillis())));
        for (ShardLeases.Lease lease : held) {
            int shard = lease.shard();
            keys.addAll(List.of(this.keys.lease(total(), shard), this.keys.next(total(), shard),
                    this.keys.token(total(), shard), this.keys.fence(total(), shard)));
            args.add(lease.value(this.id));
            args.add((lease.role() == ShardLeases.Role.OWNER) ? "o" : "i");
            args.add(lease.answers(start) ? "1" : "0");
        }
        List<?> results = Objects
            .requireNonNull(this.redis.control(ShardLeases.RENEW, keys, (Object[]) args.toArray(String[]::new)));
        long deadline = start + this.properties.getLeaseTtl().toNanos() - this.properties.getLeaseMargin().toNanos();
        for (int i = 0; i < held.size(); i++) {
            ShardLeases.Lease lease = held.get(i);
            long result = ((Number) results.get(i)).longValue();
            switch ((int) result) {
                case 1 -> {
                    if (lease.role() == ShardLeases.Role.SUCCESSOR) {
                        lease.role(ShardLeases.Role.OWNER);
                        this.handoversIn.incrementAndGet();
                        log.info("Shard {} handed over to this process", lease.shard());
                    }
                    lease.extend(deadline);
                }
                case 2 -> lease.extend(deadline);
                case 5 -> {
                    lease.extend(deadline);
                    if (!lease.committed()) {
                        lease.committed(true);
                        log.info("Shard {}: its owner hands it over to this process", lease.shard());
                    }
                }
                case 3 -> {
                    // what the owner claimed, read before this process claims as the
                    // owner
                    Map<String, Long> anchors = anchors(lease.shard());
                    lease.role(ShardLeases.Role.OWNER);
                    lease.extend(deadline);
                    this.takeovers.incrementAndGet();
                    log.warn("Shard {} taken over: its owner's lease ran out before it handed the shard over",
                            lease.shard());
                    recoverWhenReady(lease, anchors);
                }
                case 4 -> {
                    lease.extend(deadline);
                    log.info("Shard {}'s lease restored in Redis", lease.shard());
                }
                default -> {
                    if (!lease.closing()) {
                        fence(lease, "another process holds its lease");
                    }
                }
            }
        }
    }

    private void publishReady() {
        for (ShardLeases.Lease lease : this.leases.all()) {
            if (lease.ready() && !lease.readyPublished()) {
                Long marked = this.redis.control(ShardLeases.READY,
                        List.of(this.keys.lease(total(), lease.shard()), this.keys.next(total(), lease.shard())),
                        lease.prefix(this.id));
                if (marked != null && marked == 1) {
                    lease.readyPublished(true);
                }
            }
        }
    }

    /**
     * Redis is unreachable: keep answering on owned shards if nobody can take them. The
     * new deadline counts from before the others were asked; each of them, having said it
     * does not reach Redis, takes no free shard for {@code lease-ttl} once it does again.
     */
    private void blind(long start) {
        List<ShardLeases.Lease> owned = this.leases.all()
            .stream()
            .filter((lease) -> lease.role() == ShardLeases.Role.OWNER && lease.answers(start))
            .toList();
        if (owned.isEmpty()) {
            return;
        }
        List<URI> others = this.members.stream()
            .filter((member) -> !member.id().equals(this.id))
            .map(FleetMember::url)
            .filter(Objects::nonNull)
            .toList();
        if (this.members.stream().anyMatch((member) -> !member.id().equals(this.id) && member.url() == null)) {
            return; // a process that cannot be asked might reach Redis
        }
        if (this.peers.allUnreachable(others)) {
            long deadline = start + this.properties.getLeaseTtl().toNanos()
                    - this.properties.getLeaseMargin().toNanos();
            owned.forEach((lease) -> lease.extend(deadline));
        }
    }

    /** Closes the shards whose deadline passed: some other process may hold them now. */
    private void lapse() {
        long now = System.nanoTime();
        for (ShardLeases.Lease lease : this.leases.all()) {
            if (!lease.closing() && now - lease.deadlineNanos() >= 0) {
                fence(lease, "its lease could not be renewed before its deadline ("
                        + (this.redis.isReachable() ? "this process was paused" : "Redis unreachable") + ")");
            }
        }
    }

    private void reconcile(List<FleetMember> members) {
        Set<Integer> target = new TreeSet<>();
        boolean current = isCurrentGeneration(members);
        boolean superseded = !current && currentGenerationComplete(members);
        boolean overlap = members.stream().anyMatch((member) -> member.total() != total());
        // two generations answer the same events: without Redis, only one may answer
        // unclaimed: the current one once complete, the older one until then
        this.unclaimedElsewhere = overlap && (current ? !completeGeneration(total()) : superseded);
        boolean quiet = System.nanoTime() - this.quietUntilNanos < 0;
        boolean takeFree = !quiet && !superseded;
        Map<Integer, String> owners = new HashMap<>();
        Map<Integer, String> successors = new HashMap<>();
        readGroups(owners, successors);
        if (this.leaving) {
            this.waitingFor = "handing its shards over";
        }
        else if (this.fixedGroups != null) {
            target.addAll(this.fixedGroups);
        }
        else {
            List<FleetMember> generation = members.stream()
                .filter((member) -> member.total() == total() && !member.fixed())
                .toList();
            if (!superseded && System.nanoTime() - this.settleUntilNanos < 0) {
                // Redis is back: this process keeps what it has until the others are too
                for (ShardLeases.Lease lease : this.leases.all()) {
                    if (!lease.closing()) {
                        target.add(this.groups.groupOf(lease.shard()));
                    }
                }
            }
            else if (!superseded) {
                Map<Integer, String> plan = GroupPlan.of(generation, this.groups.count(), owners, successors, takeFree);
                plan.forEach((group, member) -> {
                    if (member.equals(this.id)) {
                        target.add(group);
                    }
                });
            }
            if (target.isEmpty()) {
                this.waitingFor = !current ? "a newer generation of the bot's processes runs its shards"
                        : (System.nanoTime() - this.quietUntilNanos < 0)
                                ? "waiting " + this.properties.getLeaseTtl()
                                        + " after reaching Redis before it takes free shards"
                                : "no shard for this process: " + generation.size() + " process(es) share "
                                        + this.groups.count() + " IDENTIFY group(s)";
            }
        }
        this.planned = Set.copyOf(target);
        this.planFinal = takeFree || superseded;
        for (int group : target) {
            for (int shard : this.groups.shards(group)) {
                if (this.leases.get(shard) == null) {
                    join(shard, takeFree);
                }
            }
        }
        Map<Integer, List<ShardLeases.Lease>> byGroup = new TreeMap<>();
        for (ShardLeases.Lease lease : this.leases.all()) {
            if (!lease.closing() && !target.contains(this.groups.groupOf(lease.shard()))) {
                byGroup.computeIfAbsent(this.groups.groupOf(lease.shard()), (group) -> new ArrayList<>()).add(lease);
            }
        }
        for (Map.Entry<Integer, List<ShardLeases.Lease>> group : byGroup.entrySet()) {
            let(group.getKey(), group.getValue(), members, superseded);
        }
    }

    /** Reads who holds each group (its first shard's lease) and who takes it over. */
    private void readGroups(Map<Integer, String> owners, Map<Integer, String> successors) {
        List<String> keys = new ArrayList<>();
        for (int group = 0; group < this.groups.count(); group++) {
            int shard = this.groups.firstShard(group);
            keys.add(this.keys.lease(total(), shard));
            keys.add(this.keys.next(total(), shard));
        }
        List<String> values = this.redis.control((redis) -> redis.opsForValue().multiGet(keys));
        for (int group = 0; group < this.groups.count(); group++) {
            String owner = (values != null) ? values.get(2 * group) : null;
            String next = (values != null) ? values.get(2 * group + 1) : null;
            if (owner != null) {
                owners.put(group, owner.substring(0, owner.indexOf('|')));
            }
            if (next != null) {
                successors.put(group, next.substring(0, next.indexOf('|')));
            }
        }
    }

    /**
     * Lets go of a group no longer planned for this process: as successor, at once
     * (unless the owner committed to it); as owner, once every shard of it has a
     * successor that is ready and alive: the owner commits to each, waits until each
     * acknowledged (so that a successor that froze or left is never handed a shard), then
     * hands the group over. Without a successor it closes only when nobody will take the
     * group (leaving last, or an older generation superseded).
     */
    private void let(int group, List<ShardLeases.Lease> held, List<FleetMember> members, boolean superseded) {
        if (held.stream().allMatch((lease) -> lease.role() == ShardLeases.Role.SUCCESSOR)) {
            if (held.stream().noneMatch(ShardLeases.Lease::committed)) {
                held.forEach((lease) -> lease.closing(true));
                log.info("Shards {}: no longer planned here; giving up taking them over",
                        held.stream().map(ShardLeases.Lease::shard).toList());
                Thread.ofVirtual().name("discord-successor-abort-", group).start(() -> closeAll(held, true));
            }
            return;
        }
        List<String> nextKeys = held.stream().map((lease) -> this.keys.next(total(), lease.shard())).toList();
        List<?> successors = this.redis.control(ShardLeases.SUCCESSORS, nextKeys);
        long fresh = this.properties.getLeaseTtl().toMillis() - 3 * this.tick.toMillis();
        boolean acknowledged = true;
        boolean committable = true;
        for (int i = 0; i < held.size(); i++) {
            String value = String.valueOf(Objects.requireNonNull(successors).get(2 * i));
            long ttl = ((Number) successors.get(2 * i + 1)).longValue();
            ShardLeases.Lease lease = held.get(i);
            boolean alive = ttl >= fresh;
            acknowledged &= alive && !lease.successor().isEmpty() && value.equals(lease.successor() + "a");
            committable &= alive && (value.endsWith("|r") || value.endsWith("|c") || value.endsWith("|a"));
        }
        if (acknowledged) {
            handOff(held, true);
            return;
        }
        if (committable && held.stream().allMatch((lease) -> lease.role() == ShardLeases.Role.OWNER)) {
            for (int i = 0; i < held.size(); i++) {
                String value = String.valueOf(successors.get(2 * i));
                String successor = value.substring(0, value.length() - 1);
                Long committed = this.redis.control(ShardLeases.COMMIT, List.of(nextKeys.get(i)), successor);
                held.get(i).successor((committed != null && committed == 1) ? successor : "");
            }
            log.debug("Shards {}: committed to hand them over", held.stream().map(ShardLeases.Lease::shard).toList());
            return;
        }
        boolean alone = members.stream().noneMatch((member) -> !member.id().equals(this.id));
        if (this.leaving && (alone || superseded)) {
            handOff(held, false);
        }
    }

    /**
     * Whether this process's generation is the current one: its first process joined
     * last. This process counts itself, whether or not it is leaving.
     */
    private boolean isCurrentGeneration(List<FleetMember> members) {
        Integer newest = newestGeneration(members);
        return newest == null || newest == total();
    }

    /** The generation whose first process joined last, counting this process. */
    private @Nullable Integer newestGeneration(List<FleetMember> members) {
        Map<Integer, Long> firstJoined = new HashMap<>();
        for (FleetMember member : members) {
            firstJoined.merge(member.total(), member.joinedMillis(), Math::min);
        }
        FleetMember me = this.member;
        if (me != null) {
            firstJoined.merge(me.total(), me.joinedMillis(), Math::min);
        }
        return firstJoined.entrySet()
            .stream()
            .max(Map.Entry.<Integer, Long>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
            .map(Map.Entry::getKey)
            .orElse(null);
    }

    /** Whether every shard of the current generation (another than this one) is ready. */
    private boolean currentGenerationComplete(List<FleetMember> members) {
        Integer newest = newestGeneration(members);
        if (newest == null || newest == total()) {
            return false;
        }
        return completeGeneration(newest);
    }

    /** Whether every shard of the generation has an owner whose session is ready. */
    private boolean completeGeneration(int total) {
        List<String> keys = new ArrayList<>();
        for (int shard = 0; shard < total; shard++) {
            keys.add(this.keys.lease(total, shard));
        }
        List<String> values = this.redis.control((redis) -> redis.opsForValue().multiGet(keys));
        return values != null && values.stream().allMatch((value) -> value != null && value.endsWith("|r"));
    }

    /** Takes a shard's lease, or starts taking it over, and starts the shard. */
    private void join(int shard, boolean takeFree) {
        List<?> result = this.redis.control(ShardLeases.JOIN,
                List.of(this.keys.lease(total(), shard), this.keys.next(total(), shard),
                        this.keys.token(total(), shard), this.keys.fence(total(), shard)),
                this.id, Long.toString(this.properties.getLeaseTtl().toMillis()), takeFree ? "1" : "0", "1");
        int code = ((Number) Objects.requireNonNull(result).get(0)).intValue();
        if (code == 0) {
            return;
        }
        long token = ((Number) result.get(1)).longValue();
        long deadline = System.nanoTime() + this.properties.getLeaseTtl().toNanos()
                - this.properties.getLeaseMargin().toNanos();
        ShardLeases.Lease lease = new ShardLeases.Lease(shard,
                (code == 2) ? ShardLeases.Role.SUCCESSOR : ShardLeases.Role.OWNER, token, deadline);
        this.leases.put(lease);
        if (code == 3) {
            recoverWhenReady(lease, anchors(shard));
        }
        log.info("Shard {}: {} (token {})", shard, switch (code) {
            case 2 -> "taking it over from its owner";
            case 3 -> "taken, free";
            default -> "held already";
        }, token);
        ShardManager manager = this.shardManager.getObject();
        if (manager.getShardById(shard) == null) {
            manager.start(shard);
        }
    }

    /**
     * The channels to read back after taking the shard over, with their newest claims,
     * read from Redis now (before this process's own claims on the shard move them on).
     */
    private Map<String, Long> anchors(int shard) {
        TakeoverRecovery recovery = this.recovery.getIfAvailable();
        return (recovery != null) ? recovery.anchors(total(), shard) : Map.of();
    }

    private void recoverWhenReady(ShardLeases.Lease lease, Map<String, Long> anchors) {
        if (lease.ready()) {
            JDA jda = this.shardManager.getObject().getShardById(lease.shard());
            TakeoverRecovery recovery = this.recovery.getIfAvailable();
            if (jda != null && recovery != null) {
                recovery.recover(jda, anchors);
            }
        }
        else {
            this.recoverOnReady.put(lease.shard(), anchors);
        }
    }

    /**
     * Hands a group over: stops answering on it, lets the answers under way leave, closes
     * the sessions, and gives the leases to the successors (or back, without one).
     */
    private void handOff(List<ShardLeases.Lease> held, boolean toSuccessors) {
        long now = System.nanoTime();
        held.forEach((lease) -> {
            lease.closing(true);
            lease.claimsUntil(now);
        });
        List<Integer> shards = held.stream().map(ShardLeases.Lease::shard).toList();
        log.info("Shards {}: {}; draining", shards,
                toSuccessors ? "successors acknowledged, this process stops answering" : "closing without successor");
        Thread.ofVirtual().name("discord-handoff-", held.getFirst().shard()).start(() -> {
            try {
                Thread.sleep(DRAIN.toMillis());
                long until = System.nanoTime() + DRAIN_REQUESTS.toNanos();
                while (held.stream().anyMatch((lease) -> requests(lease.shard()) > 0)
                        && System.nanoTime() - until < 0) {
                    Thread.sleep(50);
                }
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
            int queued = held.stream().mapToInt((lease) -> requests(lease.shard())).sum();
            if (queued > 0) {
                log.warn("Shards {}: {} request(s) still queued after {}; closing anyway", shards, queued,
                        DRAIN.plus(DRAIN_REQUESTS));
            }
            closeAll(held, true);
            log.info("Shards {} {}", shards, toSuccessors ? "handed over" : "closed");
        });
    }

    /** Closes the sessions of the shards at once, then gives their leases up. */
    private void closeAll(List<ShardLeases.Lease> held, boolean release) {
        List<Thread> closing = new ArrayList<>();
        for (ShardLeases.Lease lease : held) {
            closing.add(Thread.ofVirtual().start(() -> close(lease, release)));
        }
        for (Thread thread : closing) {
            try {
                thread.join();
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Closes a shard's session and, when {@code release}, gives its lease up. */
    private void close(ShardLeases.Lease lease, boolean release) {
        lease.closing(true);
        lease.claimsUntil(System.nanoTime());
        ShardManager manager = this.shardManager.getIfAvailable();
        JDA jda = (manager != null) ? manager.getShardById(lease.shard()) : null;
        if (manager != null) {
            manager.shutdown(lease.shard());
        }
        if (jda != null) {
            try {
                if (!jda.awaitShutdown(this.shutdownTimeout)) {
                    jda.shutdownNow();
                }
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                jda.shutdownNow();
            }
        }
        Long released = null;
        if (release || this.redis.isReachable()) {
            try {
                released = this.redis.control(ShardLeases.RELEASE,
                        List.of(this.keys.lease(total(), lease.shard()), this.keys.next(total(), lease.shard()),
                                this.keys.token(total(), lease.shard()), this.keys.fence(total(), lease.shard())),
                        lease.prefix(this.id), Long.toString(this.properties.getLeaseTtl().toMillis()),
                        lease.successor());
            }
            catch (DataAccessException ex) {
                log.warn("Could not give shard {}'s lease up (it runs out by itself): {}", lease.shard(),
                        ex.getMessage());
            }
        }
        if (released != null && released == 2) {
            this.handoversOut.incrementAndGet();
        }
        this.recoverOnReady.remove(lease.shard());
        this.leases.remove(lease);
    }

    /**
     * Stops answering on a shard this process lost, and closes it at once: what it had
     * queued to send is dropped.
     */
    private void fence(ShardLeases.Lease lease, String reason) {
        lease.closing(true);
        lease.claimsUntil(System.nanoTime());
        this.lost.incrementAndGet();
        log.error("Shard {} stopped here: {}", lease.shard(), reason);
        ShardManager manager = this.shardManager.getIfAvailable();
        JDA jda = (manager != null) ? manager.getShardById(lease.shard()) : null;
        if (jda != null) {
            this.fenced.add(jda);
            jda.shutdownNow();
        }
        Thread.ofVirtual().name("discord-fence-", lease.shard()).start(() -> close(lease, false));
    }

    @Override
    public void onEvent(GenericEvent event) {
        switch (event) {
            case ReadyEvent ready -> ready(ready.getJDA());
            case SessionRecreateEvent recreated -> ready(recreated.getJDA());
            case ShutdownEvent shutdown -> {
                ShardLeases.Lease lease = this.leases.get(shutdown.getJDA().getShardInfo().getShardId());
                if (lease != null && !lease.closing()) {
                    ShardManager manager = this.shardManager.getIfAvailable();
                    if (manager == null || manager.getShardById(lease.shard()) == null) {
                        log.warn("Shard {} ended by itself (close code {}); giving its lease up", lease.shard(),
                                shutdown.getCode());
                        Thread.ofVirtual().start(() -> close(lease, true));
                    }
                }
            }
            default -> {
                // not about a session's state
            }
        }
    }

    private void ready(JDA jda) {
        ShardLeases.Lease lease = this.leases.get(jda.getShardInfo().getShardId());
        if (lease == null || jda.getShardInfo().getShardTotal() != total()) {
            return;
        }
        lease.ready(true);
        Map<String, Long> anchors = this.recoverOnReady.remove(lease.shard());
        if (anchors != null) {
            TakeoverRecovery recovery = this.recovery.getIfAvailable();
            if (recovery != null) {
                recovery.recover(jda, anchors);
            }
        }
    }

    /** This process's lease of the shard, if it holds one. */
    ShardLeases.@Nullable Lease lease(int shard) {
        return this.leases.get(shard);
    }

    /**
     * Whether the shard may identify now: this process holds its lease, or takes it over,
     * and is not closing it.
     */
    boolean mayIdentify(int shard) {
        ShardLeases.Lease lease = this.leases.get(shard);
        return lease != null && !lease.closing() && lease.answers(System.nanoTime());
    }

    /**
     * Whether this process may answer an event of the shard without a claim, Redis not
     * answering: it owns the shard, its deadline holds (so nobody else can have taken the
     * shard over), and no other generation's session answers the same events.
     */
    boolean mayAnswerUnclaimed(ShardLeases.Lease lease) {
        return lease.role() == ShardLeases.Role.OWNER && lease.answers(System.nanoTime()) && !this.unclaimedElsewhere;
    }

    /**
     * Whether a request of this session may be sent: not one of a session this process
     * lost, nor of a shard whose deadline passed (a process that wakes up from a pause
     * sends nothing it had queued before it).
     */
    boolean maySend(JDA jda) {
        if (this.fenced.contains(jda)) {
            return false;
        }
        ShardLeases.Lease lease = this.leases.get(jda.getShardInfo().getShardId());
        return lease == null || System.nanoTime() - lease.deadlineNanos() < 0;
    }

    void requestQueued(JDA jda) {
        this.requests.computeIfAbsent(jda.getShardInfo().getShardId(), (shard) -> new AtomicInteger())
            .incrementAndGet();
    }

    void requestFinished(JDA jda) {
        AtomicInteger pending = this.requests.get(jda.getShardInfo().getShardId());
        if (pending != null) {
            pending.decrementAndGet();
        }
    }

    private int requests(int shard) {
        AtomicInteger pending = this.requests.get(shard);
        return (pending != null) ? pending.get() : 0;
    }

    int total() {
        return this.groups.total();
    }

    String id() {
        return this.id;
    }

    /** The members of the bot as last seen, all generations. */
    List<FleetMember> members() {
        return this.members;
    }

    /** The leases this process holds, by shard. */
    Map<Integer, ShardLeases.Lease> leases() {
        return this.leases.all()
            .stream()
            .collect(Collectors.toMap(ShardLeases.Lease::shard, (lease) -> lease, (a, b) -> a, TreeMap::new));
    }

    long handoversIn() {
        return this.handoversIn.get();
    }

    long handoversOut() {
        return this.handoversOut.get();
    }

    long takeovers() {
        return this.takeovers.get();
    }

    long lost() {
        return this.lost.get();
    }

    /** The groups the current plan gives this process. */
    Set<Integer> planned() {
        return this.planned;
    }

    boolean isLeaving() {
        return this.leaving;
    }

    /** What this process waits for while it runs no shard. */
    String waitingFor() {
        return this.waitingFor;
    }

    /** Whether this process reached Redis on its last tick. */
    boolean reachesRedis() {
        return this.reached && this.redis.isReachable();
    }

    @Override
    public Health idleHealth() {
        if (!reachesRedis()) {
            return Health.down()
                .withDetail("reason",
                        "Redis at " + this.redis.url() + " is unreachable ("
                                + ((this.redis.error() != null) ? this.redis.error() : "not reached yet")
                                + "): this process takes its share of the shards once it reaches Redis")
                .build();
        }
        if (!this.leases.all().isEmpty()) {
            return Health.outOfService().withDetail("status", "starting its shards").build();
        }
        Health.Builder health = (this.leaving || !this.planned.isEmpty() || !this.planFinal
                || System.nanoTime() - this.quietUntilNanos < 0 || this.member == null) ? Health.outOfService()
                        : Health.up();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("status", this.waitingFor);
        details.put("processes", this.members.size());
        return health.withDetails(details).build();
    }

    /**
     * Where the other processes reach this one, from
     * {@code discord.coordination.advertised-url} or this host's address and the server's
     * port.
     */
    static @Nullable URI advertisedUrl(@Nullable URI configured, @Nullable Integer port) {
        if (configured != null) {
            return configured;
        }
        if (port == null || port <= 0) {
            return null;
        }
        try {
            return URI.create("http://" + InetAddress.getLocalHost().getHostAddress() + ":" + port + "/");
        }
        catch (UnknownHostException ex) {
            return URI.create("http://127.0.0.1:" + port + "/");
        }
    }

}
