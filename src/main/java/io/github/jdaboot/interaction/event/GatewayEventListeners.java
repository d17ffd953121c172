package io.github.jdaboot.interaction.event;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.jdaboot.interaction.method.HandlerMethod;
import io.github.jdaboot.interaction.method.HandlerScanner;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.events.GenericEvent;
import net.dv8tion.jda.api.events.guild.GenericGuildEvent;
import net.dv8tion.jda.api.events.interaction.GenericInteractionCreateEvent;
import net.dv8tion.jda.api.events.message.GenericMessageEvent;
import net.dv8tion.jda.api.hooks.EventListener;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.sharding.DefaultShardManager;
import net.dv8tion.jda.api.sharding.ShardManager;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.core.MethodIntrospector;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.annotation.AnnotationAwareOrderComparator;

/**
 * Delivers JDA's gateway events to Spring {@code @EventListener} methods that take a JDA
 * event ({@code @EventListener void joined(GuildMemberJoinEvent event)}). Never on JDA's
 * event thread: each event goes to one of a fixed set of lanes by its guild, and a lane
 * runs its events one after the other on a virtual thread, so that events of one guild
 * reach listeners in the order JDA received them while guilds proceed side by side. A
 * listener that throws is logged once with an error id; the others still get the event.
 * Events no listener wants cost a map lookup on JDA's thread. A listener of events that
 * Discord sends only with a gateway intent that is off (poll votes) fails startup, saying
 * which intent to add.
 */
public class GatewayEventListeners implements EventListener, SmartInitializingSingleton, BeanFactoryAware {

    private static final Logger log = LoggerFactory.getLogger(GatewayEventListeners.class);

    private static final int LANE_BITS = 6;

    /** Lanes: guilds share them, each guild always the same one. */
    private static final int LANES = 1 << LANE_BITS;

    /**
     * A backlog this long in one lane is worth a warning (once per lane until it drains).
     */
    private static final int BACKLOG_WARNING = 10_000;

    /** One listener method. */
    private record Listener(HandlerMethod method, Class<?> type) {
    }

    private final List<Listener> listeners = new ArrayList<>();

    private final Map<Class<?>, List<Listener>> byType = new ConcurrentHashMap<>();

    private final Lane[] lanes = new Lane[LANES];

    private @Nullable ConfigurableListableBeanFactory beanFactory;

    public GatewayEventListeners() {
        for (int i = 0; i < LANES; i++) {
            this.lanes[i] = new Lane();
        }
    }

    @Override
    public void setBeanFactory(BeanFactory beanFactory) {
        this.beanFactory = (ConfigurableListableBeanFactory) beanFactory;
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (this.beanFactory == null) {
            return;
        }
        List<Listener> found = new ArrayList<>();
        HandlerScanner.scan(this.beanFactory,
                (MethodIntrospector.MetadataLookup<org.springframework.context.event.EventListener>) (
                        method) -> AnnotatedElementUtils.findMergedAnnotation(method,
                                org.springframework.context.event.EventListener.class),
                (handler, annotation) -> types(handler.method(), annotation)
                    .forEach((type) -> found.add(new Listener(handler, type))));
        found.sort((a, b) -> AnnotationAwareOrderComparator.INSTANCE.compare(a.method().method(), b.method().method()));
        if (this.beanFactory.getBeanProvider(ShardManager.class).getIfUnique() instanceof DefaultShardManager shards) {
            // the intents the shards will ask for, customizers' included (known before
            // login only to JDA's own shard manager)
            Set<GatewayIntent> intents = shards.getGatewayIntents();
            found.forEach((listener) -> ListenerIntents.check(listener.method(), listener.type(), intents));
        }
        this.listeners.addAll(found);
    }

    /**
     * The JDA event types a Spring event listener method listens to; none when it is not
     * about JDA events.
     */
    private static List<Class<?>> types(Method method, org.springframework.context.event.EventListener annotation) {
        List<Class<?>> declared = new ArrayList<>(Arrays.asList(annotation.classes()));
        if (declared.isEmpty() && method.getParameterCount() == 1) {
            declared.add(method.getParameterTypes()[0]);
        }
        return declared.stream().filter(GenericEvent.class::isAssignableFrom).toList();
    }

    @Override
    public void onEvent(GenericEvent event) {
        List<Listener> interested = this.byType.computeIfAbsent(event.getClass(),
                (type) -> this.listeners.stream()
                    .filter((listener) -> listener.type().isAssignableFrom(type))
                    .toList());
        if (!interested.isEmpty()) {
            this.lanes[lane(event)].add(() -> deliver(event, interested));
        }
    }

    private static int lane(GenericEvent event) {
        Guild guild = switch (event) {
            case GenericGuildEvent guildEvent -> guildEvent.getGuild();
            case GenericMessageEvent message when message.isFromGuild() -> message.getGuild();
            case GenericInteractionCreateEvent interaction -> interaction.getGuild();
            default -> null;
        };
        // the top bits of a multiplicative hash: ids of guilds made about the same time
        // still spread out
        return (guild != null) ? (int) ((guild.getIdLong() * 0x9E3779B97F4A7C15L) >>> (64 - LANE_BITS)) : 0;
    }

    private static void deliver(GenericEvent event, List<Listener> listeners) {
        for (Listener listener : listeners) {
            try {
                HandlerMethod method = listener.method();
                method.invoke((method.parameters().length == 0) ? new Object[0] : new Object[] { event });
            }
            catch (Throwable failure) {
                String errorId = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
                log.error("Listener {} failed on {} (error id {})", listener.method().describe(),
                        event.getClass().getSimpleName(), errorId, failure);
            }
        }
    }

    /**
     * Runs its tasks one after the other, in order, on a virtual thread while there are
     * any.
     */
    private static final class Lane {

        private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();

        private final AtomicBoolean running = new AtomicBoolean();

        private final AtomicInteger size = new AtomicInteger();

        private volatile boolean warned;

        void add(Runnable task) {
            this.tasks.add(task);
            if (this.size.incrementAndGet() > BACKLOG_WARNING && !this.warned) {
                this.warned = true;
                log.warn("{} gateway events are waiting for @EventListener methods that keep up with them too slowly",
                        this.size.get());
            }
            if (this.running.compareAndSet(false, true)) {
                Thread.ofVirtual().name("discord-events").start(this::drain);
            }
        }

        private void drain() {
            while (true) {
                Runnable task;
                while ((task = this.tasks.poll()) != null) {
                    this.size.decrementAndGet();
                    task.run();
                }
                this.warned = false;
                this.running.set(false);
                // a task added after the last poll but before the flag was cleared finds
                // it still set
                if (this.tasks.isEmpty() || !this.running.compareAndSet(false, true)) {
                    return;
                }
            }
        }

    }

}
