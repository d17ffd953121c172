package io.github.jdaboot.discord;

import net.dv8tion.jda.api.JDA;

/**
 * Decides whether this process answers an event it received. While a shard moves from one
 * process to another both hold a session of it and Discord sends both every event, so
 * before it answers a message or an interaction the dispatcher asks here. One process
 * alone answers everything ({@link #ALL}); coordinated processes claim each event in
 * Redis, and exactly one of them wins.
 */
@FunctionalInterface
public interface EventClaims {

    /** Answers every event at once: one process, or shards that never move. */
    EventClaims ALL = (shard, eventId, channelId, answer) -> answer.run();

    /**
     * Runs {@code answer} if, and when, this process is to answer the event, possibly
     * later and on another thread; never blocks the caller (JDA's event thread).
     * @param shard the shard that received the event
     * @param eventId the message's or the interaction's id
     * @param channelId the channel of a message, whose commands a successor reads back
     * after a crash; 0 for an interaction, which Discord does not send again
     * @param answer what answering it takes
     */
    void whenClaimed(JDA shard, long eventId, long channelId, Runnable answer);

}
