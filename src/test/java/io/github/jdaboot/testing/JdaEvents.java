package io.github.jdaboot.testing;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.events.GenericEvent;
import net.dv8tion.jda.api.events.StatusChangeEvent;
import net.dv8tion.jda.api.hooks.EventListener;

/**
 * What JDA told the bot, as a test sees it: how many events of each type arrived, and
 * every status change in order. A bean of every {@link DiscordBotTest} context,
 * registered with JDA like any listener bean.
 */
public final class JdaEvents implements EventListener {

    private final Map<Class<?>, AtomicInteger> counts = new ConcurrentHashMap<>();

    private final List<JDA.Status> statuses = new CopyOnWriteArrayList<>();

    @Override
    public void onEvent(GenericEvent event) {
        this.counts.computeIfAbsent(event.getClass(), (type) -> new AtomicInteger()).incrementAndGet();
        if (event instanceof StatusChangeEvent change) {
            this.statuses.add(change.getNewStatus());
        }
    }

    /** How many events of this type (or a subtype) arrived so far. */
    public int count(Class<? extends GenericEvent> type) {
        return this.counts.entrySet()
            .stream()
            .filter((entry) -> type.isAssignableFrom(entry.getKey()))
            .mapToInt((entry) -> entry.getValue().get())
            .sum();
    }

    /** How many times JDA changed to this status so far. */
    public int count(JDA.Status status) {
        return (int) this.statuses.stream().filter(status::equals).count();
    }

}
