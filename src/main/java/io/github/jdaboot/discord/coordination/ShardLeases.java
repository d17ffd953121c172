package io.github.jdaboot.discord.coordination;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

import org.springframework.data.redis.core.script.RedisScript;

/**
 * The leases of this process's shards: in Redis, one per shard
 * ({@code process|token|state} with a time to live, and beside it the process taking the
 * shard over, in the same form); here, what this process holds and until when it may
 * answer on each shard.
 * <p>
 * Every lease carries a fencing token, taken from the shard's counter ({@code INCR}) when
 * a process takes the shard or starts taking it over. The shard's fence is the lowest
 * token whose claims it accepts: raised to the new owner's token when the lease is taken
 * after it ran out, and to the successor's when the owner hands the shard over, so the
 * claims of a process that lost the shard are refused in Redis whatever it believes.
 * <p>
 * A process answers on a shard only until its deadline: the start of its last successful
 * renewal plus {@code lease-ttl} less {@code lease-margin}, which comes before the lease
 * can run out in Redis, measured on this process's monotonic clock.
 */
final class ShardLeases {

    /**
     * Takes a shard for this process: {@code {1, token}} when it holds it already,
     * {@code {2, token}} when it now takes it over from its owner (or already did),
     * {@code {3, token}} when it took it free (the fence raised), {@code {0, 0}} when it
     * cannot.
     */
    static final RedisScript<List> JOIN = RedisScript.of("""
            local mine = ARGV[1] .. '|'
            local function token(value) return tonumber(string.match(value, '^[^|]*|(%d+)|')) end
            local lease = redis.call('GET', KEYS[1])
            local nxt = redis.call('GET', KEYS[2])
            if lease then
              if string.sub(lease, 1, #mine) == mine then return {1, token(lease)} end
              if nxt then
                if string.sub(nxt, 1, #mine) == mine then return {2, token(nxt)} end
                return {0, 0}
              end
              if ARGV[4] ~= '1' then return {0, 0} end
              local t = redis.call('INCR', KEYS[3])
              redis.call('SET', KEYS[2], mine .. t .. '|s', 'PX', ARGV[2])
              return {2, t}
            end
            if ARGV[3] ~= '1' then return {0, 0} end
            local t
            local state = 's'
            if nxt then
              if string.sub(nxt, 1, #mine) ~= mine then return {0, 0} end
              t = token(nxt)
              if string.sub(nxt, -1) ~= 's' then state = 'r' end
              redis.call('DEL', KEYS[2])
            else
              t = redis.call('INCR', KEYS[3])
            end
            redis.call('SET', KEYS[1], mine .. t .. '|' .. state, 'PX', ARGV[2])
            if t > tonumber(redis.call('GET', KEYS[4]) or '0') then redis.call('SET', KEYS[4], t) end
            return {3, t}""", List.class);

    /**
     * Renews every lease this process holds, in one call (KEYS: lease, next, token and
     * fence of each shard; ARGV: the time to live, then the held value, the role and
     * whether it may be restored, for each shard). For each shard: 1 renewed as owner, 2
     * renewed as successor, 5 renewed as successor that the owner committed to (and now
     * acknowledged: {@code a}), 3 promoted to owner because the owner's lease ran out (a
     * takeover), 4 restored after Redis lost it, 0 lost.
     */
    static final RedisScript<List> RENEW = RedisScript.of("""
            local out = {}
            for i = 1, #KEYS / 4 do
              local lease, nxtKey, tokenKey, fenceKey = KEYS[4*i-3], KEYS[4*i-2], KEYS[4*i-1], KEYS[4*i]
              local held, role, restore = ARGV[3*i-1], ARGV[3*i], ARGV[3*i+1]
              local prefix = string.match(held, '^([^|]*|%d+|)')
              local t = tonumber(string.match(held, '^[^|]*|(%d+)|'))
              local cur = redis.call('GET', lease)
              local nxt = redis.call('GET', nxtKey)
              local function raise(key, value)
                if value > tonumber(redis.call('GET', key) or '0') then redis.call('SET', key, value) end
              end
              if cur and string.sub(cur, 1, #prefix) == prefix then
                redis.call('PEXPIRE', lease, ARGV[1])
                out[i] = 1
              elseif nxt and string.sub(nxt, 1, #prefix) == prefix then
                if cur then
                  local state = string.sub(nxt, -1)
                  if state == 'c' or state == 'a' then
                    redis.call('SET', nxtKey, prefix .. 'a', 'PX', ARGV[1])
                    out[i] = 5
                  else
                    redis.call('PEXPIRE', nxtKey, ARGV[1])
                    out[i] = 2
                  end
                else
                  redis.call('SET', lease, prefix .. ((string.sub(nxt, -1) == 's') and 's' or 'r'), 'PX', ARGV[1])
                  redis.call('DEL', nxtKey)
                  raise(fenceKey, t)
                  out[i] = 3
                end
              elseif restore == '1' and role == 'o' and not cur then
                redis.call('SET', lease, held, 'PX', ARGV[1])
                raise(tokenKey, t)
                raise(fenceKey, t)
                out[i] = 4
              elseif restore == '1' and role == 'i' and cur and not nxt then
                redis.call('SET', nxtKey, held, 'PX', ARGV[1])
                raise(tokenKey, t)
                out[i] = 2
              else
                out[i] = 0
              end
            end
            return out""", List.class);

    /**
     * Marks this process's lease of a shard, or its taking over, as ready: its session
     * received READY (KEYS: lease, next; ARGV: {@code process|token|}). A state past
     * ready (committed, acknowledged) stays.
     */
    static final RedisScript<Long> READY = RedisScript.of("""
            for _, key in ipairs(KEYS) do
              local value = redis.call('GET', key)
              if value and string.sub(value, 1, #ARGV[1]) == ARGV[1] then
                if string.sub(value, -1) == 's' then redis.call('SET', key, ARGV[1] .. 'r', 'KEEPTTL') end
                return 1
              end
            end
            return 0""", Long.class);

    /**
     * The successors of shards, for their owner (KEYS: the next entries): for each, its
     * value ({@code ''} for none) and how long it has to live, in milliseconds.
     */
    static final RedisScript<List> SUCCESSORS = RedisScript.of("""
            local out = {}
            for i, key in ipairs(KEYS) do
              out[2*i-1] = redis.call('GET', key) or ''
              out[2*i] = redis.call('PTTL', key)
            end
            return out""", List.class);

    /**
     * The owner commits to hand a shard to its ready successor (KEYS: next; ARGV: the
     * successor's {@code process|token|}): {@code r} becomes {@code c}, which the
     * successor acknowledges ({@code a}) when it next renews, and from then on does not
     * give the shard up. 1 when committed (or already), 0 when the successor changed.
     */
    static final RedisScript<Long> COMMIT = RedisScript.of("""
            local value = redis.call('GET', KEYS[1])
            if not value or string.sub(value, 1, #ARGV[1]) ~= ARGV[1] then return 0 end
            local state = string.sub(value, -1)
            if state == 'r' then redis.call('SET', KEYS[1], ARGV[1] .. 'c', 'KEEPTTL') return 1 end
            if state == 'c' or state == 'a' then return 1 end
            return 0""", Long.class);

    /**
     * Gives a shard up once its session is closed (KEYS: lease, next, token, fence; ARGV:
     * {@code process|token|}, the time to live, and the successor committed to): that
     * successor, if it acknowledged, becomes the owner and the fence rises to its token
     * (2); else the lease is deleted and the fence rises past every token given so far
     * (1), and any other successor is promoted by its own next renewal, as a takeover. A
     * successor giving up deletes its entry (3).
     */
    static final RedisScript<Long> RELEASE = RedisScript.of("""
            local cur = redis.call('GET', KEYS[1])
            local nxt = redis.call('GET', KEYS[2])
            if cur and string.sub(cur, 1, #ARGV[1]) == ARGV[1] then
              if nxt and ARGV[3] ~= '' and nxt == ARGV[3] .. 'a' then
                redis.call('SET', KEYS[1], ARGV[3] .. 'r', 'PX', ARGV[2])
                redis.call('DEL', KEYS[2])
                redis.call('SET', KEYS[4], string.match(nxt, '^[^|]*|(%d+)|'))
                return 2
              end
              redis.call('DEL', KEYS[1])
              redis.call('SET', KEYS[4], redis.call('INCR', KEYS[3]))
              return 1
            end
            if nxt and string.sub(nxt, 1, #ARGV[1]) == ARGV[1] then
              redis.call('DEL', KEYS[2])
              return 3
            end
            return 0""", Long.class);

    /** What this process is to a shard. */
    enum Role {

        /** It holds the lease. */
        OWNER,

        /** It is taking the shard over: its session overlaps the owner's. */
        SUCCESSOR

    }

    /** A shard this process holds a lease of. */
    static final class Lease {

        private final int shard;

        private volatile Role role;

        private final long token;

        private volatile boolean ready;

        private volatile boolean readyPublished;

        private volatile long deadlineNanos;

        private volatile boolean closing;

        private volatile long claimsUntilNanos = Long.MAX_VALUE;

        private volatile boolean committed;

        private volatile String successor = "";

        Lease(int shard, Role role, long token, long deadlineNanos) {
            this.shard = shard;
            this.role = role;
            this.token = token;
            this.deadlineNanos = deadlineNanos;
        }

        int shard() {
            return this.shard;
        }

        Role role() {
            return this.role;
        }

        void role(Role role) {
            this.role = role;
        }

        long token() {
            return this.token;
        }

        boolean ready() {
            return this.ready;
        }

        void ready(boolean ready) {
            this.ready = ready;
            if (!ready) {
                this.readyPublished = false;
            }
        }

        boolean readyPublished() {
            return this.readyPublished;
        }

        void readyPublished(boolean published) {
            this.readyPublished = published;
        }

        long deadlineNanos() {
            return this.deadlineNanos;
        }

        /**
         * Moves the deadline, never back (the tick and the peers' witness both move it).
         */
        synchronized void extend(long deadlineNanos) {
            if (deadlineNanos - this.deadlineNanos > 0) {
                this.deadlineNanos = deadlineNanos;
            }
        }

        /** A successor whose owner committed to hand the shard to it: it stays. */
        boolean committed() {
            return this.committed;
        }

        void committed(boolean committed) {
            this.committed = committed;
        }

        /**
         * The successor an owner committed to, {@code process|token|}; empty for none.
         */
        String successor() {
            return this.successor;
        }

        void successor(String successor) {
            this.successor = successor;
        }

        boolean closing() {
            return this.closing;
        }

        void closing(boolean closing) {
            this.closing = closing;
        }

        /** Stops claiming events from then on (the shard is being handed over). */
        void claimsUntil(long nanos) {
            this.claimsUntilNanos = nanos;
        }

        /** Whether this process may answer on the shard now. */
        boolean answers(long now) {
            return now - this.deadlineNanos < 0 && now - this.claimsUntilNanos < 0;
        }

        /** The lease's value in Redis, less its state: {@code process|token|}. */
        String prefix(String process) {
            return process + "|" + this.token + "|";
        }

        /** The lease's value in Redis. */
        String value(String process) {
            return prefix(process) + (this.readyPublished ? "r" : "s");
        }

    }

    private final Map<Integer, Lease> leases = new ConcurrentHashMap<>();

    @Nullable Lease get(int shard) {
        return this.leases.get(shard);
    }

    void put(Lease lease) {
        this.leases.put(lease.shard(), lease);
    }

    void remove(Lease lease) {
        this.leases.remove(lease.shard(), lease);
    }

    List<Lease> all() {
        return new ArrayList<>(this.leases.values());
    }

    /** Whether this process may answer on the shard now. */
    boolean answers(int shard) {
        Lease lease = this.leases.get(shard);
        return lease != null && lease.answers(System.nanoTime());
    }

}
