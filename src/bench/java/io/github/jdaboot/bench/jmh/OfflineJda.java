package io.github.jdaboot.bench.jmh;

import java.util.EnumSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import gnu.trove.map.TLongObjectMap;
import gnu.trove.map.hash.TLongObjectHashMap;
import net.dv8tion.jda.api.GatewayEncoding;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.events.RawGatewayEvent;
import net.dv8tion.jda.api.hooks.EventListener;
import net.dv8tion.jda.api.interactions.callbacks.IDeferrableCallback;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.requests.RestRateLimiter;
import net.dv8tion.jda.api.utils.Compression;
import net.dv8tion.jda.api.utils.MemberCachePolicy;
import net.dv8tion.jda.api.utils.SessionController;
import net.dv8tion.jda.api.utils.TimeUtil;
import net.dv8tion.jda.api.utils.cache.CacheFlag;
import net.dv8tion.jda.api.utils.data.DataArray;
import net.dv8tion.jda.api.utils.data.DataObject;
import net.dv8tion.jda.internal.JDAImpl;
import net.dv8tion.jda.internal.handle.SocketHandler;
import net.dv8tion.jda.internal.interactions.InteractionHookImpl;
import net.dv8tion.jda.internal.utils.config.AuthorizationConfig;
import net.dv8tion.jda.internal.utils.config.MetaConfig;
import net.dv8tion.jda.internal.utils.config.SessionConfig;
import net.dv8tion.jda.internal.utils.config.ThreadingConfig;
import net.dv8tion.jda.internal.utils.config.flags.ConfigFlag;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;

/**
 * A real {@link JDAImpl} that never connects. It is configured and logged in as
 * {@code JDABuilder} does it (light: no cache flags, no member cache; raw events on, as
 * the project has them; the project's intents), except that its token is not checked and
 * its {@link SessionController} never starts the gateway session JDA queues with it:
 * JDA's gateway client exists, with its handlers, but opens no socket. Its self user and
 * guild are made by JDA's {@code EntityBuilder} from the captured {@code READY} and
 * {@code GUILD_CREATE}, as after a real start; interactions and messages are received as
 * JDA's gateway client receives a dispatch: the frame parsed from its JSON, handed to the
 * client's handler of its type ({@code INTERACTION_CREATE}, {@code MESSAGE_CREATE}),
 * which builds the event and fires it to the listeners on the calling thread (JDA's event
 * thread in a connected bot), then the raw event. REST requests go to the given
 * {@link RestRateLimiter}: JDA's requester hands each queued request to it, its body
 * already serialized.
 */
final class OfflineJda implements AutoCloseable {

    private static final EnumSet<GatewayIntent> INTENTS = EnumSet.of(GatewayIntent.GUILD_MESSAGES,
            GatewayIntent.DIRECT_MESSAGES, GatewayIntent.MESSAGE_CONTENT);

    private final JDAImpl jda;

    private final AtomicLong responses = new AtomicLong();

    private final AtomicLong sequence = new AtomicLong();

    /** The increments of the snowflakes given, in order. */
    private final AtomicLong increment = new AtomicLong();

    /** The hook of the last interaction received, until it is acknowledged. */
    private volatile @Nullable InteractionHookImpl lastHook;

    OfflineJda(GatewayCapture capture, Function<RestRateLimiter.RateLimitConfig, RestRateLimiter> rateLimiter,
            OkHttpClient httpClient, Object... listeners) {
        EnumSet<ConfigFlag> flags = ConfigFlag.getDefault();
        flags.add(ConfigFlag.RAW_EVENTS);
        flags.remove(ConfigFlag.SHUTDOWN_HOOK);
        this.jda = new JDAImpl(new AuthorizationConfig("bench-token-never-sent"),
                new SessionConfig(new NeverStarted(), httpClient, null, null, flags, 900, 250), new ThreadingConfig(),
                new MetaConfig(2048, null, EnumSet.noneOf(CacheFlag.class), flags),
                new RestConfig().setBaseUrl("http://127.0.0.1:9/api/v10/").setRateLimiterFactory(rateLimiter), null);
        this.jda.setMemberCachePolicy(MemberCachePolicy.NONE);
        this.jda.login("ws://127.0.0.1:9/", null, Compression.NONE, false, GatewayIntent.getRaw(INTENTS),
                GatewayEncoding.JSON);
        DataObject ready = DataObject.fromJson(capture.ready()).getObject("d");
        this.jda.getEntityBuilder().createSelfUser(ready.getObject("user"));
        DataObject guild = DataObject.fromJson(capture.guildCreate()).getObject("d");
        TLongObjectMap<DataObject> members = new TLongObjectHashMap<>();
        DataArray memberArray = guild.optArray("members").orElseGet(DataArray::empty);
        for (int i = 0; i < memberArray.length(); i++) {
            DataObject member = memberArray.getObject(i);
            members.put(member.getObject("user").getUnsignedLong("id"), member);
        }
        this.jda.getEntityBuilder()
            .createGuild(guild.getUnsignedLong("id"), guild, members, guild.getInt("member_count", members.size()));
        this.jda.setStatus(JDA.Status.CONNECTED);
        this.jda.addEventListener((EventListener) (event) -> {
            if (event instanceof IDeferrableCallback interaction) {
                this.lastHook = (InteractionHookImpl) interaction.getHook();
            }
        });
        this.jda.addEventListener(listeners);
    }

    JDAImpl jda() {
        return this.jda;
    }

    /**
     * Receives an {@code INTERACTION_CREATE} or {@code MESSAGE_CREATE} frame as JDA's
     * gateway client does: parsed, given a fresh interaction or message id (created now,
     * as Discord's would be; the framework takes a message as a command once), handled by
     * the client's handler of its type, and followed by the raw event.
     */
    void receive(String frame) {
        DataObject raw = DataObject.fromJson(frame);
        raw.getObject("d").put("id", Long.toUnsignedString(newId()));
        raw.put("s", this.sequence.incrementAndGet());
        long responseTotal = this.responses.incrementAndGet();
        SocketHandler handler = this.jda.getClient().getHandler(raw.getString("t"));
        handler.handle(responseTotal, raw);
        if (this.jda.isRawEvents()) {
            this.jda.handleEvent(new RawGatewayEvent(this.jda, responseTotal, raw));
        }
    }

    /**
     * A snowflake of now, never given before: Discord's deadline and the acknowledgement
     * timer count from it, and the framework takes a message id it has seen as the same
     * message (a random increment repeated itself within a millisecond about once per
     * iteration at 30 us per operation, and that operation waited for a run that never
     * came).
     */
    private long newId() {
        long millis = System.currentTimeMillis() - TimeUtil.DISCORD_EPOCH;
        return (millis << 22) | (this.increment.getAndIncrement() & ((1 << 22) - 1));
    }

    /**
     * Takes the last interaction received as acknowledged, as JDA does when Discord
     * answers its callback ({@code InteractionCallbackImpl.handleSuccess} releases the
     * hook): JDA cancels then the 10-second expiry it scheduled for the interaction,
     * which otherwise holds it and its event for those 10 s. Unacknowledged at 30 us an
     * operation, about 300,000 interactions were alive at once, and G1 paused 130-160 ms
     * at each young collection in the slash and click benchmarks, the plain listener's
     * too. Nothing when the last interaction was acknowledged already.
     */
    void acknowledgeLast() {
        InteractionHookImpl hook = this.lastHook;
        if (hook != null) {
            this.lastHook = null;
            hook.ready();
        }
    }

    @Override
    public void close() {
        this.jda.shutdownNow();
    }

    /** Takes the session JDA queues to connect, and never starts it. */
    private static final class NeverStarted implements SessionController {

        @Override
        public void appendSession(SessionConnectNode node) {
        }

        @Override
        public void removeSession(SessionConnectNode node) {
        }

        @Override
        public String getGateway() {
            return "ws://127.0.0.1:9/";
        }

        @Override
        public ShardedGateway getShardedGateway(JDA api) {
            return new ShardedGateway(getGateway(), 1);
        }

    }

}
