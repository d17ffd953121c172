package io.github.jdaboot.discord.coordination;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.jdaboot.discord.DiscordStartupException;
import org.jspecify.annotations.Nullable;

/**
 * The shards one process runs, {@code first} to {@code last} of {@code total}, made of
 * whole IDENTIFY groups: it starts at a multiple of max_concurrency and ends before one
 * (or at the last shard), so that the process starts at most max_concurrency shards per 5
 * seconds, one in each bucket ({@code shard_id % max_concurrency}).
 */
record ShardRange(int first, int last, int total) {

    private static final Pattern RANGE = Pattern.compile("(\\d+)(?:-(\\d+))?");

    private static final Pattern ORDINAL_SUFFIX = Pattern.compile(".*-(\\d+)");

    /**
     * This process's range: {@code discord.shards}, or derived from the replica count and
     * the ordinal (its own setting, or the hostname's suffix).
     * @throws DiscordStartupException naming what to set, when the configuration does not
     * give a valid range
     */
    static ShardRange resolve(ShardingProperties properties, @Nullable Integer shardsTotal, @Nullable String hostname) {
        ShardingProperties.Coordination coordination = properties.getCoordination();
        if (shardsTotal == null || shardsTotal < 1) {
            throw new DiscordStartupException("Coordinated shards need a fixed shard count.",
                    "Set discord.shards-total to the number of shards, the same in every process of the bot.");
        }
        int concurrency = coordination.getMaxConcurrency();
        if (concurrency < 1) {
            throw new DiscordStartupException("discord.coordination.max-concurrency is " + concurrency + ".",
                    "Set discord.coordination.max-concurrency to Discord's max_concurrency (1 for most bots).");
        }
        ShardRange range = (properties.getShards() != null) ? parse(properties.getShards(), shardsTotal)
                : derive(coordination, shardsTotal, hostname);
        range.checkWholeGroups(concurrency);
        return range;
    }

    private static ShardRange parse(String shards, int total) {
        Matcher matcher = RANGE.matcher(shards.strip());
        if (matcher.matches()) {
            int first = Integer.parseInt(matcher.group(1));
            int last = (matcher.group(2) != null) ? Integer.parseInt(matcher.group(2)) : first;
            if (first <= last && last < total) {
                return new ShardRange(first, last, total);
            }
        }
        throw new DiscordStartupException("discord.shards=" + shards + " is not a range of the " + total + " shards.",
                "Set discord.shards to a range such as 0-3 within 0-" + (total - 1) + " (discord.shards-total=" + total
                        + "), or leave it empty to derive it from" + " discord.coordination.replicas.");
    }

    private static ShardRange derive(ShardingProperties.Coordination coordination, int total,
            @Nullable String hostname) {
        Integer replicas = coordination.getReplicas();
        if (replicas == null || replicas < 1) {
            throw new DiscordStartupException("This process's shards are not configured.",
                    "Set discord.shards to this process's range (such as 0-3), or discord.coordination.replicas to"
                            + " the number of processes (the StatefulSet's replicas).");
        }
        int ordinal = ordinal(coordination, hostname);
        if (ordinal >= replicas) {
            throw new DiscordStartupException("This process's ordinal " + ordinal
                    + " is not below discord.coordination.replicas=" + replicas + ".",
                    "Set discord.coordination.replicas to the StatefulSet's replicas.");
        }
        int concurrency = coordination.getMaxConcurrency();
        int groups = (total + concurrency - 1) / concurrency;
        if (groups < replicas) {
            throw new DiscordStartupException(
                    total + " shards at max-concurrency " + concurrency + " are " + groups
                            + " IDENTIFY group(s), fewer than discord.coordination.replicas=" + replicas + ".",
                    "Set discord.coordination.replicas to at most " + groups + ", or discord.shards-total to at least "
                            + (replicas * concurrency) + ".");
        }
        int firstGroup = ordinal * groups / replicas;
        int endGroup = (ordinal + 1) * groups / replicas;
        return new ShardRange(firstGroup * concurrency, Math.min(endGroup * concurrency, total) - 1, total);
    }

    private static int ordinal(ShardingProperties.Coordination coordination, @Nullable String hostname) {
        if (coordination.getOrdinal() != null) {
            return coordination.getOrdinal();
        }
        Matcher suffix = ORDINAL_SUFFIX.matcher((hostname != null) ? hostname : "");
        if (suffix.matches()) {
            return Integer.parseInt(suffix.group(1));
        }
        throw new DiscordStartupException(
                "This process's ordinal is unknown: the hostname '" + hostname + "' does not end in -<number>.",
                "Set discord.coordination.ordinal (on Kubernetes, from the pod's apps.kubernetes.io/pod-index label),"
                        + " or discord.shards to this process's range.");
    }

    /** Checks that the range is made of whole groups of {@code concurrency} shards. */
    void checkWholeGroups(int concurrency) {
        boolean startsAGroup = this.first % concurrency == 0;
        boolean endsAGroup = (this.last + 1) % concurrency == 0 || this.last == this.total - 1;
        if (!startsAGroup || !endsAGroup) {
            int start = this.first - this.first % concurrency;
            throw new DiscordStartupException(
                    "discord.shards=" + this + " splits an IDENTIFY group of " + concurrency
                            + " shards (max_concurrency " + concurrency + ").",
                    "Set discord.shards to a range that starts at a multiple of " + concurrency
                            + " and ends just before one, such as " + start + "-"
                            + (Math.min(start + concurrency, this.total) - 1) + ".");
        }
    }

    int size() {
        return this.last - this.first + 1;
    }

    @Override
    public String toString() {
        return this.first + "-" + this.last;
    }
}
