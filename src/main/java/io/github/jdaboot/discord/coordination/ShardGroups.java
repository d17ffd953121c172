package io.github.jdaboot.discord.coordination;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.jdaboot.discord.DiscordStartupException;
import org.jspecify.annotations.Nullable;

/**
 * The bot's {@code total} shards in IDENTIFY groups of {@code concurrency}
 * (max_concurrency): group {@code g} is shards {@code g * concurrency} to
 * {@code (g + 1) * concurrency - 1}, one in each bucket ({@code shard_id %
 * max_concurrency}), so the shards of a group can identify at the same time. Shards move
 * between processes in whole groups.
 */
record ShardGroups(int total, int concurrency) {

    private static final Pattern RANGE = Pattern.compile("(\\d+)(?:-(\\d+))?");

    /**
     * The groups of the configured total.
     * @throws DiscordStartupException naming what to set, when the configuration gives no
     * usable total or max_concurrency
     */
    static ShardGroups of(@Nullable Integer shardsTotal, int maxConcurrency) {
        if (shardsTotal == null || shardsTotal < 1) {
            throw new DiscordStartupException("Coordinated shards need a fixed shard count.",
                    "Set discord.shards-total to the number of shards (every process of the bot that runs the same"
                            + " number shares them; a process with another number starts a new generation).");
        }
        if (maxConcurrency < 1) {
            throw new DiscordStartupException("discord.coordination.max-concurrency is " + maxConcurrency + ".",
                    "Set discord.coordination.max-concurrency to Discord's max_concurrency (1 for most bots).");
        }
        return new ShardGroups(shardsTotal, maxConcurrency);
    }

    /** How many groups there are. */
    int count() {
        return (this.total + this.concurrency - 1) / this.concurrency;
    }

    int firstShard(int group) {
        return group * this.concurrency;
    }

    int lastShard(int group) {
        return Math.min((group + 1) * this.concurrency, this.total) - 1;
    }

    int groupOf(int shard) {
        return shard / this.concurrency;
    }

    /** The shards of a group, in order. */
    List<Integer> shards(int group) {
        List<Integer> shards = new ArrayList<>();
        for (int shard = firstShard(group); shard <= lastShard(group); shard++) {
            shards.add(shard);
        }
        return shards;
    }

    /**
     * The groups of an explicit range ({@code discord.shards}, such as {@code 4-7}).
     * @throws DiscordStartupException naming what to set, when it is not a range of whole
     * groups
     */
    List<Integer> parse(String shards) {
        Matcher matcher = RANGE.matcher(shards.strip());
        int first = -1;
        int last = -1;
        if (matcher.matches()) {
            first = Integer.parseInt(matcher.group(1));
            last = (matcher.group(2) != null) ? Integer.parseInt(matcher.group(2)) : first;
        }
        if (first < 0 || first > last || last >= this.total) {
            throw new DiscordStartupException(
                    "discord.shards=" + shards + " is not a range of the " + this.total + " shards.",
                    "Set discord.shards to a range such as 0-" + (this.concurrency - 1) + " within 0-"
                            + (this.total - 1) + " (discord.shards-total=" + this.total
                            + "), or leave it empty to run the share that the bot's processes assign to this one.");
        }
        boolean startsAGroup = first % this.concurrency == 0;
        boolean endsAGroup = (last + 1) % this.concurrency == 0 || last == this.total - 1;
        if (!startsAGroup || !endsAGroup) {
            int start = first - first % this.concurrency;
            throw new DiscordStartupException(
                    "discord.shards=" + shards + " splits an IDENTIFY group of " + this.concurrency
                            + " shards (max_concurrency " + this.concurrency + ").",
                    "Set discord.shards to a range that starts at a multiple of " + this.concurrency
                            + " and ends just before one, such as " + start + "-" + lastShard(groupOf(start)) + ".");
        }
        List<Integer> groups = new ArrayList<>();
        for (int group = groupOf(first); group <= groupOf(last); group++) {
            groups.add(group);
        }
        return groups;
    }

}
