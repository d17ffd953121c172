package io.github.jdaboot.discord.coordination;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.github.jdaboot.discord.EventClaims;
import io.micrometer.core.instrument.Timer;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.utils.TimeUtil;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * Claims each event in Redis before this process answers it, so that exactly one process
 * answers while two hold a session of a shard (a handover, or generations of two shard
 * totals side by side). A claim is {@code SET NX} of the event's id with a time to live,
 * carrying the shard and this process's fencing token, in a script that refuses it when
 * the token is below the shard's fence. Before asking Redis the process checks that its
 * lease deadline has not passed; while Redis is unreachable it answers on the shards it
 * owns without a claim (no shard can move then) and nothing on those it is only taking
 * over.
 * <p>
 * A claim waits for Redis up to {@code redis-timeout}, since it decides who answers; once
 * Redis is known to be unreachable no new claim asks it. A claim Redis did not answer in
 * time is asked again, up to {@link #CLAIM_ATTEMPTS} times while the lease answers: a
 * slow Redis may have made it, and the other session would then find it taken.
 * <p>
 * A message's claim also notes its channel in the shard's recently active channels, which
 * a process taking the shard over after a crash reads back ({@link TakeoverRecovery}).
 * Such a process may claim again a message that a process which lost the shard claimed
 * but never answered.
 */
final class RedisEventClaims implements EventClaims {

    private static final Logger log = LoggerFactory.getLogger(RedisEventClaims.class);

    /** How long a claim is kept: longer than any process could still see the event. */
    static final Duration CLAIM_TTL = Duration.ofMinutes(15);

    /**
     * How many times a claim is asked when Redis does not answer it in time: the claim
     * may have been made all the same (a slow Redis), and asking again is answered 1 if
     * it was this process's.
     */
    static final int CLAIM_ATTEMPTS = 3;

    /** How long a channel counts as recently active. */
    static final Duration RECENT = Duration.ofMinutes(10);

    /**
     * 1 won (or won before: a claim may be asked again after no answer in time), 0 taken
     * by another, -1 refused: the token is below the shard's fence (KEYS: the claim, the
     * shard's fence, its recent channels; ARGV: the claim's value, the token, its time to
     * live, the channel or 0, the message's time, how long channels count as recent,
     * whether a stale claim may be taken over, the key prefix).
     */
    static final RedisScript<Long> CLAIM = RedisScript.of(
            """
                    local fence = tonumber(redis.call('GET', KEYS[2]) or '0')
                    if tonumber(ARGV[2]) < fence then return -1 end
                    local cur = redis.call('GET', KEYS[1])
                    if cur == ARGV[1] then return 1 end
                    if cur then
                      if ARGV[7] ~= '1' then return 0 end
                      local total, shard, token = string.match(cur, '^(%d+)|(%d+)|(%d+)$')
                      if not token then return 0 end
                      local theirs = tonumber(redis.call('GET', ARGV[8] .. ':shard:' .. total .. ':' .. shard .. ':fence') or '0')
                      if tonumber(token) >= theirs then return 0 end
                    end
                    redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[3])
                    if ARGV[4] ~= '0' then
                      redis.call('ZADD', KEYS[3], 'GT', ARGV[5], ARGV[4])
                      redis.call('ZREMRANGEBYSCORE', KEYS[3], '-inf', tonumber(ARGV[5]) - tonumber(ARGV[6]))
                      redis.call('PEXPIRE', KEYS[3], ARGV[6])
                    end
                    return 1""",
            Long.class);

    /** What became of the claims. */
    enum Outcome {

        /** Claimed: this process answers. */
        WON,

        /** Another process claimed it first. */
        TAKEN,

        /** Refused in Redis: this process's token is below the shard's fence. */
        STALE,

        /**
         * Not asked: this process's lease deadline passed, or it hands the shard over.
         */
        FENCED,

        /**
         * Answered without a claim: Redis is unreachable and this process owns the shard.
         */
        UNCLAIMED

    }

    private final CoordinationRedis redis;

    private final CoordinationKeys keys;

    private final ShardFleet fleet;

    private final @Nullable Timer waits;

    /** Read back after a takeover, without answer: at most the latest few thousand. */
    private final Set<Long> retakeable = Collections.newSetFromMap(Collections.synchronizedMap(new LinkedHashMap<>() {

        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Boolean> eldest) {
            return size() > 10_000;
        }

    }));

    private final AtomicLong[] outcomes = new AtomicLong[Outcome.values().length];

    RedisEventClaims(CoordinationRedis redis, CoordinationKeys keys, ShardFleet fleet, @Nullable Timer waits) {
        this.redis = redis;
        this.keys = keys;
        this.fleet = fleet;
        this.waits = waits;
        for (Outcome outcome : Outcome.values()) {
            this.outcomes[outcome.ordinal()] = new AtomicLong();
        }
    }

    @Override
    public void whenClaimed(JDA shard, long eventId, long channelId, Runnable answer) {
        int id = shard.getShardInfo().getShardId();
        ShardLeases.Lease lease = this.fleet.lease(id);
        if (lease == null || !lease.answers(System.nanoTime())) {
            count(Outcome.FENCED);
            log.debug("Event {} on shard {}: not answered here (no lease, deadline passed or handed over)", eventId,
                    id);
            return;
        }
        if (!this.redis.isReachable()) {
            unclaimed(lease, eventId, answer);
            return;
        }
        Thread.ofVirtual().name("discord-claim-", eventId).start(() -> claim(lease, eventId, channelId, answer));
    }

    private void claim(ShardLeases.Lease lease, long eventId, long channelId, Runnable answer) {
        long start = System.nanoTime();
        boolean retake = this.retakeable.remove(eventId);
        Long result = null;
        // a claim without an answer may still have been made in Redis (a slow Redis, not
        // a
        // down one): the other session would then find it taken, so it is asked again
        // (this process's own claim is won again) before this process gives it up
        for (int attempt = 1; result == null && attempt <= CLAIM_ATTEMPTS
                && lease.answers(System.nanoTime()); attempt++) {
            try {
                result = this.redis.control(CLAIM,
                        List.of(this.keys.claim(eventId), this.keys.fence(this.fleet.total(), lease.shard()),
                                this.keys.recent(this.fleet.total(), lease.shard())),
                        this.fleet.total() + "|" + lease.shard() + "|" + lease.token(), Long.toString(lease.token()),
                        Long.toString(CLAIM_TTL.toMillis()), Long.toString(channelId),
                        Long.toString(TimeUtil.getTimeCreated(eventId).toInstant().toEpochMilli()),
                        Long.toString(RECENT.toMillis()), retake ? "1" : "0", this.keys.prefix());
            }
            catch (DataAccessException ex) {
                log.debug("Event {} on shard {}: no answer to its claim (attempt {} of {}): {}", eventId, lease.shard(),
                        attempt, CLAIM_ATTEMPTS, ex.getMessage());
            }
        }
        if (this.waits != null) {
            this.waits.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        }
        if (result == null) {
            unclaimed(lease, eventId, answer);
        }
        else if (result == 1) {
            count(Outcome.WON);
            log.debug("Event {} on shard {}: claimed with token {}", eventId, lease.shard(), lease.token());
            answer.run();
        }
        else if (result == 0) {
            count(Outcome.TAKEN);
            log.debug("Event {} on shard {}: claimed by another process", eventId, lease.shard());
        }
        else {
            count(Outcome.STALE);
            log.warn("Claim of event {} on shard {} refused: token {} is below the shard's fence", eventId,
                    lease.shard(), lease.token());
        }
    }

    /**
     * Redis did not answer: the owner answers (nobody can take its shard over without
     * Redis, and its deadline was checked) unless another generation's session may answer
     * too ({@link ShardFleet#mayAnswerUnclaimed}); a successor does not (the owner still
     * gets every event).
     */
    private void unclaimed(ShardLeases.Lease lease, long eventId, Runnable answer) {
        if (this.fleet.mayAnswerUnclaimed(lease)) {
            count(Outcome.UNCLAIMED);
            answer.run();
        }
        else {
            count(Outcome.FENCED);
            log.debug("Event {} on shard {}: Redis did not answer its claim, and another session may answer it:"
                    + " not answered here", eventId, lease.shard());
        }
    }

    /**
     * Lets this process claim the message even if a process that lost its shard claimed
     * it first: read back after a takeover, it has no answer.
     */
    void retakeable(long messageId) {
        this.retakeable.add(messageId);
    }

    private void count(Outcome outcome) {
        this.outcomes[outcome.ordinal()].incrementAndGet();
    }

    long outcomes(Outcome outcome) {
        return this.outcomes[outcome.ordinal()].get();
    }

}
