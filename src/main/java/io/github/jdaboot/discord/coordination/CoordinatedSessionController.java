package io.github.jdaboot.discord.coordination;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.PriorityBlockingQueue;
import java.util.concurrent.TimeUnit;

import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.requests.RestRateLimiter;
import net.dv8tion.jda.api.utils.SessionController;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * JDA's session controller for shards spread over several processes. Each IDENTIFY bucket
 * ({@code shard_id % max_concurrency}) has a queue, in shard order, and a thread; before
 * a shard identifies, its thread checks that this process holds the shard's lease or is
 * taking it over ({@link ShardFleet}), then takes, in turn, the bucket's turn in Redis
 * (held while the shard connects, then for 5 seconds more, so that no two IDENTIFYs of a
 * bucket come within 5 seconds from any processes) and one session start from the daily
 * budget ({@link IdentifyBudget}). Without Redis no shard identifies. RESUMEs do not pass
 * here: JDA sends them itself. It connects to the configured gateway URL, like the
 * single-process controller.
 */
final class CoordinatedSessionController implements SessionController {

    private static final Logger log = LoggerFactory.getLogger(CoordinatedSessionController.class);

    /**
     * How long a bucket's turn lasts at most while its shard connects (a process that
     * dies meanwhile frees it then).
     */
    private static final Duration CONNECTING = Duration.ofSeconds(30);

    /**
     * How long a bucket's turn lasts after its shard connected: Discord's 5 seconds, and
     * a margin.
     */
    private static final Duration AFTER_IDENTIFY = Duration.ofMillis(5_500);

    private static final Duration RETRY = Duration.ofMillis(250);

    private static final RedisScript<Long> END_TURN = RedisScript.of("""
            if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
            return 0""", Long.class);

    private final String gatewayUrl;

    private final String restUrl;

    private final ShardGroups groups;

    private final ShardFleet fleet;

    private final IdentifyBudget budget;

    private final SharedRateLimit globalRateLimit;

    private final CoordinationRedis redis;

    private final CoordinationKeys keys;

    private final Map<Integer, Bucket> buckets = new ConcurrentHashMap<>();

    CoordinatedSessionController(String gatewayUrl, String restUrl, ShardGroups groups, ShardFleet fleet,
            IdentifyBudget budget, SharedRateLimit globalRateLimit, CoordinationRedis redis, CoordinationKeys keys) {
        this.gatewayUrl = gatewayUrl;
        this.restUrl = restUrl;
        this.groups = groups;
        this.fleet = fleet;
        this.budget = budget;
        this.globalRateLimit = globalRateLimit;
        this.redis = redis;
        this.keys = keys;
    }

    @Override
    public void appendSession(SessionConnectNode node) {
        bucket(node).add(node);
    }

    @Override
    public void removeSession(SessionConnectNode node) {
        bucket(node).queue.remove(node);
    }

    private Bucket bucket(SessionConnectNode node) {
        return this.buckets.computeIfAbsent(node.getShardInfo().getShardId() % this.groups.concurrency(), Bucket::new);
    }

    @Override
    public RestRateLimiter.GlobalRateLimit getRateLimitHandle() {
        return this.globalRateLimit;
    }

    @Override
    public String getGateway() {
        return this.gatewayUrl;
    }

    /**
     * Reads {@code GET /gateway/bot} for the session start budget (max_concurrency was
     * checked at start), and gives JDA the configured total.
     */
    @Override
    public ShardedGateway getShardedGateway(JDA api) {
        try {
            this.budget.update(gatewayBot(api));
        }
        catch (DataAccessException ex) {
            log.warn("Could not store Discord's session start budget in Redis: {}", ex.getMessage());
        }
        return new ShardedGateway(this.gatewayUrl, this.groups.total(), this.groups.concurrency());
    }

    private IdentifyBudget.Limit gatewayBot(JDA api) {
        return GatewayBot.fetch(api.getHttpClient(), this.restUrl, api.getToken());
    }

    /**
     * One IDENTIFY bucket: its queue in shard order, and the thread that works it while
     * it is not empty.
     */
    private final class Bucket {

        private final int id;

        private final String turnKey;

        private final PriorityBlockingQueue<SessionConnectNode> queue = new PriorityBlockingQueue<>(4,
                Comparator.comparingInt((SessionConnectNode node) -> node.getShardInfo().getShardId()));

        private @Nullable Thread worker;

        Bucket(int id) {
            this.id = id;
            this.turnKey = CoordinatedSessionController.this.keys.identifyTurn(id);
        }

        synchronized void add(SessionConnectNode node) {
            if (!this.queue.contains(node)) {
                this.queue.add(node);
            }
            if (this.worker == null) {
                this.worker = Thread.ofPlatform().daemon().name("discord-identify-" + this.id).start(this::work);
            }
        }

        private synchronized boolean done() {
            if (this.queue.isEmpty()) {
                this.worker = null;
                return true;
            }
            return false;
        }

        private void work() {
            try {
                while (!done()) {
                    SessionConnectNode node = this.queue.peek();
                    if (node != null && !identify(node)) {
                        TimeUnit.MILLISECONDS.sleep(RETRY.toMillis());
                    }
                }
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                synchronized (this) {
                    this.worker = null;
                }
            }
        }

        /**
         * Runs the node once its shard is this process's, it has its bucket's turn and a
         * session start; false to try again later.
         */
        private boolean identify(SessionConnectNode node) throws InterruptedException {
            JDA jda = node.getJDA();
            int shard = node.getShardInfo().getShardId();
            if (jda.getStatus() == JDA.Status.SHUTTING_DOWN || jda.getStatus() == JDA.Status.SHUTDOWN
                    || !CoordinatedSessionController.this.fleet.mayIdentify(shard)) {
                // not this process's shard (any more): the fleet closes it
                this.queue.remove(node);
                return true;
            }
            String turn = Integer.toString(shard);
            try {
                if (!Boolean.TRUE.equals(CoordinatedSessionController.this.redis
                    .control((redis) -> redis.opsForValue().setIfAbsent(this.turnKey, turn, CONNECTING)))) {
                    return false;
                }
                if (!CoordinatedSessionController.this.budget.take(() -> gatewayBot(jda))) {
                    CoordinatedSessionController.this.redis.control((redis) -> redis.delete(this.turnKey));
                    TimeUnit.SECONDS.sleep(5);
                    return false;
                }
            }
            catch (RuntimeException ex) {
                log.warn("Shard {} cannot identify yet: {}", turn, ex.getMessage());
                TimeUnit.SECONDS.sleep(1);
                return false;
            }
            this.queue.remove(node);
            try {
                log.debug("Shard {} identifies (bucket {})", turn, this.id);
                node.run(false);
            }
            catch (IllegalStateException | ErrorResponseException ex) {
                log.warn("Shard {} could not connect; queued again: {}", turn, ex.getMessage());
                this.queue.add(node);
            }
            finally {
                endTurn(turn);
            }
            return true;
        }

        private void endTurn(String turn) {
            try {
                CoordinatedSessionController.this.redis.control(END_TURN, List.of(this.turnKey), turn,
                        Long.toString(AFTER_IDENTIFY.toMillis()));
            }
            catch (DataAccessException ex) {
                log.warn("Could not shorten bucket {}'s turn (it runs out by itself): {}", this.id, ex.getMessage());
            }
        }

    }

}
