package io.github.jdaboot.discord.coordination;

/**
 * The Redis keys of one bot, all under {@code discord.coordination.key-prefix}. A shard's
 * keys carry its generation (the shard total), since a shard id means other guilds under
 * another total.
 */
record CoordinationKeys(String prefix) {

    /** A random value per Redis data set: when it changes, Redis lost what it held. */
    String marker() {
        return this.prefix + ":fleet";
    }

    /** The processes taking part, with when each must next renew (a sorted set). */
    String members() {
        return this.prefix + ":members";
    }

    /** A shard's lease: {@code process|token|state}, with a time to live. */
    String lease(int total, int shard) {
        return this.prefix + ":shard:" + total + ":" + shard;
    }

    /** The process taking a shard over from its owner, in the same form. */
    String next(int total, int shard) {
        return lease(total, shard) + ":next";
    }

    /** A shard's fencing token counter. */
    String token(int total, int shard) {
        return lease(total, shard) + ":token";
    }

    /** The lowest token whose claims a shard still accepts. */
    String fence(int total, int shard) {
        return lease(total, shard) + ":fence";
    }

    /**
     * The channels of a shard with recently claimed messages, scored by the newest one's
     * time.
     */
    String recent(int total, int shard) {
        return lease(total, shard) + ":recent";
    }

    /** Who answers an event (a message or an interaction). */
    String claim(long eventId) {
        return this.prefix + ":claim:" + eventId;
    }

    /** An IDENTIFY bucket's turn ({@code shard_id % max_concurrency}). */
    String identifyTurn(int bucket) {
        return this.prefix + ":identify:bucket:" + bucket;
    }

    /** Discord's daily session start budget, as last seen. */
    String identifyBudget() {
        return this.prefix + ":identify:budget";
    }

    /** When the next REST request of any process may leave. */
    String restTurn() {
        return this.prefix + ":rest:next-turn";
    }

    /** A global 429 being waited out by every process. */
    String restPause() {
        return this.prefix + ":rest:global-pause";
    }

}
