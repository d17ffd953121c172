package io.github.jdaboot.discord;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Positive;
import net.dv8tion.jda.api.OnlineStatus;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Activity;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.utils.MemberCachePolicy;
import net.dv8tion.jda.api.utils.cache.CacheFlag;
import org.hibernate.validator.constraints.time.DurationMin;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Configuration of the connection to Discord.
 */
@ConfigurationProperties("discord")
@Validated
public class DiscordProperties {

    /**
     * Bot token from the Developer Portal; prefer the DISCORD_TOKEN environment variable
     * or a token file.
     */
    private @Nullable String token;

    /**
     * File that holds the bot token, such as a mounted secret; surrounding whitespace is
     * ignored.
     */
    private @Nullable Path tokenFile;

    /** Base URL of Discord's REST API. */
    private URI restUrl = URI.create("https://discord.com/api/v10/");

    /** URL of Discord's gateway WebSocket. */
    private URI gatewayUrl = URI.create("wss://gateway.discord.gg/");

    /**
     * Gateway intents to request; privileged ones (MESSAGE_CONTENT, GUILD_MEMBERS,
     * GUILD_PRESENCES) must also be enabled in the Developer Portal.
     */
    private Set<GatewayIntent> intents = EnumSet.of(GatewayIntent.GUILD_MESSAGES, GatewayIntent.DIRECT_MESSAGES,
            GatewayIntent.MESSAGE_CONTENT);

    /** Which guild members to keep in memory. */
    private MemberCache memberCachePolicy = MemberCache.NONE;

    /** Optional JDA caches to enable; all are off by default to keep memory low. */
    private Set<CacheFlag> cacheFlags = EnumSet.noneOf(CacheFlag.class);

    /** Number of gateway shards; empty to use the number Discord recommends. */
    @Positive
    private @Nullable Integer shardsTotal;

    /**
     * Shards this process runs, as a range of discord.shards-total such as 0-3, in whole
     * IDENTIFY groups; only with discord.coordination.redis-url. Empty to run the share
     * that the bot's processes assign to this one through Redis.
     */
    private @Nullable String shards;

    /**
     * How long startup waits for the gateway session to be ready before it goes on
     * without it.
     */
    @DurationMin(seconds = 1)
    private Duration startupTimeout = Duration.ofSeconds(60);

    /** How long shutdown waits for JDA to close its gateway sessions. */
    @DurationMin(seconds = 0)
    private Duration shutdownTimeout = Duration.ofSeconds(10);

    /**
     * Permissions the invite URL in /actuator/info asks for: what the bot needs in a
     * channel.
     */
    private Set<Permission> invitePermissions = EnumSet.of(Permission.VIEW_CHANNEL, Permission.MESSAGE_SEND,
            Permission.MESSAGE_HISTORY);

    /**
     * Whether JDA records where each REST request was queued, as the cause of its
     * failure: a stack trace taken for every request (JDA's own default is on).
     */
    private boolean restCallSites;

    private final Presence presence = new Presence();

    @Valid
    private final Health health = new Health();

    public @Nullable String getToken() {
        return this.token;
    }

    public void setToken(@Nullable String token) {
        this.token = token;
    }

    public @Nullable Path getTokenFile() {
        return this.tokenFile;
    }

    public void setTokenFile(@Nullable Path tokenFile) {
        this.tokenFile = tokenFile;
    }

    public URI getRestUrl() {
        return this.restUrl;
    }

    public void setRestUrl(URI restUrl) {
        this.restUrl = restUrl;
    }

    public URI getGatewayUrl() {
        return this.gatewayUrl;
    }

    public void setGatewayUrl(URI gatewayUrl) {
        this.gatewayUrl = gatewayUrl;
    }

    public Set<GatewayIntent> getIntents() {
        return this.intents;
    }

    public void setIntents(Set<GatewayIntent> intents) {
        this.intents = intents;
    }

    public MemberCache getMemberCachePolicy() {
        return this.memberCachePolicy;
    }

    public void setMemberCachePolicy(MemberCache memberCachePolicy) {
        this.memberCachePolicy = memberCachePolicy;
    }

    public Set<CacheFlag> getCacheFlags() {
        return this.cacheFlags;
    }

    public void setCacheFlags(Set<CacheFlag> cacheFlags) {
        this.cacheFlags = cacheFlags;
    }

    public @Nullable Integer getShardsTotal() {
        return this.shardsTotal;
    }

    public void setShardsTotal(@Nullable Integer shardsTotal) {
        this.shardsTotal = shardsTotal;
    }

    public @Nullable String getShards() {
        return this.shards;
    }

    public void setShards(@Nullable String shards) {
        this.shards = shards;
    }

    public Duration getStartupTimeout() {
        return this.startupTimeout;
    }

    public void setStartupTimeout(Duration startupTimeout) {
        this.startupTimeout = startupTimeout;
    }

    public boolean isRestCallSites() {
        return this.restCallSites;
    }

    public void setRestCallSites(boolean restCallSites) {
        this.restCallSites = restCallSites;
    }

    public Duration getShutdownTimeout() {
        return this.shutdownTimeout;
    }

    public void setShutdownTimeout(Duration shutdownTimeout) {
        this.shutdownTimeout = shutdownTimeout;
    }

    public Set<Permission> getInvitePermissions() {
        return this.invitePermissions;
    }

    public void setInvitePermissions(Set<Permission> invitePermissions) {
        this.invitePermissions = invitePermissions;
    }

    public Presence getPresence() {
        return this.presence;
    }

    public Health getHealth() {
        return this.health;
    }

    /**
     * How the {@code discord} health contributor judges the connection.
     */
    public static class Health {

        /**
         * How long connecting, reconnecting or resuming counts as OUT_OF_SERVICE before
         * it counts as DOWN.
         */
        @DurationMin(seconds = 0)
        private Duration reconnectGracePeriod = Duration.ofSeconds(60);

        /**
         * Heartbeat interval assumed until two heartbeat ACKs have shown the real one
         * (Discord's is about 41 s).
         */
        @DurationMin(millis = 1)
        private Duration assumedHeartbeatInterval = Duration.ofMillis(41_250);

        public Duration getReconnectGracePeriod() {
            return this.reconnectGracePeriod;
        }

        public void setReconnectGracePeriod(Duration reconnectGracePeriod) {
            this.reconnectGracePeriod = reconnectGracePeriod;
        }

        public Duration getAssumedHeartbeatInterval() {
            return this.assumedHeartbeatInterval;
        }

        public void setAssumedHeartbeatInterval(Duration assumedHeartbeatInterval) {
            this.assumedHeartbeatInterval = assumedHeartbeatInterval;
        }

    }

    /**
     * How the bot appears in the member list.
     */
    public static class Presence {

        /** Online status shown for the bot. */
        private OnlineStatus status = OnlineStatus.ONLINE;

        /** Kind of activity shown under the bot's name. */
        private Activity.ActivityType activityType = Activity.ActivityType.CUSTOM_STATUS;

        /** Text of the activity; empty for none. */
        private @Nullable String activity;

        public OnlineStatus getStatus() {
            return this.status;
        }

        public void setStatus(OnlineStatus status) {
            this.status = status;
        }

        public Activity.ActivityType getActivityType() {
            return this.activityType;
        }

        public void setActivityType(Activity.ActivityType activityType) {
            this.activityType = activityType;
        }

        public @Nullable String getActivity() {
            return this.activity;
        }

        public void setActivity(@Nullable String activity) {
            this.activity = activity;
        }

        @Nullable Activity toActivity() {
            return (this.activity == null || this.activity.isBlank()) ? null
                    : Activity.of(this.activityType, this.activity);
        }

    }

    /**
     * Which guild members JDA keeps in memory, named after JDA's
     * {@link MemberCachePolicy} constants.
     */
    public enum MemberCache {

        /** Cache no members; each event carries the member it is about. */
        NONE(MemberCachePolicy.NONE),

        /** Cache the guild owners. */
        OWNER(MemberCachePolicy.OWNER),

        /** Cache members in voice channels. */
        VOICE(MemberCachePolicy.VOICE),

        /** Cache online members (needs GUILD_PRESENCES). */
        ONLINE(MemberCachePolicy.ONLINE),

        /** Cache members who boost the guild. */
        BOOSTER(MemberCachePolicy.BOOSTER),

        /** Cache members who have not passed membership screening. */
        PENDING(MemberCachePolicy.PENDING),

        /** JDA's default: members in voice channels and guild owners. */
        DEFAULT(MemberCachePolicy.DEFAULT),

        /** Cache every member (needs GUILD_MEMBERS for the full list). */
        ALL(MemberCachePolicy.ALL);

        private final MemberCachePolicy policy;

        MemberCache(MemberCachePolicy policy) {
            this.policy = policy;
        }

        MemberCachePolicy policy() {
            return this.policy;
        }

    }

}
